package io.ocihelm.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The distribution token flow: on a {@code Bearer} challenge, ask the realm for a token for the
 * challenged service and scope (anonymously, with Basic credentials, or by exchanging an identity
 * token), then reuse it for that registry and scope until shortly before it expires.
 */
public final class TokenAuthenticator {
  /** Tokens without {@code expires_in} live 60 s (distribution spec). */
  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
  /** Renew a little early so a token does not expire in flight. */
  private static final Duration RENEW_MARGIN = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fetches a token endpoint: GET with optional Authorization, or POST of a form. */
  interface TokenEndpoint {
    /** Returns the status code and body of the response. */
    Response call(URI uri, String authorization, String formBody) throws IOException;

    record Response(int status, byte[] body) {}
  }

  private record Key(String registry, String scope) {}

  private record Token(String value, Instant renewAfter) {}

  private final TokenEndpoint endpoint;
  private final Clock clock;
  private final Map<Key, Token> tokens = new ConcurrentHashMap<>();

  TokenAuthenticator(TokenEndpoint endpoint, Clock clock) {
    this.endpoint = endpoint;
    this.clock = clock;
  }

  /** A cached, still valid token for this registry and scope, or null. */
  String cached(String registry, String scope) {
    Token t = tokens.get(new Key(registry, scope));
    if (t == null || clock.instant().isAfter(t.renewAfter())) {
      return null;
    }
    return t.value();
  }

  /** Forgets a token the registry rejected, so the next request fetches a new one. */
  void invalidate(String registry, String scope) {
    tokens.remove(new Key(registry, scope));
  }

  /**
   * Obtains a token for the challenge.
   *
   * @param fallbackScope scope to ask for when the challenge names none
   * @throws AuthenticationFailedException when the realm refuses the credentials
   */
  String fetch(String registry, AuthChallenge challenge, String fallbackScope, Credentials credentials)
      throws IOException {
    String realm = challenge.param("realm");
    if (realm == null || realm.isEmpty()) {
      throw new AuthenticationFailedException("registry " + registry + " sent a Bearer challenge without realm");
    }
    String service = challenge.param("service");
    String scope = challenge.param("scope") != null ? challenge.param("scope") : fallbackScope;
    TokenEndpoint.Response response;
    if (credentials.identityToken() != null) {
      // OAuth2 refresh-token grant, as docker and helm do with an identity token.
      String form = form("grant_type", "refresh_token", "refresh_token", credentials.identityToken(),
          "service", service, "scope", scope, "client_id", "ocihelm");
      response = endpoint.call(URI.create(realm), null, form);
    } else {
      String query = form("service", service, "scope", scope);
      URI uri = URI.create(realm + (realm.contains("?") ? "&" : "?") + query);
      String authorization = credentials.hasPassword() ? credentials.basicHeader() : null;
      response = endpoint.call(uri, authorization, null);
    }
    if (response.status() == 401 || response.status() == 403) {
      throw new AuthenticationFailedException(
          "token server " + URI.create(realm).getHost() + " refused "
              + (credentials.isAnonymous() ? "anonymous access" : "the credentials for " + registry)
              + " (HTTP " + response.status() + ")");
    }
    if (response.status() / 100 != 2) {
      throw new IOException("token server answered HTTP " + response.status());
    }
    JsonNode body = JSON.readTree(response.body());
    String token = text(body, "token");
    if (token == null) {
      token = text(body, "access_token");
    }
    if (token == null) {
      throw new AuthenticationFailedException("token server response for " + registry + " holds no token");
    }
    Duration lifetime = DEFAULT_LIFETIME;
    if (body.has("expires_in") && body.get("expires_in").asLong() > 0) {
      lifetime = Duration.ofSeconds(body.get("expires_in").asLong());
    }
    Instant issued = clock.instant();
    String issuedAt = text(body, "issued_at");
    if (issuedAt != null) {
      try {
        Instant server = Instant.parse(issuedAt);
        // A skewed server clock must not make a fresh token look expired or eternal.
        if (server.isBefore(issued)) {
          issued = server;
        }
      } catch (DateTimeParseException ignored) {
        // keep our own clock
      }
    }
    Instant renewAfter = issued.plus(lifetime).minus(RENEW_MARGIN);
    tokens.put(new Key(registry, scope), new Token(token, renewAfter));
    return token;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }

  private static String form(String... pairs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null || pairs[i + 1].isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append('&');
      }
      sb.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return sb.toString();
  }
}
