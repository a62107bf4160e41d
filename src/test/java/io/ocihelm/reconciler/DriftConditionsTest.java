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
import io.ocihelm.apply.Inventory;
import io.ocihelm.assess.ObjectDrift;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Drifted condition after a drift check: what it says, and that no drift writes nothing. */
class DriftConditionsTest {
  private static final String EARLIER = "2026-11-25T10:00:00Z";
  private static final String NOW = "2026-11-25T12:00:00Z";
  private static final StatusWriter WRITER = new StatusWriter(Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC));
  private static final ObjectDrift REPLICAS = new ObjectDrift(
      new Inventory.Entry("apps/v1", "Deployment", "ns", "web"), ObjectDrift.State.CHANGED, List.of("/spec/replicas"), null);
  private static final ObjectDrift DELETED = new ObjectDrift(
      new Inventory.Entry("v1", "ConfigMap", "ns", "cfg"), ObjectDrift.State.DELETED, List.of(), null);

  record Case(String name, ConditionStatus driftedBefore, DriftResult result, boolean writes,
      ConditionStatus after, String reason, String message, String since) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    DriftResult correctedBoth = DriftResult.corrected(List.of(withCorrection(REPLICAS), withCorrection(DELETED)));
    return Stream.of(
        new Case("in sync, False before: nothing written", ConditionStatus.False, DriftResult.IN_SYNC, false,
            ConditionStatus.False, "NoDrift", "released objects match what was applied", EARLIER),
        new Case("in sync, no condition before: nothing written", null, DriftResult.IN_SYNC, false, null, null, null, null),
        new Case("detection did not run: nothing written", ConditionStatus.False, null, false,
            ConditionStatus.False, "NoDrift", "released objects match what was applied", EARLIER),
        new Case("warn: Drifted=True listing objects", ConditionStatus.False, DriftResult.detected(List.of(REPLICAS, DELETED)), true,
            ConditionStatus.True, "DriftDetected", "2 drifted: Deployment ns/web: /spec/replicas; ConfigMap ns/cfg: deleted", NOW),
        new Case("corrected: Drifted=False, transition kept", ConditionStatus.False, correctedBoth, true,
            ConditionStatus.False, "DriftCorrected", "2 corrected: Deployment ns/web: /spec/replicas; ConfigMap ns/cfg: deleted", EARLIER),
        new Case("correction failed: Drifted=True with the failure", ConditionStatus.False,
            DriftResult.correctionFailed(List.of(withCorrection(REPLICAS)), "conflict"), true,
            ConditionStatus.True, "DriftDetected", "1 drifted: Deployment ns/web: /spec/replicas; correction failed: conflict", NOW),
        new Case("drift gone after warn: Drifted=False", ConditionStatus.True, DriftResult.IN_SYNC, true,
            ConditionStatus.False, "NoDrift", "released objects match what was applied", NOW));
  }

  private static ObjectDrift withCorrection(ObjectDrift drift) {
    return new ObjectDrift(drift.entry(), drift.state(), drift.paths(), new io.fabric8.kubernetes.api.model.GenericKubernetesResource());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void driftedCondition(Case c) {
    OciHelmRelease release = release(c.driftedBefore());
    ReleaseRequest request = new ReleaseRequest(release);
    request.setDrift(c.result());

    OciHelmReleaseStatus desired = WRITER.desired(new ReconcileOutcome.UpToDate(request));

    assertThat(StatusWriter.changed(release.getStatus(), desired)).isEqualTo(c.writes());
    var drifted = desired.getConditions().stream().filter(x -> x.is(ConditionType.Drifted)).findFirst();
    if (c.after() == null) {
      assertThat(drifted).isEmpty();
      return;
    }
    assertThat(drifted).get().satisfies(d -> {
      assertThat(d.getStatus()).isEqualTo(c.after());
      assertThat(d.getReason()).isEqualTo(c.reason());
      assertThat(d.getMessage()).isEqualTo(c.message());
      assertThat(d.getLastTransitionTime()).isEqualTo(c.since());
    });
    assertThat(desired.getConditions()).extracting(Condition::getType).containsExactly("Ready", "Drifted");
  }

  @Test
  void theMessageStaysBounded() {
    List<ObjectDrift> many = IntStream.range(0, 500).mapToObj(i -> new ObjectDrift(
        new Inventory.Entry("v1", "ConfigMap", "ns", "config-" + i), ObjectDrift.State.DELETED, List.of(), null)).toList();
    String message = DriftConditions.bounded("500 drifted: ", many, "");
    assertThat(message).hasSizeLessThanOrEqualTo(DriftConditions.MAX_MESSAGE).endsWith(" more")
        .startsWith("500 drifted: ConfigMap ns/config-0: deleted; ConfigMap ns/config-1: deleted");
  }

  private static OciHelmRelease release(ConditionStatus driftedBefore) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("ns").withGeneration(2L).build());
    release.setSpec(new OciHelmReleaseSpec());
    OciHelmReleaseStatus status = new OciHelmReleaseStatus();
    List<Condition> conditions = new ArrayList<>();
    conditions.add(new Condition(ConditionType.Ready, ConditionStatus.True, Reason.Succeeded, "applied", 2, EARLIER));
    if (driftedBefore != null) {
      conditions.add(new Condition(ConditionType.Drifted, driftedBefore,
          driftedBefore == ConditionStatus.True ? Reason.DriftDetected : Reason.NoDrift,
          driftedBefore == ConditionStatus.True ? "1 drifted: x" : "released objects match what was applied", 2, EARLIER));
    }
    status.setConditions(conditions);
    release.setStatus(status);
    return release;
  }
}
