package io.ocihelm.oci;

/** Finds the credentials for a registry host (as written in the chart reference, with port). */
@FunctionalInterface
public interface CredentialStore {
  CredentialStore ANONYMOUS = host -> Credentials.ANONYMOUS;

  Credentials lookup(String registryHost);

  /** The same credentials for every registry, e.g. from {@code --username/--password}. */
  static CredentialStore of(Credentials credentials) {
    return host -> credentials;
  }

  /** This store, and {@code fallback} for hosts this one knows nothing about. */
  default CredentialStore orElse(CredentialStore fallback) {
    return host -> {
      Credentials c = lookup(host);
      return c.isAnonymous() ? fallback.lookup(host) : c;
    };
  }
}
