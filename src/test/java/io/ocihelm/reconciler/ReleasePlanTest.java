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
import io.ocihelm.oci.OciReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a reconcile does for the status it finds and the inputs it observed. */
class ReleasePlanTest {
  private static final String REVISION = "0.1.0@sha256:" + "a".repeat(64);
  private static final String VALUES = "sha256:values";

  record Case(String name, List<Condition> conditions, String attemptedRevision, String attemptedValues,
      String appliedRevision, ReleasePlan plan) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Condition condition(ConditionType type, ConditionStatus status, Reason reason) {
    return new Condition(type, status, reason, "", 1, "2026-11-25T12:00:00Z");
  }

  static Stream<Case> cases() {
    Condition ready = condition(ConditionType.Ready, ConditionStatus.True, Reason.Succeeded);
    Condition progressing = condition(ConditionType.Ready, ConditionStatus.Unknown, Reason.Progressing);
    Condition healthFailed = condition(ConditionType.Ready, ConditionStatus.False, Reason.HealthCheckFailed);
    Condition renderFailed = condition(ConditionType.Ready, ConditionStatus.False, Reason.RenderFailed);
    Condition stalledHealth = condition(ConditionType.Stalled, ConditionStatus.True, Reason.HealthCheckFailed);
    Condition stalledApply = condition(ConditionType.Stalled, ConditionStatus.True, Reason.ApplyFailed);
    Condition stalledRender = condition(ConditionType.Stalled, ConditionStatus.True, Reason.RenderFailed);
    Condition retrying = condition(ConditionType.Reconciling, ConditionStatus.True, Reason.Progressing);
    return Stream.of(
        new Case("new release", List.of(), null, null, null, ReleasePlan.RELEASE),
        new Case("ready with the same inputs", List.of(ready), REVISION, VALUES, REVISION, ReleasePlan.UP_TO_DATE),
        new Case("ready, written before attempted values were recorded", List.of(ready), REVISION, null, REVISION,
            ReleasePlan.UP_TO_DATE),
        new Case("ready with another chart", List.of(ready), "0.0.9@sha256:b", VALUES, "0.0.9@sha256:b", ReleasePlan.RELEASE),
        new Case("waiting for health of these inputs", List.of(progressing), REVISION, VALUES, null, ReleasePlan.AWAIT_HEALTH),
        new Case("waiting for health of other values", List.of(progressing), REVISION, "sha256:old", null, ReleasePlan.RELEASE),
        new Case("health failed, retry due", List.of(healthFailed, retrying), REVISION, VALUES, null, ReleasePlan.RELEASE),
        new Case("health failed, remediation exhausted", List.of(healthFailed, stalledHealth), REVISION, VALUES, null,
            ReleasePlan.STALLED),
        new Case("apply failed, remediation exhausted", List.of(healthFailed, stalledApply), REVISION, VALUES, null,
            ReleasePlan.STALLED),
        new Case("exhausted, but the values changed", List.of(healthFailed, stalledHealth), REVISION, "sha256:old", null,
            ReleasePlan.RELEASE),
        new Case("render failure is tried again each interval", List.of(renderFailed, stalledRender), REVISION, VALUES, null,
            ReleasePlan.RELEASE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case c) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("team-a").withGeneration(1L).build());
    release.setSpec(new OciHelmReleaseSpec());
    OciHelmReleaseStatus status = new OciHelmReleaseStatus();
    status.setObservedGeneration(c.attemptedRevision() == null ? null : 1L);
    status.setConditions(new ArrayList<>(c.conditions()));
    status.setLastAttemptedRevision(c.attemptedRevision());
    status.setLastAttemptedValuesChecksum(c.attemptedValues());
    status.setLastAppliedRevision(c.appliedRevision());
    status.setLastAppliedValuesChecksum(c.appliedRevision() == null ? null : VALUES);
    release.setStatus(status);
    ReleaseRequest request = new ReleaseRequest(release);
    request.setResolvedChart(new ReleaseRequest.ResolvedChart(
        OciReference.parse("oci://127.0.0.1:5000/charts/demo:0.1.0"), "0.1.0", "sha256:" + "a".repeat(64)));
    request.setValues(new ReleaseRequest.MergedValues(Map.of(), VALUES));

    assertThat(ReleasePlan.decide(request)).isEqualTo(c.plan());
  }
}
