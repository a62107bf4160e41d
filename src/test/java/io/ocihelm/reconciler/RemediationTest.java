package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocihelm.api.v1alpha1.ExhaustedAction;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.reconciler.Remediation.Action;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Retry while failures do not exceed the retries; then the last resort of install or upgrade. */
class RemediationTest {

  record Case(String name, int installRetries, ExhaustedAction installExhausted, int upgradeRetries,
      ExhaustedAction upgradeExhausted, boolean upgrade, long failures, Action action, String described) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("install without retries is left as it is", 0, ExhaustedAction.NONE, 0, ExhaustedAction.ROLLBACK,
            false, 1, Action.NONE, "no retries configured"),
        new Case("install retried while failures do not exceed retries", 2, ExhaustedAction.NONE, 0, ExhaustedAction.ROLLBACK,
            false, 2, Action.RETRY, "retrying (attempt 3 of 3)"),
        new Case("install exhausted uninstalls", 2, ExhaustedAction.UNINSTALL, 0, ExhaustedAction.ROLLBACK,
            false, 3, Action.UNINSTALL, "retries exhausted (3 failures)"),
        new Case("install never rolls back", 0, ExhaustedAction.ROLLBACK, 0, ExhaustedAction.ROLLBACK,
            false, 1, Action.NONE, "no retries configured"),
        new Case("install counts install retries only", 0, ExhaustedAction.NONE, 5, ExhaustedAction.ROLLBACK,
            false, 1, Action.NONE, "no retries configured"),
        new Case("upgrade without retries rolls back by default", 3, ExhaustedAction.NONE, 0, ExhaustedAction.ROLLBACK,
            true, 1, Action.ROLLBACK, "no retries configured"),
        new Case("upgrade retried once", 0, ExhaustedAction.NONE, 1, ExhaustedAction.ROLLBACK,
            true, 1, Action.RETRY, "retrying (attempt 2 of 2)"),
        new Case("upgrade exhausted rolls back", 0, ExhaustedAction.NONE, 1, ExhaustedAction.ROLLBACK,
            true, 2, Action.ROLLBACK, "retries exhausted (2 failures)"),
        new Case("upgrade exhausted uninstalls", 0, ExhaustedAction.NONE, 1, ExhaustedAction.UNINSTALL,
            true, 2, Action.UNINSTALL, "retries exhausted (2 failures)"),
        new Case("upgrade exhausted left failed", 0, ExhaustedAction.NONE, 1, ExhaustedAction.NONE,
            true, 5, Action.NONE, "retries exhausted (5 failures)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case c) {
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    spec.getInstall().getRemediation().setRetries(c.installRetries());
    spec.getInstall().getRemediation().setOnExhausted(c.installExhausted());
    spec.getUpgrade().getRemediation().setRetries(c.upgradeRetries());
    spec.getUpgrade().getRemediation().setOnExhausted(c.upgradeExhausted());

    Remediation decision = Remediation.decide(spec, c.upgrade(), c.failures());

    assertThat(decision.action()).isEqualTo(c.action());
    assertThat(decision.describe()).isEqualTo(c.described());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void remediatesOnlyReleaseFailures(String name, ReconcileFailure failure, boolean remediated) {
    assertThat(Remediation.applies(failure)).isEqualTo(remediated);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("apply refused",
            ReconcileFailure.terminal(Reason.ApplyFailed, "invalid", null), true),
        Arguments.of("health timed out",
            ReconcileFailure.terminal(Reason.HealthCheckFailed, "not healthy", null), true),
        Arguments.of("apply throttled (transient)",
            ReconcileFailure.transientFailure(Reason.ApplyFailed, "429", null), false),
        Arguments.of("render failed",
            ReconcileFailure.terminal(Reason.RenderFailed, "template", null), false),
        Arguments.of("values invalid",
            ReconcileFailure.terminal(Reason.ValuesInvalid, "schema", null), false));
  }

  @Test
  void theOutcomeOfTheLastResortIsDescribed() {
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    spec.getUpgrade().getRemediation().setRetries(1);

    Remediation decision = Remediation.decide(spec, true, 2).withOutcome("rolled back to revision 1");

    assertThat(decision.describe()).isEqualTo("retries exhausted (2 failures); rolled back to revision 1");
  }
}
