package io.ocihelm.api.v1alpha1;

/**
 * Reasons of conditions: one word in UpperCamelCase, as Kubernetes requires. Unless noted, they go
 * with Ready=False.
 */
public enum Reason {
  /** The repository, the tag, or a version matching the constraint does not exist. */
  ChartNotFound,
  /** The registry refused the credentials (or anonymous access). */
  AuthenticationFailed,
  /** The registry could not be reached or answered with a server error; retried with backoff. */
  RegistryUnavailable,
  /** The digest pin or the signature did not match the chart (also Verified=False). */
  VerificationFailed,
  /** Values could not be read, merged or did not match the chart's values.schema.json. */
  ValuesInvalid,
  /** A template failed; the message names the template file and line as Helm does. */
  RenderFailed,
  /** The API server refused a rendered resource. */
  ApplyFailed,
  /** Released resources did not become healthy within spec.timeout. */
  HealthCheckFailed,
  /** An OciHelmRelease in spec.dependsOn is not Ready. */
  DependencyNotReady,
  /** spec.suspend is true; nothing is reconciled. */
  Suspended,
  /** Work is under way (with Reconciling=True). */
  Progressing,
  /** The release is installed and healthy (with Ready=True). */
  Succeeded,
  /** Released resources match what was applied (with Drifted=False). */
  NoDrift,
  /** Released resources differ from what was applied and were not put back (with Drifted=True). */
  DriftDetected,
  /** Drifted resources were put back by re-applying the recorded objects (with Drifted=False). */
  DriftCorrected,
  /** The operator build has no reconciler yet (placeholder until issue 8 lands). */
  NotImplemented
}
