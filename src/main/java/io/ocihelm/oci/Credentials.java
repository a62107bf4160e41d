package io.ocihelm.oci;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What we present to one registry: a username/password pair, an identity (refresh) token, or a
 * registry token used as-is; or nothing. {@link #toString()} never prints a secret.
 */
public record Credentials(String username, String password, String identityToken, String registryToken) {
  public static final Credentials ANONYMOUS = new Credentials(null, null, null, null);

  public static Credentials basic(String username, String password) {
    return new Credentials(username, password, null, null);
  }

  public static Credentials identityToken(String username, String token) {
    return new Credentials(username, null, token, null);
  }

  /** A ready bearer token (e.g. {@code registrytoken} in a docker config, or a GitHub token exchanged elsewhere). */
  public static Credentials registryToken(String token) {
    return new Credentials(null, null, null, token);
  }

  public boolean isAnonymous() {
    return username == null && password == null && identityToken == null && registryToken == null;
  }

  public boolean hasPassword() {
    return username != null && password != null;
  }

  /** The value of an {@code Authorization: Basic} header for username/password. */
  String basicHeader() {
    String pair = username + ":" + password;
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    if (isAnonymous()) {
      return "Credentials[anonymous]";
    }
    return "Credentials[username=" + username + ", secret=<redacted>]";
  }
}
