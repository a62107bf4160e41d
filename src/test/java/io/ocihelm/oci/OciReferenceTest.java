package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OciReferenceTest {
  private static final String DIGEST = "sha256:" + "a".repeat(64);

  record Valid(String name, String text, String registry, String repository, String tag, String registryTag, String digest) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Valid> valid() {
    return Stream.of(
        new Valid("bare repository", "oci://ghcr.io/stefanprodan/charts/podinfo", "ghcr.io", "stefanprodan/charts/podinfo", null, null, null),
        new Valid("host with port", "oci://127.0.0.1:5000/charts/demo", "127.0.0.1:5000", "charts/demo", null, null, null),
        new Valid("tag", "oci://127.0.0.1:5000/charts/demo:1.2.3", "127.0.0.1:5000", "charts/demo", "1.2.3", "1.2.3", null),
        new Valid("build metadata becomes underscore", "oci://r.io/demo:0.1.0+build.1", "r.io", "demo", "0.1.0+build.1", "0.1.0_build.1", null),
        new Valid("digest", "oci://r.io/a/b@" + DIGEST, "r.io", "a/b", null, null, DIGEST),
        new Valid("tag and digest", "oci://r.io/a/b:1.0.0@" + DIGEST, "r.io", "a/b", "1.0.0", "1.0.0", DIGEST),
        new Valid("separators in path", "oci://r.io/my-org/my_chart.x/a__b", "r.io", "my-org/my_chart.x/a__b", null, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void parses(Valid v) {
    OciReference ref = OciReference.parse(v.text());
    assertThat(ref.registry()).isEqualTo(v.registry());
    assertThat(ref.repository()).isEqualTo(v.repository());
    assertThat(ref.tag()).isEqualTo(v.tag());
    assertThat(ref.registryTag()).isEqualTo(v.registryTag());
    assertThat(ref.digest()).isEqualTo(v.digest());
    assertThat(ref.toString()).isEqualTo(v.text());
  }

  record Invalid(String name, String text, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Invalid> invalid() {
    return Stream.of(
        new Invalid("no scheme", "ghcr.io/a/b", "must start with oci://"),
        new Invalid("http scheme", "https://ghcr.io/a/b", "must start with oci://"),
        new Invalid("no path", "oci://ghcr.io", "no repository path"),
        new Invalid("upper case repository", "oci://r.io/Charts/demo", "invalid repository"),
        new Invalid("short digest", "oci://r.io/a@sha256:abc", "invalid digest"),
        new Invalid("tag with slash-like junk", "oci://r.io/a:-x", "invalid tag"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void rejects(Invalid v) {
    assertThatThrownBy(() -> OciReference.parse(v.text()))
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessageContaining(v.message());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("apiHosts")
  void dockerHubApiLivesOnRegistry1(String registry, String apiHost) {
    assertThat(new OciReference(registry, "library/x", null, null).apiHost()).isEqualTo(apiHost);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> apiHosts() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("docker.io", "registry-1.docker.io"),
        org.junit.jupiter.params.provider.Arguments.of("index.docker.io", "registry-1.docker.io"),
        org.junit.jupiter.params.provider.Arguments.of("ghcr.io", "ghcr.io"));
  }
}
