package io.ocihelm.testbed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * A real OCI registry (the CNCF distribution registry) on 127.0.0.1, in one of four {@link
 * Variant}s. Storage is a fresh directory per instance.
 *
 * <p>{@link #shared(Variant)} gives one instance per variant for the whole JVM (isolate tests by
 * repository name); {@link #start(Variant)} gives a private one that the caller closes.
 *
 * <pre>{@code
 * Registry registry = Registry.shared(Registry.Variant.BASIC_AUTH);
 * String ref = registry.ociReference("charts/app");       // oci://127.0.0.1:PORT/charts/app
 * HttpResponse<String> manifest = registry.get("/v2/charts/app/manifests/0.1.0", OCI_MANIFEST, "charts/app");
 * }</pre>
 */
public final class Registry implements AutoCloseable {

  /** The ways a registry can be reached. */
  public enum Variant {
    /** Plain HTTP, no authentication (helm needs {@code --plain-http}). */
    ANONYMOUS,
    /** Plain HTTP, HTTP Basic against a bcrypt htpasswd file. */
    BASIC_AUTH,
    /** Plain HTTP, Docker token auth: a {@link TokenServer} issues JWTs the registry trusts. */
    BEARER_TOKEN,
    /** HTTPS with a certificate from a generated CA (see {@link #caFile()}), no authentication. */
    TLS
  }

  /** Username and password accepted by a registry that authenticates. */
  public record Credentials(String username, String password) {}

  /** The Accept value for an OCI image manifest; without it this registry answers a manifest GET with 404. */
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final String SERVICE = "ocihelm-testbed-registry";
  private static final Map<Variant, Registry> SHARED = new EnumMap<>(Variant.class);

  private final Variant variant;
  private final Path dir;
  private final int port;
  private final Credentials credentials;
  private final CertificateAuthority ca;
  private final Path caFile;
  private final TokenServer tokenServer;
  private final ManagedProcess process;
  private final HttpClient http;
  private final Duration startupTime;

  /** The registry of this variant shared by the whole JVM; started on first use, stopped at exit. */
  public static synchronized Registry shared(Variant variant) {
    return SHARED.computeIfAbsent(variant, Registry::start);
  }

  /** Starts a private registry; close it when done. */
  public static Registry start(Variant variant) {
    return new Registry(variant, TestBedDirectory.create("registry-" + variant.name().toLowerCase()));
  }

  private Registry(Variant variant, Path dir) {
    Path binary = Tool.REGISTRY.path();
    long start = System.nanoTime();
    this.variant = variant;
    this.dir = dir;
    this.port = LoopbackPort.free();
    this.credentials =
        switch (variant) {
          case BASIC_AUTH, BEARER_TOKEN -> new Credentials("ocihelm", "s3cret-" + randomHex(6));
          case ANONYMOUS, TLS -> null;
        };
    this.ca =
        variant == Variant.TLS || variant == Variant.BEARER_TOKEN
            ? CertificateAuthority.create("ocihelm-testbed-registry-ca")
            : null;
    this.caFile = ca == null ? null : CertificateAuthority.write(dir.resolve("ca.crt"), ca.root().certificatePem());
    this.tokenServer =
        variant == Variant.BEARER_TOKEN
            ? new TokenServer(ca.issueClient("token-signer"), SERVICE, credentials.username(), credentials.password())
            : null;

    StringBuilder config =
        new StringBuilder(
            """
            version: 0.1
            log:
              level: info
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: %s
              delete:
                enabled: true
              maintenance:
                uploadpurging:
                  enabled: false
            http:
              addr: 127.0.0.1:%d
              secret: %s
            """
                .formatted(dir.resolve("storage"), port, randomHex(16)));
    switch (variant) {
      case ANONYMOUS -> {}
      case BASIC_AUTH -> {
        // Cost 4 (bcrypt's minimum): the registry checks the hash on every request.
        String hash = OpenBSDBCrypt.generate("2y", credentials.password().toCharArray(), randomBytes(16), 4);
        Path htpasswd = CertificateAuthority.write(dir.resolve("htpasswd"), credentials.username() + ":" + hash + "\n");
        config.append(
            """
            auth:
              htpasswd:
                realm: ocihelm-testbed
                path: %s
            """
                .formatted(htpasswd));
      }
      case BEARER_TOKEN ->
          config.append(
              """
              auth:
                token:
                  realm: %s
                  service: %s
                  issuer: %s
                  rootcertbundle: %s
              """
                  .formatted(tokenServer.realm(), SERVICE, TokenServer.ISSUER, caFile));
      case TLS -> {
        var serving = ca.issueServer("registry");
        Path cert = CertificateAuthority.write(dir.resolve("registry.crt"), serving.certificatePem());
        Path key = CertificateAuthority.write(dir.resolve("registry.key"), serving.privateKeyPem());
        config.append(
            """
              tls:
                certificate: %s
                key: %s
            """
                .formatted(cert, key));
      }
    }
    Path configFile = CertificateAuthority.write(dir.resolve("config.yml"), config.toString());

    HttpClient.Builder httpBuilder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (variant == Variant.TLS) {
      httpBuilder.sslContext(ca.sslContext());
    }
    this.http = httpBuilder.build();
    this.process =
        ManagedProcess.start(
            "registry-" + variant.name().toLowerCase(),
            List.of(binary.toString(), "serve", configFile.toString()),
            dir.resolve("registry.log"),
            Map.of());
    try {
      process.awaitReady(
          START_TIMEOUT,
          () -> {
            int status =
                http.send(HttpRequest.newBuilder(url().resolve("/v2/")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status == 200 || status == 401;
          });
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    this.startupTime = Duration.ofNanos(System.nanoTime() - start);
    System.getLogger(Registry.class.getName())
        .log(System.Logger.Level.INFO, "registry {0} at {1} ready in {2} ms", variant, url(), startupTime.toMillis());
  }

  public Variant variant() {
    return variant;
  }

  /** {@code http://127.0.0.1:PORT} or, for {@link Variant#TLS}, {@code https://…}. */
  public URI url() {
    return URI.create((variant == Variant.TLS ? "https" : "http") + "://127.0.0.1:" + port);
  }

  /** {@code 127.0.0.1:PORT}, the registry part of an OCI reference. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** {@code oci://127.0.0.1:PORT/<repository>}, as helm and OciHelmRelease spell it. */
  public String ociReference(String repository) {
    return "oci://" + host() + "/" + repository;
  }

  /** Whether clients must use plain HTTP (helm's {@code --plain-http}). */
  public boolean plainHttp() {
    return variant != Variant.TLS;
  }

  /** The credentials this registry requires, if any. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The PEM CA file a client must trust ({@link Variant#TLS} only). */
  public Optional<Path> caFile() {
    return variant == Variant.TLS ? Optional.of(caFile) : Optional.empty();
  }

  /** An SSL context trusting this registry's CA ({@link Variant#TLS} only). */
  public Optional<SSLContext> sslContext() {
    return variant == Variant.TLS ? Optional.of(ca.sslContext()) : Optional.empty();
  }

  /** The token server ({@link Variant#BEARER_TOKEN} only). */
  public Optional<TokenServer> tokenServer() {
    return Optional.ofNullable(tokenServer);
  }

  /** How long the registry took to answer {@code /v2/}. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The registry's log file. */
  public Path logFile() {
    return process.logFile();
  }

  /**
   * The {@code Authorization} header value that grants {@code actions} (e.g. {@code "pull"} or
   * {@code "pull,push"}) on {@code repository}, if this variant needs one. This is a test shortcut,
   * not a client implementation: the bearer token comes straight from the token server.
   */
  public Optional<String> authorization(String repository, String actions) {
    return switch (variant) {
      case ANONYMOUS, TLS -> Optional.empty();
      case BASIC_AUTH ->
          Optional.of(
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString(
                          (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8)));
      case BEARER_TOKEN ->
          Optional.of(
              "Bearer "
                  + tokenServer.issue(credentials.username(), List.of("repository:" + repository + ":" + actions)));
    };
  }

  /**
   * GETs {@code path} (e.g. {@code /v2/charts/app/manifests/0.1.0}) with {@code accept}, authorized
   * to pull {@code repository} when the variant needs it.
   */
  public HttpResponse<String> get(String path, String accept, String repository) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url().resolve(path)).header("Accept", accept).GET();
    authorization(repository, "pull").ifPresent(value -> request.header("Authorization", value));
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("GET " + path + " from " + url(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP client that trusts this registry's certificate; adds no credentials. */
  public HttpClient httpClient() {
    return http;
  }

  /** Stops the registry (a shared one is stopped at JVM exit). */
  @Override
  public void close() {
    if (process != null) {
      process.close();
    }
    if (tokenServer != null) {
      tokenServer.close();
    }
  }

  private static String randomHex(int bytes) {
    return HexFormat.of().formatHex(randomBytes(bytes));
  }

  private static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  @Override
  public String toString() {
    return "Registry[" + variant + " " + url() + "]";
  }
}
