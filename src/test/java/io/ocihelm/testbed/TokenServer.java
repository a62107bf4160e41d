package io.ocihelm.testbed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The token service of a registry in {@link Registry.Variant#BEARER_TOKEN} mode, as the Docker
 * token-authentication spec describes it: clients answer the registry's {@code Bearer realm=…}
 * challenge by asking {@code GET /token?service=…&scope=…} (HTTP Basic) or {@code POST /token}
 * ({@code grant_type=password}), and get a JWT that the registry verifies against its {@code
 * rootcertbundle}.
 *
 * <p>Valid credentials get every action they ask for; no credentials get a token without access
 * (the registry then answers 401); wrong credentials get 401 here.
 */
public final class TokenServer implements AutoCloseable {

  static final String ISSUER = "ocihelm-testbed-token-server";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final CertificateAuthority.Issued signer;
  private final String service;
  private final String username;
  private final String password;
  private final AtomicInteger issued = new AtomicInteger();

  TokenServer(CertificateAuthority.Issued signer, String service, String username, String password) {
    this.signer = signer;
    this.service = service;
    this.username = username;
    this.password = password;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the token server", e);
    }
    server.createContext("/token", this::handle);
    server.start();
  }

  /** The realm URL the registry sends clients to. */
  public URI realm() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
  }

  /** The service name (the JWT audience). */
  public String service() {
    return service;
  }

  /** How many tokens were issued so far; lets tests see that a client really went through here. */
  public int issuedCount() {
    return issued.get();
  }

  /**
   * Issues a token for {@code scopes} (each like {@code repository:charts/app:pull,push}), as the
   * HTTP endpoint does for valid credentials.
   */
  public String issue(String subject, List<String> scopes) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("typ", "JWT");
    header.put("alg", "RS256");
    // The registry verifies an x5c chain against its rootcertbundle (no libtrust key ids needed).
    try {
      header.put("x5c", List.of(Base64.getEncoder().encodeToString(signer.certificate().getEncoded())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", ISSUER);
    claims.put("sub", subject);
    claims.put("aud", service);
    claims.put("exp", now.plusSeconds(300).getEpochSecond());
    claims.put("nbf", now.minusSeconds(10).getEpochSecond());
    claims.put("iat", now.getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    List<Map<String, Object>> access = new ArrayList<>();
    for (String scope : scopes) {
      int first = scope.indexOf(':');
      int last = scope.lastIndexOf(':');
      if (first < 0 || first == last) {
        continue;
      }
      access.add(
          Map.of(
              "type", scope.substring(0, first),
              "name", scope.substring(first + 1, last),
              "actions", Arrays.asList(scope.substring(last + 1).split(","))));
    }
    claims.put("access", access);
    try {
      String signingInput = base64Url(JSON.writeValueAsBytes(header)) + "." + base64Url(JSON.writeValueAsBytes(claims));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(signer.keyPair().getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      issued.incrementAndGet();
      return signingInput + "." + base64Url(rsa.sign());
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a registry token", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> params = new LinkedHashMap<>();
      parseForm(exchange.getRequestURI().getRawQuery(), params);
      String user = null;
      String secret = null;
      if ("POST".equals(exchange.getRequestMethod())) {
        parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
        if (!"password".equals(first(params, "grant_type"))) {
          respond(exchange, 400, Map.of("error", "unsupported_grant_type"));
          return;
        }
        user = first(params, "username");
        secret = first(params, "password");
      } else {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
          String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
          int colon = decoded.indexOf(':');
          user = colon < 0 ? decoded : decoded.substring(0, colon);
          secret = colon < 0 ? "" : decoded.substring(colon + 1);
        }
      }
      List<String> scopes = new ArrayList<>();
      if (user == null) {
        // Anonymous: a valid token that grants nothing.
      } else if (user.equals(username) && password.equals(secret)) {
        for (String scope : params.getOrDefault("scope", List.of())) {
          scopes.addAll(Arrays.asList(scope.split(" ")));
        }
      } else {
        respond(exchange, 401, Map.of("errors", List.of(Map.of("code", "UNAUTHORIZED", "message", "bad credentials"))));
        return;
      }
      String token = issue(user == null ? "" : user, scopes);
      respond(
          exchange,
          200,
          Map.of("token", token, "access_token", token, "expires_in", 300, "issued_at", Instant.now().toString()));
    }
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void parseForm(String raw, Map<String, List<String>> into) {
    if (raw == null || raw.isEmpty()) {
      return;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      into.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
  }

  private static String first(Map<String, List<String>> params, String key) {
    List<String> values = params.get(key);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
