package io.ocihelm.api.v1alpha1;

/** Kinds of object that {@code valuesFrom} can read values from. */
public enum ValuesSourceKind {
  /** A ConfigMap, for values that are not secret. */
  ConfigMap,
  /** A Secret, for values that are (the checksum in status never reveals them). */
  Secret
}
