package io.ocihelm.oci;

import io.ocihelm.semver.Constraint;
import io.ocihelm.semver.SemverException;
import io.ocihelm.semver.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses a chart version from a repository's tags the way {@code helm pull --version} does. */
public final class VersionSelector {
  private VersionSelector() {}

  /**
   * The chart versions among {@code registryTags}, highest first. Only tags that are strict semver
   * after turning {@code _} back into {@code +} count; others ({@code latest}, {@code v1.0.0}) are
   * not chart versions to Helm.
   */
  public static List<Version> chartVersions(List<String> registryTags) {
    List<Version> versions = new ArrayList<>();
    for (String tag : registryTags) {
      try {
        // Helm compat: '_' in a tag stands for '+' (helm/helm#10166).
        versions.add(Version.parseStrict(tag.replace('_', '+')));
      } catch (SemverException notAChartVersion) {
        // skipped, as Helm skips it
      }
    }
    versions.sort(Comparator.reverseOrder());
    return versions;
  }

  /**
   * Picks the version for {@code requested}: an exact tag match first, otherwise the highest
   * version satisfying it as a constraint; empty or null means the highest stable version.
   *
   * @return the chosen version in Helm's spelling, or empty when nothing matches
   * @throws InvalidReferenceException when {@code requested} is neither a version nor a constraint
   */
  public static Optional<String> select(List<Version> versionsHighestFirst, String requested) {
    Constraint constraint;
    if (requested == null || requested.isEmpty()) {
      constraint = Constraint.parse("*");
    } else {
      for (Version v : versionsHighestFirst) {
        if (v.toString().equals(requested)) {
          return Optional.of(requested);
        }
      }
      try {
        constraint = Constraint.parse(requested);
      } catch (SemverException e) {
        throw new InvalidReferenceException("invalid version or constraint \"" + requested + "\": " + e.getMessage());
      }
    }
    for (Version v : versionsHighestFirst) {
      if (constraint.matches(v)) {
        return Optional.of(v.toString());
      }
    }
    return Optional.empty();
  }
}
