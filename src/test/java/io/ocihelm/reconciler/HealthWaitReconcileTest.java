package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.apply.Inventory;
import io.ocihelm.assess.ReleaseHealth;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.oci.OciReference;
import io.ocihelm.reconciler.step.AssessHealth;
import io.ocihelm.reconciler.step.RecordRelease;
import io.ocihelm.reconciler.step.ReleaseRecorder;
import io.ocihelm.reconciler.step.ReleaseStep;
import io.ocihelm.render.RenderedRelease;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * spec.wait through the reconciler with the real health and record steps: waiting never blocks
 * (status says Progressing and the reconcile comes back soon), health after the fact makes the
 * pending revision deployed, spec.timeout makes it failed with HealthCheckFailed, and remediation
 * retries or stalls.
 */
class HealthWaitReconcileTest {
  private static final String DIGEST = "sha256:" + "a".repeat(64);
  private static final Inventory.Entry WEB = new Inventory.Entry("apps/v1", "Deployment", "team-a", "web");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
  private final FakeRecords records = new FakeRecords();
  private final List<String> ran = new ArrayList<>();
  private final List<String> remediations = new ArrayList<>();
  private GenericKubernetesResource web = deployment(false);

  private OciHelmReleaseReconciler reconciler() {
    ReleaseStep render = r -> {
      ran.add("render");
      r.setRevision(records.nextRevision(r));
      r.setRendered(new RenderedRelease(List.of(), List.of(), "", List.of()));
    };
    ReleaseSteps steps = new ReleaseSteps(
        r -> r.setResolvedChart(new ReleaseRequest.ResolvedChart(
            OciReference.parse("oci://127.0.0.1:5000/charts/demo:0.1.0"), "0.1.0", DIGEST)),
        r -> r.setValues(new ReleaseRequest.MergedValues(Map.of(), "sha256:values")),
        r -> {},
        r -> r.setChart(new ChartLoader().loadFiles(List.of(new ChartFile(
            "Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n".getBytes(StandardCharsets.UTF_8))))),
        r -> {},
        render,
        r -> {},
        r -> {
          ran.add("apply");
          r.setApplied(Inventory.of(List.of(WEB)));
        },
        r -> {},
        new AssessHealth(new ReleaseHealth(entry -> Optional.of(web)), records, clock),
        new RecordRelease(records),
        (r, failure) -> {
          Remediation decision = Remediation.decide(r.spec(), false, r.failuresIncludingThis());
          remediations.add(decision.action().name());
          r.setRemediation(decision);
        },
        r -> {},
        r -> {},
        r -> ran.add("drift"),
        null);
    return new OciHelmReleaseReconciler(steps, new StatusWriter(clock));
  }

  private static GenericKubernetesResource deployment(boolean healthy) {
    GenericKubernetesResource d = new GenericKubernetesResource();
    d.setApiVersion("apps/v1");
    d.setKind("Deployment");
    d.setMetadata(new ObjectMetaBuilder().withName("web").withNamespace("team-a").withGeneration(1L).build());
    if (healthy) {
      d.setAdditionalProperty("status", Map.of("observedGeneration", 1, "replicas", 1, "updatedReplicas", 1,
          "readyReplicas", 1, "availableReplicas", 1, "conditions", List.of(Map.of("type", "Available", "status", "True"))));
    }
    return d;
  }

  private static OciHelmRelease release() {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("team-a").withGeneration(1L).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository("oci://127.0.0.1:5000/charts/demo");
    chart.setVersion("0.1.0");
    spec.setChart(chart);
    spec.setTimeout("1m");
    release.setSpec(spec);
    return release;
  }

  /** Ready, Reconciling, Stalled (Drifted is drift's). */
  private static List<Tuple> conditions(OciHelmRelease release) {
    return release.getStatus().getConditions().stream()
        .filter(c -> !c.getType().equals("Drifted"))
        .map(c -> new Tuple(c.getType(), c.getStatus(), c.getReason()))
        .toList();
  }

  @Test
  void anUnhealthyReleaseIsProgressingAndRecheckedSoon() {
    OciHelmRelease release = release();

    var control = reconciler().reconcile(release, null);

    assertThat(conditions(release)).containsExactly(
        new Tuple("Ready", ConditionStatus.Unknown, "Progressing"),
        new Tuple("Reconciling", ConditionStatus.True, "Progressing"));
    assertThat(release.getStatus().getConditions().getFirst().getMessage()).isEqualTo(
        "waiting up to 1m for the release to become healthy: 1 of 1 objects not healthy:"
            + " Deployment team-a/web: not yet observed by its controller");
    assertThat(control.getScheduleDelay()).hasValue(2_000L);
    assertThat(records.events).containsExactly("pending");
    assertThat(release.getStatus().getLastAppliedRevision()).isNull();
    assertThat(release.getStatus().getInventory()).hasSize(1);
  }

  @Test
  void aRecheckOnlyAssessesAndWritesNothingWhileNothingChanged() {
    OciHelmRelease release = release();
    var reconciler = reconciler();
    reconciler.reconcile(release, null);
    ran.clear();
    clock.advance(Duration.ofSeconds(20));

    var control = reconciler.reconcile(release, null);

    assertThat(ran).isEmpty();
    assertThat(control.isNoUpdate()).isTrue();
    assertThat(control.getScheduleDelay()).hasValue(5_000L);
    assertThat(records.events).containsExactly("pending");
  }

