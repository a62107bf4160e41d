package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DockerConfigTest {
  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  record Case(String name, String json, String lookupHost, Credentials expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("auth field", "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("me:s3cret") + "\"}}}",
            "ghcr.io", Credentials.basic("me", "s3cret")),
        new Case("password containing a colon", "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + b64("me:a:b") + "\"}}}",
            "ghcr.io", Credentials.basic("me", "a:b")),
        new Case("username and password fields", "{\"auths\":{\"127.0.0.1:5000\":{\"username\":\"u\",\"password\":\"p\"}}}",
            "127.0.0.1:5000", Credentials.basic("u", "p")),
        new Case("key with scheme", "{\"auths\":{\"https://harbor.example.com\":{\"username\":\"u\",\"password\":\"p\"}}}",
            "harbor.example.com", Credentials.basic("u", "p")),
        new Case("docker hub legacy key serves docker.io", "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" + b64("d:h") + "\"}}}",
            "docker.io", Credentials.basic("d", "h")),
        new Case("docker.io key serves registry-1.docker.io", "{\"auths\":{\"docker.io\":{\"auth\":\"" + b64("d:h") + "\"}}}",
            "registry-1.docker.io", Credentials.basic("d", "h")),
        new Case("identity token (ACR refresh token)",
            "{\"auths\":{\"x.azurecr.io\":{\"auth\":\"" + b64("00000000-0000-0000-0000-000000000000:") + "\",\"identitytoken\":\"rt\"}}}",
            "x.azurecr.io", Credentials.identityToken("00000000-0000-0000-0000-000000000000", "rt")),
        new Case("registry token", "{\"auths\":{\"r.io\":{\"registrytoken\":\"tok\"}}}", "r.io", Credentials.registryToken("tok")),
        new Case("legacy .dockercfg without auths", "{\"r.io\":{\"auth\":\"" + b64("a:b") + "\"}}", "r.io", Credentials.basic("a", "b")),
        new Case("unknown host is anonymous", "{\"auths\":{\"r.io\":{\"auth\":\"" + b64("a:b") + "\"}}}", "other.io", Credentials.ANONYMOUS),
        new Case("host case does not matter", "{\"auths\":{\"R.IO\":{\"auth\":\"" + b64("a:b") + "\"}}}", "r.io", Credentials.basic("a", "b")),
        new Case("empty entry is anonymous", "{\"auths\":{\"r.io\":{}}}", "r.io", Credentials.ANONYMOUS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void looksUp(Case c) {
    assertThat(DockerConfig.parse(c.json().getBytes(StandardCharsets.UTF_8)).lookup(c.lookupHost()))
        .isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void rejectsBrokenContent(String json) {
    assertThatThrownBy(() -> DockerConfig.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidReferenceException.class);
  }

  static Stream<String> broken() {
    return Stream.of("{not json", "{\"auths\":{\"r.io\":{\"auth\":\"***\"}}}", "{\"auths\":{\"r.io\":{\"auth\":\"" + b64("nocolon") + "\"}}}");
  }

  @org.junit.jupiter.api.Test
  void neverPrintsSecrets() {
    assertThat(Credentials.basic("me", "s3cret").toString()).doesNotContain("s3cret");
  }
}
