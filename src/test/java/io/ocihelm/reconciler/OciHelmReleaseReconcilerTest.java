package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.Inventory;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.oci.OciReference;
import io.ocihelm.reconciler.step.ReleaseStep;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table of contents: which steps run for which observation, and what reaches status. */
class OciHelmReleaseReconcilerTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  private static final String DIGEST = RecordingSteps.DIGEST;

  private final RecordingSteps recorded = new RecordingSteps();
  private final List<String> ran = recorded.ran;

  private ReleaseSteps steps(ReleaseStep render) {
    return recorded.with(render);
  }


  private static OciHelmRelease release(long generation) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("team-a").withGeneration(generation).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository("oci://127.0.0.1:5000/charts/demo");
    chart.setVersion("0.1.0");
    spec.setChart(chart);
    release.setSpec(spec);
    return release;
  }

  @Test
  void aNewReleaseRunsEveryStepAndReportsReady() {
    var reconciler = new OciHelmReleaseReconciler(steps(r -> {}), new StatusWriter(CLOCK));
    OciHelmRelease release = release(1);

    var control = reconciler.reconcile(release, null);

    assertThat(ran).containsExactly("resolve", "values", "verify", "fetch", "crds", "render", "namespace", "apply", "prune", "health", "record");
    assertThat(control.isPatchStatus()).isTrue();
    Condition ready = release.getStatus().getConditions().getFirst();
    assertThat(ready.is(ConditionType.Ready)).isTrue();
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.True);
    assertThat(ready.getReason()).isEqualTo(Reason.Succeeded.name());
    assertThat(release.getStatus().getLastAppliedRevision()).isEqualTo("0.1.0@" + DIGEST);
    assertThat(release.getStatus().getLastAppliedValuesChecksum()).isEqualTo("sha256:values");
    assertThat(release.getStatus().getObservedGeneration()).isEqualTo(1L);
    assertThat(control.getScheduleDelay()).hasValue(600_000L);
  }

  @Test
  void unchangedInputsOnlyObserveAndWriteNothing() {
    var reconciler = new OciHelmReleaseReconciler(steps(r -> {}), new StatusWriter(CLOCK));
    OciHelmRelease release = release(1);
    reconciler.reconcile(release, null);
    ran.clear();

    var control = reconciler.reconcile(release, null);

    assertThat(ran).containsExactly("resolve", "values", "drift");
    assertThat(control.isNoUpdate()).isTrue();
  }

  @Test
  void aNewGenerationReleasesAgain() {
    var reconciler = new OciHelmReleaseReconciler(steps(r -> {}), new StatusWriter(CLOCK));
    OciHelmRelease release = release(1);
    reconciler.reconcile(release, null);
    ran.clear();
    release.getMetadata().setGeneration(2L);

    reconciler.reconcile(release, null);

    assertThat(ran).contains("render", "apply");
    assertThat(release.getStatus().getObservedGeneration()).isEqualTo(2L);
  }

  @Test
  void aRenderFailureStallsAndAppliesNothing() {
    String message = "template: demo/templates/cm.yaml:3:12: executing \"demo/templates/cm.yaml\" at <fail \"no\">: error calling fail: no";
    var reconciler = new OciHelmReleaseReconciler(
        steps(r -> { throw ReconcileFailure.terminal(Reason.RenderFailed, message, null); }), new StatusWriter(CLOCK));
    OciHelmRelease release = release(1);

    var control = reconciler.reconcile(release, null);

    assertThat(ran).doesNotContain("apply", "prune", "record");
    assertThat(control.isPatchStatus()).isTrue();
    assertThat(release.getStatus().getConditions())
        .extracting(Condition::getType, Condition::getStatus, Condition::getReason, Condition::getMessage)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Ready", ConditionStatus.False, "RenderFailed", message),
            org.assertj.core.groups.Tuple.tuple("Stalled", ConditionStatus.True, "RenderFailed", message));
    assertThat(release.getStatus().getLastAppliedRevision()).isNull();
    assertThat(release.getStatus().getLastAttemptedRevision()).isEqualTo("0.1.0@" + DIGEST);
  }

  @Test
  void aTransientFailureIsRethrownForBackoffAndReportedAsReconciling() {
    ReconcileFailure unavailable =
        ReconcileFailure.transientFailure(Reason.RegistryUnavailable, "connection refused", null);
    var reconciler = new OciHelmReleaseReconciler(
        recorded.failingResolve(unavailable),
        new StatusWriter(CLOCK));
    OciHelmRelease release = release(1);

    assertThatThrownBy(() -> reconciler.reconcile(release, null)).isSameAs(unavailable);
    var control = reconciler.updateErrorStatus(release, null, unavailable);

    assertThat(control.getResource()).isPresent();
    assertThat(release.getStatus().getConditions())
        .extracting(Condition::getType, Condition::getStatus, Condition::getReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Ready", ConditionStatus.False, "RegistryUnavailable"),
            org.assertj.core.groups.Tuple.tuple("Reconciling", ConditionStatus.True, "Progressing"));
    assertThat(release.getStatus().getFailures()).isEqualTo(1L);
  }

  @Test
  void aSuspendedReleaseIsLeftAlone() {
    var reconciler = new OciHelmReleaseReconciler(steps(r -> {}), new StatusWriter(CLOCK));
    OciHelmRelease release = release(1);
    release.getSpec().setSuspend(true);

    var control = reconciler.reconcile(release, null);

    assertThat(ran).isEmpty();
    assertThat(control.isNoUpdate()).isTrue();
  }

  @Test
  void deletionRunsOnlyTheUninstall() {
    var reconciler = new OciHelmReleaseReconciler(steps(r -> {}), new StatusWriter(CLOCK));

    var control = reconciler.cleanup(release(1), null);

    assertThat(ran).containsExactly("uninstall");
    assertThat(control.isRemoveFinalizer()).isTrue();
  }
}
