package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SecretCredentialsTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  record Case(String name, String type, Map<String, byte[]> data, String host, Credentials expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("dockerconfigjson", SecretCredentials.DOCKER_CONFIG_JSON,
            Map.of(".dockerconfigjson", b("{\"auths\":{\"ghcr.io\":{\"username\":\"u\",\"password\":\"p\"}}}")),
            "ghcr.io", Credentials.basic("u", "p")),
        new Case("dockerconfigjson for another host", SecretCredentials.DOCKER_CONFIG_JSON,
            Map.of(".dockerconfigjson", b("{\"auths\":{\"ghcr.io\":{\"username\":\"u\",\"password\":\"p\"}}}")),
            "quay.io", Credentials.ANONYMOUS),
        new Case("legacy dockercfg", SecretCredentials.DOCKER_CFG,
            Map.of(".dockercfg", b("{\"r.io\":{\"username\":\"u\",\"password\":\"p\"}}")), "r.io", Credentials.basic("u", "p")),
        new Case("basic-auth", SecretCredentials.BASIC_AUTH,
            Map.of("username", b("AWS"), "password", b("ecr-token")), "any", Credentials.basic("AWS", "ecr-token")),
        new Case("opaque username/password", "Opaque",
            Map.of("username", b("_json_key"), "password", b("{\"type\":\"service_account\"}")), "any",
            Credentials.basic("_json_key", "{\"type\":\"service_account\"}")),
        new Case("opaque token", "Opaque", Map.of("token", b("abc\n")), "any", Credentials.registryToken("abc")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsSecret(Case c) {
    assertThat(SecretCredentials.from(c.type(), c.data()).lookup(c.host())).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("incomplete")
  void incompleteSecretIsTerminal(String type, Map<String, byte[]> data) {
    assertThatThrownBy(() -> SecretCredentials.from(type, data)).isInstanceOf(InvalidReferenceException.class);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> incomplete() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(SecretCredentials.DOCKER_CONFIG_JSON, Map.of()),
        org.junit.jupiter.params.provider.Arguments.of(SecretCredentials.BASIC_AUTH, Map.of("token", b("t"))),
        org.junit.jupiter.params.provider.Arguments.of("Opaque", Map.of("username", b("u"))));
  }
}
