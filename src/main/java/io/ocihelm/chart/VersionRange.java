package io.ocihelm.chart;

/**
 * Helm's {@code IsCompatibleRange}: whether a version satisfies a semver constraint (Masterminds
 * syntax), false when either does not parse. Used for dependency versions and {@code kubeVersion}.
 */
@FunctionalInterface
public interface VersionRange {
  boolean isCompatible(String constraint, String version);
}
