package io.ocihelm.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Credentials from a docker {@code config.json}, a Helm registry config, or the
 * {@code .dockerconfigjson} key of a {@code kubernetes.io/dockerconfigjson} Secret (same format).
 *
 * <p>Keys may carry a scheme and a path ({@code https://index.docker.io/v1/}); entries hold either
 * {@code auth} (base64 of {@code user:password}) or {@code username}/{@code password}, optionally an
 * {@code identitytoken} or {@code registrytoken}. Credential helpers ({@code credsStore},
 * {@code credHelpers}) run external programs and are not supported.
 */
public final class DockerConfig implements CredentialStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Credentials> byHost;

  private DockerConfig(Map<String, Credentials> byHost) {
    this.byHost = Map.copyOf(byHost);
  }

  public static DockerConfig empty() {
    return new DockerConfig(Map.of());
  }

  public static DockerConfig load(Path file) {
    try {
      return parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new InvalidReferenceException("cannot read registry config " + file + ": " + e.getMessage());
    }
  }

  /** Parses config.json content; a document with an {@code auths} object or the bare host map. */
  public static DockerConfig parse(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new InvalidReferenceException("registry config is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return empty();
    }
    // Legacy .dockercfg content is the bare map of hosts without "auths".
    JsonNode auths = root.has("auths") ? root.get("auths") : root;
    Map<String, Credentials> byHost = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isObject()) {
        continue;
      }
      Credentials c = entry(e.getKey(), e.getValue());
      if (!c.isAnonymous()) {
        byHost.putIfAbsent(normalizeHost(e.getKey()), c);
      }
    }
    return new DockerConfig(byHost);
  }

  private static Credentials entry(String key, JsonNode node) {
    String username = text(node, "username");
    String password = text(node, "password");
    String auth = text(node, "auth");
    if (auth != null && !auth.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException badBase64) {
        throw new InvalidReferenceException("registry config entry " + key + ": auth is not base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new InvalidReferenceException("registry config entry " + key + ": auth is not user:password");
      }
      username = decoded.substring(0, colon);
      password = decoded.substring(colon + 1);
    }
    String identityToken = text(node, "identitytoken");
    if (identityToken != null && !identityToken.isEmpty()) {
      return Credentials.identityToken(username, identityToken);
    }
    String registryToken = text(node, "registrytoken");
    if (registryToken != null && !registryToken.isEmpty()) {
      return Credentials.registryToken(registryToken);
    }
    if (username != null && password != null && !(username.isEmpty() && password.isEmpty())) {
      return Credentials.basic(username, password);
    }
    return Credentials.ANONYMOUS;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** {@code https://Index.Docker.io/v1/} → {@code docker.io}; {@code ghcr.io:443} stays. */
  static String normalizeHost(String key) {
    String host = key.strip();
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    host = host.toLowerCase(Locale.ROOT);
    return switch (host) {
      case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> "docker.io";
      default -> host;
    };
  }

  @Override
  public Credentials lookup(String registryHost) {
    return byHost.getOrDefault(normalizeHost(registryHost), Credentials.ANONYMOUS);
  }
}
