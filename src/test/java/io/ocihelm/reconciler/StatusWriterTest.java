package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.api.v1alpha1.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Conditions from outcomes: lastTransitionTime moves only when a condition's status does. */
class StatusWriterTest {
  private static final String EARLIER = "2026-11-25T10:00:00Z";
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

  record Case(String name, ConditionStatus readyBefore, ReconcileFailure failure,
      ConditionStatus readyAfter, String reasonAfter, String transitionAfter, ConditionType companion) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    ReconcileFailure render = ReconcileFailure.terminal(Reason.RenderFailed, "template: x", null);
    ReconcileFailure registry = ReconcileFailure.transientFailure(Reason.RegistryUnavailable, "refused", null);
    return Stream.of(
        new Case("first terminal failure stamps now", null, render,
            ConditionStatus.False, "RenderFailed", "2026-11-25T12:00:00Z", ConditionType.Stalled),
        new Case("failure after failure keeps the transition", ConditionStatus.False, render,
            ConditionStatus.False, "RenderFailed", EARLIER, ConditionType.Stalled),
        new Case("failure after Ready moves the transition", ConditionStatus.True, render,
            ConditionStatus.False, "RenderFailed", "2026-11-25T12:00:00Z", ConditionType.Stalled),
        new Case("transient failure is Reconciling", ConditionStatus.False, registry,
            ConditionStatus.False, "RegistryUnavailable", EARLIER, ConditionType.Reconciling));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void conditionsFollowTheOutcome(Case c) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("ns").withGeneration(4L).build());
    release.setSpec(new OciHelmReleaseSpec());
    OciHelmReleaseStatus before = new OciHelmReleaseStatus();
    if (c.readyBefore() != null) {
      before.setConditions(new ArrayList<>(List.of(new Condition(
          ConditionType.Ready, c.readyBefore(), Reason.Succeeded, "old", 3, EARLIER))));
    }
    release.setStatus(before);

    OciHelmReleaseStatus after = new StatusWriter(NOW)
        .desired(new ReconcileOutcome.Failed(new ReleaseRequest(release), c.failure()));

    Condition ready = after.getConditions().getFirst();
    assertThat(ready.getStatus()).isEqualTo(c.readyAfter());
    assertThat(ready.getReason()).isEqualTo(c.reasonAfter());
    assertThat(ready.getLastTransitionTime()).isEqualTo(c.transitionAfter());
    assertThat(ready.getObservedGeneration()).isEqualTo(4L);
    assertThat(after.getConditions()).extracting(Condition::getType)
        .containsExactly("Ready", c.companion().name());
    assertThat(after.getObservedGeneration()).isEqualTo(4L);
    assertThat(StatusWriter.changed(before, after)).isTrue();
    assertThat(StatusWriter.changed(after, new StatusWriter(NOW).desired(
        new ReconcileOutcome.UpToDate(new ReleaseRequest(withStatus(release, after)))))).isFalse();
  }

  private static OciHelmRelease withStatus(OciHelmRelease release, OciHelmReleaseStatus status) {
    release.setStatus(status);
    return release;
  }
}
