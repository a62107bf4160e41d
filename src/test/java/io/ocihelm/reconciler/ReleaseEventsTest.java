package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.Inventory;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.oci.OciReference;
import io.ocihelm.reconciler.step.ReleaseStep;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Events per transition, derived from status: the reconciler with fake steps and a recording sink.
 * A reconcile that changes nothing, or fails the same way again, says nothing.
 */
class ReleaseEventsTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  private static final String DIGEST = "sha256:" + "c".repeat(64);

  private final List<String> published = new ArrayList<>();
  private final AtomicReference<ReleaseStep> render = new AtomicReference<>(r -> {});
  private final AtomicReference<String> version = new AtomicReference<>("0.1.0");

  private final java.util.Set<String> onceKeys = new java.util.HashSet<>();
  // Like the API server with KubernetesEventSink: a once-only event's second create is refused.
  private final ReleaseEvents events = new ReleaseEvents((release, event, onceKey) -> {
    if (onceKey == null || onceKeys.add(release.getMetadata().getUid() + "/" + onceKey)) {
      published.add(event.type() + " " + event.reason() + " " + event.message() + (onceKey == null ? "" : " [" + onceKey + "]"));
    }
  });

  private OciHelmReleaseReconciler reconciler(Map<String, OciHelmRelease> others) {
    ReleaseSteps steps = new ReleaseSteps(
        r -> r.setResolvedChart(new ReleaseRequest.ResolvedChart(
            OciReference.parse("oci://127.0.0.1:5000/charts/demo:" + version.get()), version.get(), DIGEST)),
        r -> r.setValues(new ReleaseRequest.MergedValues(Map.of("password", "s3cr3t"), "sha256:" + version.get())),
        r -> {},
        r -> r.setChart(new ChartLoader().loadFiles(List.of(new ChartFile("Chart.yaml",
            ("apiVersion: v2\nname: demo\nversion: " + version.get() + "\n").getBytes(StandardCharsets.UTF_8))))),
        r -> {},
        r -> {
          r.setRevision(r.observedStatus().getHistory().size() + 1);
          render.get().run(r);
        },
        r -> {},
        r -> r.setApplied(Inventory.of(List.of(new Inventory.Entry("v1", "ConfigMap", "team-a", "demo")))),
        r -> {},
        r -> r.setHealth(HealthVerdict.notWaited()),
        r -> r.setRecorded(new ReleaseRequest.RecordedRevision(r.revision(), "deployed", "done")),
        (r, failure) -> {},
        r -> {},
        r -> {},
        r -> {},
        null);
    return new OciHelmReleaseReconciler(steps, new StatusWriter(CLOCK), null, events,
        (namespace, name) -> Optional.ofNullable(others.get(namespace + "/" + name)));
  }

  private static OciHelmRelease release() {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("team-a").withUid("uid-1")
        .withGeneration(1L).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository("oci://127.0.0.1:5000/charts/demo");
    spec.setChart(chart);
    spec.setValues(new ObjectMapper().valueToTree(Map.of("password", "s3cr3t")));
    release.setSpec(spec);
    return release;
  }

  @Test
  void installThenNoOpThenUpgradeSayEachOnce() {
    OciHelmReleaseReconciler reconciler = reconciler(Map.of());
    OciHelmRelease release = release();

    reconciler.reconcile(release, null);
    reconciler.reconcile(release, null);
    version.set("0.2.0");
    reconciler.reconcile(release, null);

    assertThat(published).containsExactly(
        "Normal Succeeded Installed release demo: chart demo 0.1.0 (revision 1)",
        "Normal Succeeded Upgraded release demo to chart demo 0.2.0@sha256:cccccccccccc (revision 2)");
    assertThat(published).noneMatch(e -> e.contains("s3cr3t"));
  }

  @Test
  void aRepeatedFailureIsOneWarningAndTheRecoveryOneMore() {
    OciHelmReleaseReconciler reconciler = reconciler(Map.of());
    OciHelmRelease release = release();
    render.set(r -> { throw ReconcileFailure.terminal(Reason.RenderFailed, "template: demo/templates/a.yaml:1: boom", null); });

    reconciler.reconcile(release, null);
    reconciler.reconcile(release, null);
    render.set(r -> {});
    release.getMetadata().setGeneration(2L);
    reconciler.reconcile(release, null);

    assertThat(published).containsExactly(
        "Warning RenderFailed template: demo/templates/a.yaml:1: boom",
        "Normal Succeeded Installed release demo: chart demo 0.1.0 (revision 1)");
  }

  @Test
  void suspendIsSaidOncePerSuspensionAndResumeOnce() {
    OciHelmReleaseReconciler reconciler = reconciler(Map.of());
    OciHelmRelease release = release();
    reconciler.reconcile(release, null);
    published.clear();

    release.getSpec().setSuspend(true);
    release.getMetadata().setGeneration(2L);
    var suspended = reconciler.reconcile(release, null);
    release.getMetadata().setGeneration(3L);
    reconciler.reconcile(release, null);
    release.getSpec().setSuspend(false);
    release.getMetadata().setGeneration(4L);
    reconciler.reconcile(release, null);
    reconciler.reconcile(release, null);

    assertThat(suspended.isNoUpdate()).isTrue();
    assertThat(suspended.getScheduleDelay()).isEmpty();
    assertThat(published).containsExactly(
        "Normal Suspended Reconciliation suspended: nothing is applied, pruned or corrected until spec.suspend is false [suspended-after-1]",
        "Normal Progressing Reconciliation resumed",
        "Normal Succeeded Upgraded release demo to chart demo 0.1.0@sha256:cccccccccccc (revision 2)");
  }

  @Test
  void waitingForADependencyIsSaidOnceAndRecheckedSoon() {
    OciHelmReleaseReconciler reconciler = reconciler(Map.of());
    OciHelmRelease release = release();
    io.ocihelm.api.v1alpha1.DependencyReference dependency = new io.ocihelm.api.v1alpha1.DependencyReference();
    dependency.setName("db");
    release.getSpec().setDependsOn(List.of(dependency));

    var first = reconciler.reconcile(release, null);
    var second = reconciler.reconcile(release, null);

    assertThat(first.isPatchStatus()).isTrue();
    assertThat(first.getScheduleDelay()).hasValue(DependsOn.RECHECK.toMillis());
    assertThat(second.isNoUpdate()).isTrue();
    assertThat(second.getScheduleDelay()).hasValue(DependsOn.RECHECK.toMillis());
    assertThat(published).containsExactly(
        "Normal DependencyNotReady waiting for dependency team-a/db (not found)");
  }

  @Test
  void uninstallIsSaid() {
    OciHelmReleaseReconciler reconciler = reconciler(Map.of());

    reconciler.cleanup(release(), null);

    assertThat(published).containsExactly("Normal Succeeded Uninstalled release demo");
  }
}
