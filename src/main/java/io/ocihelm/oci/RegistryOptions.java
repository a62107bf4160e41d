package io.ocihelm.oci;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Settings of a {@link RegistryClient}; one client serves every registry, {@link #tls} picks the
 * transport per registry host.
 */
public record RegistryOptions(
    CredentialStore credentials,
    Function<String, TlsOptions> tls,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration readIdleTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    int maxConcurrentRequestsPerRegistry,
    long maxBlobBytes,
    long maxManifestBytes,
    String userAgent) {

  public RegistryOptions {
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(tls, "tls");
    if (maxAttempts < 1 || maxConcurrentRequestsPerRegistry < 1) {
      throw new IllegalArgumentException("maxAttempts and maxConcurrentRequestsPerRegistry must be >= 1");
    }
  }

  /** Anonymous, TLS with system trust, 4 attempts, 4 concurrent requests per registry, 20 MiB blobs. */
  public static RegistryOptions defaults() {
    return new RegistryOptions(
        CredentialStore.ANONYMOUS,
        host -> TlsOptions.DEFAULT,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        4,
        Duration.ofMillis(200),
        Duration.ofSeconds(10),
        4,
        20L * 1024 * 1024,
        4L * 1024 * 1024,
        "ocihelm/0.1");
  }

  public RegistryOptions withCredentials(CredentialStore store) {
    return new RegistryOptions(store, tls, connectTimeout, requestTimeout, readIdleTimeout, maxAttempts,
        initialBackoff, maxBackoff, maxConcurrentRequestsPerRegistry, maxBlobBytes, maxManifestBytes, userAgent);
  }

  public RegistryOptions withTls(Function<String, TlsOptions> perHost) {
    return new RegistryOptions(credentials, perHost, connectTimeout, requestTimeout, readIdleTimeout, maxAttempts,
        initialBackoff, maxBackoff, maxConcurrentRequestsPerRegistry, maxBlobBytes, maxManifestBytes, userAgent);
  }

  public RegistryOptions withRetries(int attempts, Duration initial, Duration max) {
    return new RegistryOptions(credentials, tls, connectTimeout, requestTimeout, readIdleTimeout, attempts,
        initial, max, maxConcurrentRequestsPerRegistry, maxBlobBytes, maxManifestBytes, userAgent);
  }

  public RegistryOptions withTimeouts(Duration connect, Duration request, Duration readIdle) {
    return new RegistryOptions(credentials, tls, connect, request, readIdle, maxAttempts,
        initialBackoff, maxBackoff, maxConcurrentRequestsPerRegistry, maxBlobBytes, maxManifestBytes, userAgent);
  }

  public RegistryOptions withMaxBlobBytes(long max) {
    return new RegistryOptions(credentials, tls, connectTimeout, requestTimeout, readIdleTimeout, maxAttempts,
        initialBackoff, maxBackoff, maxConcurrentRequestsPerRegistry, max, maxManifestBytes, userAgent);
  }

  public RegistryOptions withMaxConcurrentRequestsPerRegistry(int max) {
    return new RegistryOptions(credentials, tls, connectTimeout, requestTimeout, readIdleTimeout, maxAttempts,
        initialBackoff, maxBackoff, max, maxBlobBytes, maxManifestBytes, userAgent);
  }
}
