package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Expected choices are those helm 4.1.4 made on a registry holding these tags (see
 * RegistryClientIT for the same comparison run live against helm).
 */
class VersionSelectorTest {
  private static final List<String> TAGS = List.of(
      "1.0.0", "2.0.0-rc.1", "1.2.4-beta.1", "0.2.0", "0.1.0", "1.10.0", "0.1.0_build.1", "0.2.1", "1.2.3",
      "latest", "v9.0.0");

  record Case(String requested, String expected) {
    @Override
    public String toString() {
      return "[" + requested + "]";
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("", "1.10.0"),
        new Case("^1", "1.10.0"),
        new Case("~1.2", "1.2.3"),
        new Case(">=1.2.4-0", "2.0.0-rc.1"),
        new Case("*", "1.10.0"),
        new Case("0.1.0+build.1", "0.1.0+build.1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void choosesLikeHelm(Case c) {
    assertThat(VersionSelector.select(VersionSelector.chartVersions(TAGS), c.requested())).contains(c.expected());
  }

  @org.junit.jupiter.api.Test
  void ignoresTagsThatAreNotStrictVersions() {
    assertThat(VersionSelector.chartVersions(TAGS)).extracting(Object::toString)
        .doesNotContain("latest", "9.0.0")
        .startsWith("2.0.0-rc.1", "1.10.0");
  }

  @org.junit.jupiter.api.Test
  void nothingMatches() {
    assertThat(VersionSelector.select(VersionSelector.chartVersions(TAGS), ">5")).isEqualTo(Optional.empty());
  }
}
