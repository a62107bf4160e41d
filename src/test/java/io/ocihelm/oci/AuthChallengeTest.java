package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthChallengeTest {
  record Case(String name, String header, List<AuthChallenge> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("distribution bearer",
            "Bearer realm=\"http://127.0.0.1:5001/token\",service=\"registry\",scope=\"repository:charts/demo:pull\"",
            List.of(new AuthChallenge("Bearer", Map.of("realm", "http://127.0.0.1:5001/token",
                "service", "registry", "scope", "repository:charts/demo:pull")))),
        new Case("docker hub",
            "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\"",
            List.of(new AuthChallenge("Bearer", Map.of("realm", "https://auth.docker.io/token",
                "service", "registry.docker.io")))),
        new Case("basic", "Basic realm=\"Registry Realm\"",
            List.of(new AuthChallenge("Basic", Map.of("realm", "Registry Realm")))),
        new Case("spaces, unquoted values, case of names",
            "bearer  Realm = \"https://a/t\" , Service=x",
            List.of(new AuthChallenge("bearer", Map.of("realm", "https://a/t", "service", "x")))),
        new Case("escaped quote and comma in value",
            "Bearer realm=\"https://a/t\",scope=\"repository:a:pull,push\",error=\"say \\\"no\\\"\"",
            List.of(new AuthChallenge("Bearer", Map.of("realm", "https://a/t",
                "scope", "repository:a:pull,push", "error", "say \"no\"")))),
        new Case("two challenges",
            "Basic realm=\"r\", Bearer realm=\"https://a/t\",service=\"s\"",
            List.of(new AuthChallenge("Basic", Map.of("realm", "r")),
                new AuthChallenge("Bearer", Map.of("realm", "https://a/t", "service", "s")))),
        new Case("scheme only", "Negotiate", List.of(new AuthChallenge("Negotiate", Map.of()))),
        new Case("empty", "", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(Case c) {
    assertThat(AuthChallenge.parse(c.header())).isEqualTo(c.expected());
  }
}
