package io.ocihelm.api.v1alpha1;

/** Status of a condition, as in {@code metav1.Condition}. */
public enum ConditionStatus {
  /** The condition holds. */
  True,
  /** The condition does not hold. */
  False,
  /** Whether the condition holds is not known (yet). */
  Unknown
}
