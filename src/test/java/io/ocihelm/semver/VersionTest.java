package io.ocihelm.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values are those of the semver-00xx vectors (Helm 4.1.4) named in each case. */
class VersionTest {
  record Case(String name, Function<Version, Object> probe, String input, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("semver-0001 major", Version::major, "1.2.3", "1"),
        new Case("semver-0002 minor", Version::minor, "1.2.3", "2"),
        new Case("semver-0004 prerelease", Version::prerelease, "1.2.3-beta.1+build.5", "beta.1"),
        new Case("semver-0006 original keeps v", Version::original, "v1.2.3", "v1.2.3"),
        new Case("semver-0007 string drops v", Version::toString, "v1.2.3", "1.2.3"),
        new Case("semver-0008 missing patch", Version::toString, "1.2", "1.2.0"),
        new Case("semver-0014 leading zero coerced", Version::toString, "01.2.3", "1.2.3"),
        new Case("semver-0015 compare", v -> v.compareTo(Version.parse("1.2.4")), "1.2.3", "-1"),
        new Case("semver-0019 greaterThan", v -> v.greaterThan(Version.parse("1.3.0")), "1.2.3", "false"),
        new Case("semver-0020 equal ignores v", v -> v.samePrecedence(Version.parse("v1.2.3")), "1.2.3", "true"),
        new Case("semver-0022 numeric below alpha",
            v -> v.lessThan(Version.parse("1.0.0-alpha.beta")), "1.0.0-alpha.1", "true"),
        new Case("semver-0025 incMinor", Version::incMinor, "1.2.3", "1.3.0"),
        new Case("semver-0026 incPatch", Version::incPatch, "1.2.3", "1.2.4"),
        new Case("semver-0027 incPatch of prerelease", Version::incPatch, "1.2.3-rc1", "1.2.3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesHelm(Case c) {
    assertThat(String.valueOf(c.probe().apply(Version.parse(c.input())))).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects(String input) {
    // semver-0012 (empty) and semver-0034 ("bad"): "invalid semantic version"
    assertThatThrownBy(() -> Version.parse(input)).hasMessage("invalid semantic version");
  }

  static Stream<String> invalid() {
    return Stream.of("", "bad");
  }
}
