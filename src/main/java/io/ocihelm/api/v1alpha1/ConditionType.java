package io.ocihelm.api.v1alpha1;

/**
 * Types of the conditions in {@code status.conditions}. Ready, Reconciling and Stalled follow
 * kstatus, so generic tools ({@code kubectl wait}, Flux/Argo health checks) understand them.
 */
public enum ConditionType {
  /** The release is installed at the desired revision and, with spec.wait, healthy. */
  Ready,
  /** The operator is working towards the desired state (kstatus "in progress"). */
  Reconciling,
  /** The operator cannot make progress until the spec or the environment changes (kstatus). */
  Stalled,
  /** Released resources differ from the recorded manifest (see spec.driftDetection). */
  Drifted,
  /** The chart's signature was verified (only with spec.verify). */
  Verified
}