  @Test
  void becomingHealthyDeploysThePendingRevision() {
    OciHelmRelease release = release();
    var reconciler = reconciler();
    reconciler.reconcile(release, null);
    ran.clear();
    web = deployment(true);

    var control = reconciler.reconcile(release, null);

    assertThat(ran).isEmpty();
    assertThat(conditions(release)).containsExactly(new Tuple("Ready", ConditionStatus.True, "Succeeded"));
    assertThat(release.getStatus().getLastAppliedRevision()).isEqualTo("0.1.0@" + DIGEST);
    assertThat(records.events).containsExactly("pending", "settled deployed");
    assertThat(control.getScheduleDelay()).hasValue(600_000L);
  }

  @Test
  void aHealthyReleaseIsDeployedAtOnce() {
    web = deployment(true);
    OciHelmRelease release = release();

    reconciler().reconcile(release, null);

    assertThat(conditions(release)).containsExactly(new Tuple("Ready", ConditionStatus.True, "Succeeded"));
    assertThat(records.events).containsExactly("deployed");
  }

  @Test
  void withoutWaitTheReleaseIsReadyWhenApplied() {
    OciHelmRelease release = release();
    release.getSpec().setWait(false);

    reconciler().reconcile(release, null);

    assertThat(conditions(release)).containsExactly(new Tuple("Ready", ConditionStatus.True, "Succeeded"));
    assertThat(records.events).containsExactly("deployed");
  }

  @Test
  void theTimeoutFailsTheRevisionAndNamesTheUnhealthyObjects() {
    OciHelmRelease release = release();
    var reconciler = reconciler();
    reconciler.reconcile(release, null);
    clock.advance(Duration.ofMinutes(1));

    reconciler.reconcile(release, null);

    String message = "not healthy after 1m: 1 of 1 objects not healthy: Deployment team-a/web: not yet observed by its controller";
    assertThat(records.events).containsExactly("pending", "settled failed: " + message);
    assertThat(conditions(release)).containsExactly(
        new Tuple("Ready", ConditionStatus.False, "HealthCheckFailed"),
        new Tuple("Stalled", ConditionStatus.True, "HealthCheckFailed"));
    assertThat(release.getStatus().getConditions().getFirst().getMessage())
        .isEqualTo(message + "; no retries configured");
    assertThat(release.getStatus().getFailures()).isEqualTo(1L);
    assertThat(remediations).containsExactly("NONE");
  }

  @Test
  void anExhaustedReleaseIsNotTriedAgainUntilItsInputsChange() {
    OciHelmRelease release = release();
    var reconciler = reconciler();
    reconciler.reconcile(release, null);
    clock.advance(Duration.ofMinutes(1));
    reconciler.reconcile(release, null);
    ran.clear();

    var control = reconciler.reconcile(release, null);

    assertThat(ran).isEmpty();
    assertThat(control.isNoUpdate()).isTrue();
    release.getMetadata().setGeneration(2L);
    reconciler.reconcile(release, null);
    assertThat(ran).containsExactly("render", "apply");
    assertThat(release.getStatus().getFailures()).isEqualTo(1L);
  }

  @Test
  void aRetryComesSoonAndRendersAgain() {
    OciHelmRelease release = release();
    release.getSpec().getInstall().getRemediation().setRetries(1);
    var reconciler = reconciler();
    reconciler.reconcile(release, null);
    clock.advance(Duration.ofMinutes(1));

    var control = reconciler.reconcile(release, null);

    assertThat(conditions(release)).containsExactly(
        new Tuple("Ready", ConditionStatus.False, "HealthCheckFailed"),
        new Tuple("Reconciling", ConditionStatus.True, "Progressing"));
    assertThat(release.getStatus().getConditions().getFirst().getMessage()).endsWith("; retrying (attempt 2 of 2)");
    assertThat(control.getScheduleDelay()).hasValue(OciHelmReleaseReconciler.RETRY_DELAY.toMillis());
    ran.clear();
    web = deployment(true);

    reconciler.reconcile(release, null);

    assertThat(ran).containsExactly("render", "apply");
    assertThat(conditions(release)).containsExactly(new Tuple("Ready", ConditionStatus.True, "Succeeded"));
    assertThat(release.getStatus().getFailures()).isZero();
  }

  /** Records what the reconcile asked of the release records; a pending revision knows when it started. */
  private final class FakeRecords implements ReleaseRecorder {
    final List<String> events = new ArrayList<>();
    Instant pendingSince;

    @Override
    public long nextRevision(ReleaseRequest request) {
      return 1;
    }

    @Override
    public void recordDeployed(ReleaseRequest request) {
      events.add("deployed");
      pendingSince = null;
    }

    @Override
    public void recordFailed(ReleaseRequest request, String description) {
      events.add("failed: " + description);
      pendingSince = null;
    }

    @Override
    public void recordPending(ReleaseRequest request) {
      events.add("pending");
      pendingSince = clock.instant();
    }

    @Override
    public Optional<Instant> pendingSince(ReleaseRequest request) {
      return Optional.ofNullable(pendingSince);
    }

    @Override
    public void settlePending(ReleaseRequest request, boolean deployed, String description) {
      events.add("settled " + (deployed ? "deployed" : "failed: " + description));
      pendingSince = null;
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
