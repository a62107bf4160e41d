package io.ocihelm.oci;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Credentials from the data of a Kubernetes Secret named by {@code spec.auth.secretRef}, without
 * depending on a Kubernetes client: the caller passes the Secret's type and decoded data.
 *
 * <ul>
 *   <li>{@code kubernetes.io/dockerconfigjson}: {@code .dockerconfigjson}, looked up by registry host;
 *   <li>{@code kubernetes.io/dockercfg}: {@code .dockercfg} (legacy, same lookup);
 *   <li>{@code kubernetes.io/basic-auth}: {@code username}, {@code password};
 *   <li>{@code Opaque} (or any other type): {@code username} + {@code password}, or {@code token}
 *       sent as a bearer token.
 * </ul>
 */
public final class SecretCredentials {
  public static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";
  public static final String DOCKER_CFG = "kubernetes.io/dockercfg";
  public static final String BASIC_AUTH = "kubernetes.io/basic-auth";

  private SecretCredentials() {}

  /**
   * @throws InvalidReferenceException when the Secret lacks the keys its type needs (terminal:
   *     the user must fix the Secret)
   */
  public static CredentialStore from(String type, Map<String, byte[]> data) {
    String t = type == null ? "Opaque" : type;
    switch (t) {
      case DOCKER_CONFIG_JSON -> {
        return DockerConfig.parse(require(data, ".dockerconfigjson", t));
      }
      case DOCKER_CFG -> {
        return DockerConfig.parse(require(data, ".dockercfg", t));
      }
      default -> {
        String username = text(data, "username");
        String password = text(data, "password");
        if (username != null && password != null) {
          return CredentialStore.of(Credentials.basic(username, password));
        }
        String token = text(data, "token");
        if (token != null && !t.equals(BASIC_AUTH)) {
          return CredentialStore.of(Credentials.registryToken(token.strip()));
        }
        throw new InvalidReferenceException("Secret of type " + t + " needs username and password"
            + (t.equals(BASIC_AUTH) ? "" : ", or token"));
      }
    }
  }

  private static byte[] require(Map<String, byte[]> data, String key, String type) {
    byte[] v = data.get(key);
    if (v == null || v.length == 0) {
      throw new InvalidReferenceException("Secret of type " + type + " has no " + key + " key");
    }
    return v;
  }

  private static String text(Map<String, byte[]> data, String key) {
    byte[] v = data.get(key);
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }
}
