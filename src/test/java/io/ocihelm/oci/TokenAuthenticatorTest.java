package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token flow against a scripted token endpoint (the live flow runs in the test bed's token registry). */
class TokenAuthenticatorTest {
  private static final AuthChallenge CHALLENGE = new AuthChallenge("Bearer", Map.of(
      "realm", "https://auth.example/token", "service", "registry.example", "scope", "repository:charts/demo:pull"));

  record Call(URI uri, String authorization, String form) {}

  private final List<Call> calls = new ArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private int status = 200;
  private String body = "{\"token\":\"t1\",\"expires_in\":300}";

  private TokenAuthenticator authenticator() {
    return new TokenAuthenticator((uri, authorization, form) -> {
      calls.add(new Call(uri, authorization, form));
      return new TokenAuthenticator.TokenEndpoint.Response(status, body.getBytes(StandardCharsets.UTF_8));
    }, clock);
  }

  @Test
  void anonymousTokenIsAGetWithServiceAndScope() throws Exception {
    TokenAuthenticator auth = authenticator();
    assertThat(auth.fetch("r.example", CHALLENGE, "unused", Credentials.ANONYMOUS)).isEqualTo("t1");
    assertThat(calls).containsExactly(new Call(
        URI.create("https://auth.example/token?service=registry.example&scope=repository%3Acharts%2Fdemo%3Apull"), null, null));
  }

  @Test
  void passwordCredentialsGoAsBasicToTheRealm() throws Exception {
    authenticator().fetch("r.example", CHALLENGE, "unused", Credentials.basic("u", "p"));
    assertThat(calls.get(0).authorization()).isEqualTo("Basic dTpw");
  }

  @Test
  void identityTokenIsExchangedWithARefreshTokenGrant() throws Exception {
    body = "{\"access_token\":\"a1\",\"expires_in\":60}";
    assertThat(authenticator().fetch("r.example", CHALLENGE, "unused", Credentials.identityToken("u", "refresh-me")))
        .isEqualTo("a1");
    assertThat(calls.get(0).uri()).isEqualTo(URI.create("https://auth.example/token"));
    assertThat(calls.get(0).form()).contains("grant_type=refresh_token", "refresh_token=refresh-me",
        "service=registry.example", "scope=repository%3Acharts%2Fdemo%3Apull");
  }

  @Test
  void tokenIsReusedUntilShortlyBeforeExpiry() throws Exception {
    TokenAuthenticator auth = authenticator();
    auth.fetch("r.example", CHALLENGE, "unused", Credentials.ANONYMOUS);
    assertThat(auth.cached("r.example", "repository:charts/demo:pull")).isEqualTo("t1");
    clock.advance(Duration.ofSeconds(290));
    assertThat(auth.cached("r.example", "repository:charts/demo:pull")).isEqualTo("t1");
    clock.advance(Duration.ofSeconds(6));
    assertThat(auth.cached("r.example", "repository:charts/demo:pull")).isNull();
    assertThat(auth.cached("other.example", "repository:charts/demo:pull")).isNull();
  }

  @Test
  void tokenWithoutLifetimeLastsSixtySeconds() throws Exception {
    body = "{\"token\":\"t2\"}";
    TokenAuthenticator auth = authenticator();
    auth.fetch("r.example", CHALLENGE, "unused", Credentials.ANONYMOUS);
    clock.advance(Duration.ofSeconds(54));
    assertThat(auth.cached("r.example", "repository:charts/demo:pull")).isEqualTo("t2");
    clock.advance(Duration.ofSeconds(2));
    assertThat(auth.cached("r.example", "repository:charts/demo:pull")).isNull();
  }

  @Test
  void invalidatedTokenIsForgotten() throws Exception {
    TokenAuthenticator auth = authenticator();
    auth.fetch("r.example", CHALLENGE, "unused", Credentials.ANONYMOUS);
    auth.invalidate("r.example", "repository:charts/demo:pull");
    assertThat(auth.cached("r.example", "repository:charts/demo:pull")).isNull();
  }

  @Test
  void refusedCredentialsAreAuthenticationFailedWithoutTheSecret() {
    status = 401;
    assertThatThrownBy(() -> authenticator().fetch("r.example", CHALLENGE, "unused", Credentials.basic("u", "hunter2")))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void challengeWithoutScopeAsksForTheRepositoryScope() throws Exception {
    AuthChallenge noScope = new AuthChallenge("Bearer", Map.of("realm", "https://auth.example/token"));
    authenticator().fetch("r.example", noScope, "repository:a/b:pull", Credentials.ANONYMOUS);
    assertThat(calls.get(0).uri().getRawQuery()).isEqualTo("scope=repository%3Aa%2Fb%3Apull");
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
