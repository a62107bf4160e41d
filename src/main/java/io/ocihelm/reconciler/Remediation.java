package io.ocihelm.reconciler;

import io.ocihelm.api.v1alpha1.ExhaustedAction;
import io.ocihelm.api.v1alpha1.InstallRemediation;
import io.ocihelm.api.v1alpha1.InstallSpec;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.api.v1alpha1.UpgradeRemediation;
import io.ocihelm.api.v1alpha1.UpgradeSpec;
import java.util.Optional;
import java.util.Set;

/**
 * What to do about a failed install or upgrade (spec.install/upgrade.remediation): retry while
 * {@code failures <= retries}, then the last resort of {@code onExhausted}. Only failures of the
 * release itself count: the API server refused an object, or the objects did not become healthy
 * in time. Rendering the same inputs again fails the same way, and transient failures are retried
 * with backoff anyway.
 *
 * @param action what is done
 * @param upgrade whether the failed attempt was an upgrade (a deployed revision exists) or an install
 * @param failures consecutive failures of this attempt, this one included
 * @param retries retries allowed by the spec
 * @param outcome what the last resort did, for the status message (e.g. "rolled back to revision 1"); empty for a retry
 */
public record Remediation(Action action, boolean upgrade, long failures, int retries, String outcome) {

  public enum Action {
    /** Attempt the same release again soon. */
    RETRY,
    /** Re-apply the last deployed revision's recorded manifest, as {@code helm rollback}. */
    ROLLBACK,
    /** Delete what the release applied and its records, as {@code helm uninstall}. */
    UNINSTALL,
    /** Leave the failed revision in place. */
    NONE
  }

  private static final Set<Reason> REMEDIATED = Set.of(Reason.ApplyFailed, Reason.HealthCheckFailed);

  /** Whether {@code failure} is one remediation acts on. */
  public static boolean applies(ReconcileFailure failure) {
    return !failure.isTransient() && REMEDIATED.contains(failure.reason());
  }

  /**
   * @param upgrade whether a deployed revision exists to roll back to
   * @param failures consecutive failures of this attempt, this one included
   */
  public static Remediation decide(OciHelmReleaseSpec spec, boolean upgrade, long failures) {
    int retries = upgrade ? upgradeRetries(spec) : installRetries(spec);
    if (failures <= retries) {
      return new Remediation(Action.RETRY, upgrade, failures, retries, "");
    }
    ExhaustedAction last = upgrade ? upgradeOnExhausted(spec) : installOnExhausted(spec);
    Action action = switch (last) {
      // An install has nothing to roll back to (the CRD refuses rollback there; defensive here).
      case ROLLBACK -> upgrade ? Action.ROLLBACK : Action.NONE;
      case UNINSTALL -> Action.UNINSTALL;
      case NONE -> Action.NONE;
    };
    return new Remediation(action, upgrade, failures, retries, "");
  }

  /** The same decision with what the last resort did. */
  public Remediation withOutcome(String text) {
    return new Remediation(action, upgrade, failures, retries, text);
  }

  public boolean isRetry() {
    return action == Action.RETRY;
  }

  /** For the status message, e.g. {@code retrying (attempt 2 of 2)} or {@code retries exhausted (2 failures); rolled back to revision 1}. */
  public String describe() {
    if (isRetry()) {
      return "retrying (attempt " + (failures + 1) + " of " + (retries + 1) + ")";
    }
    String exhausted = retries == 0
        ? "no retries configured"
        : "retries exhausted (" + failures + " failures)";
    return outcome.isEmpty() ? exhausted : exhausted + "; " + outcome;
  }

  private static int installRetries(OciHelmReleaseSpec spec) {
    return install(spec).map(r -> r.getRetries()).orElse(0);
  }

  private static int upgradeRetries(OciHelmReleaseSpec spec) {
    return upgrade(spec).map(r -> r.getRetries()).orElse(0);
  }

  private static ExhaustedAction installOnExhausted(OciHelmReleaseSpec spec) {
    return install(spec).map(r -> r.getOnExhausted()).orElse(ExhaustedAction.NONE);
  }

  private static ExhaustedAction upgradeOnExhausted(OciHelmReleaseSpec spec) {
    return upgrade(spec).map(r -> r.getOnExhausted()).orElse(ExhaustedAction.ROLLBACK);
  }

  private static Optional<InstallRemediation> install(OciHelmReleaseSpec spec) {
    return Optional.ofNullable(spec.getInstall()).map(InstallSpec::getRemediation);
  }

  private static Optional<UpgradeRemediation> upgrade(OciHelmReleaseSpec spec) {
    return Optional.ofNullable(spec.getUpgrade()).map(UpgradeSpec::getRemediation);
  }
}
