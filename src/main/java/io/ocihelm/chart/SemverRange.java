package io.ocihelm.chart;

import io.ocihelm.semver.Constraint;
import io.ocihelm.semver.SemverException;
import io.ocihelm.semver.Version;

/** {@link VersionRange} on Masterminds semantics: false when either side does not parse. */
public final class SemverRange implements VersionRange {
  @Override
  public boolean isCompatible(String constraint, String version) {
    try {
      return Constraint.parse(constraint).matches(Version.parse(version));
    } catch (SemverException e) {
      return false;
    }
  }
}
