package io.ocihelm.oci;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP for one {@link RegistryClient}: authentication (Basic or the token flow), redirects that
 * never carry credentials to another origin, retries with jittered backoff on 429/5xx/IO errors
 * honouring {@code Retry-After}, a per-registry concurrency bound, and idle timeouts on bodies.
 */
final class RegistryTransport implements AutoCloseable {
  private static final int MAX_REDIRECTS = 5;
  private static final long MAX_RETRY_AFTER_SECONDS = 60;

  /** Reads a 2xx body; may throw {@link DigestMismatchException} or IOException to trigger a retry. */
  @FunctionalInterface
  interface BodyReader<T> {
    T read(InputStream body, HttpHeaders headers) throws IOException;
  }

  /** A request to the registry API: path below {@code /v2/}, and the repository it concerns. */
  record Call(String method, String registry, String repository, URI uri, Map<String, String> headers) {}

  /** Outcome: the status and, for 2xx, the read body. */
  record Result<T>(int status, HttpHeaders headers, T body, String errorText) {}

  private enum Scheme { NONE, BASIC, BEARER }

  private final RegistryOptions options;
  private final Clock clock;
  private final Map<TlsOptions, HttpClient> clients = new ConcurrentHashMap<>();
  private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
  private final Map<String, Scheme> schemes = new ConcurrentHashMap<>();
  private final TokenAuthenticator tokens;
  private final ScheduledExecutorService watchdog;
  private final AtomicLong requests = new AtomicLong();

  RegistryTransport(RegistryOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    this.tokens = new TokenAuthenticator(this::callTokenEndpoint, clock);
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ocihelm-registry-watchdog");
              t.setDaemon(true);
              return t;
            });
  }

  /** HTTP requests sent so far (token requests and retries included). */
  long requestCount() {
    return requests.get();
  }

  URI apiUri(OciReference ref, String path) {
    TlsOptions tls = options.tls().apply(ref.registry());
    return URI.create(tls.scheme() + "://" + ref.apiHost() + "/v2/" + path);
  }

  <T> Result<T> execute(Call call, BodyReader<T> reader) {
    Semaphore gate = permits.computeIfAbsent(call.registry(),
        h -> new Semaphore(options.maxConcurrentRequestsPerRegistry(), true));
    RuntimeException lastFailure = null;
    for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
      Duration wait;
      try {
        gate.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryUnavailableException("interrupted while waiting for " + call.registry(), e);
      }
      try {
        Result<T> result = authenticatedExchange(call, reader);
        if (!isRetryable(result.status())) {
          return result;
        }
        lastFailure = new RegistryUnavailableException(
            call.registry() + " answered HTTP " + result.status() + " to " + call.method() + " "
                + call.uri().getPath() + describe(result.errorText()), null);
        wait = retryAfter(result.headers()).orElseGet(() -> null);
      } catch (javax.net.ssl.SSLHandshakeException e) {
        // A certificate problem does not go away within seconds: report it now, not after backoff.
        throw new RegistryUnavailableException(
            "TLS handshake with " + call.registry() + " failed (" + e.getMessage() + ")", e);
      } catch (IOException e) {
        lastFailure = new RegistryUnavailableException(
            "cannot reach " + call.registry() + " (" + describeIo(e) + ")", e);
        wait = null;
      } catch (DigestMismatchException e) {
        lastFailure = e;
        wait = null;
      } finally {
        gate.release();
      }
      if (attempt == options.maxAttempts()) {
        break;
      }
      sleep(wait != null ? wait : backoff(attempt));
    }
    throw lastFailure;
  }

  private static boolean isRetryable(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  private <T> Result<T> authenticatedExchange(Call call, BodyReader<T> reader) throws IOException {
    Credentials credentials = options.credentials().lookup(call.registry());
    String scope = "repository:" + call.repository() + ":pull";
    boolean freshAuthTried = false;
    while (true) {
      String authorization = authorization(call.registry(), scope, credentials);
      Result<T> result = exchange(call, authorization, reader);
      if (result.status() != 401) {
        if (result.status() == 403) {
          throw new AuthenticationFailedException(
              call.registry() + " denied access to " + call.repository() + describe(result.errorText()));
        }
        return result;
      }
      List<AuthChallenge> challenges = AuthChallenge.parse(result.headers().firstValue("WWW-Authenticate").orElse(null));
      Optional<AuthChallenge> bearer = challenges.stream().filter(AuthChallenge::isBearer).findFirst();
      Optional<AuthChallenge> basic = challenges.stream().filter(AuthChallenge::isBasic).findFirst();
      if (!freshAuthTried && credentials.registryToken() == null) {
        freshAuthTried = true;
        if (bearer.isPresent()) {
          String challengedScope = bearer.get().param("scope") != null ? bearer.get().param("scope") : scope;
          tokens.invalidate(call.registry(), challengedScope);
          tokens.fetch(call.registry(), bearer.get(), scope, credentials);
          scope = challengedScope;
          schemes.put(call.registry(), Scheme.BEARER);
          continue;
        }
        if (basic.isPresent() && credentials.hasPassword() && schemes.get(call.registry()) != Scheme.BASIC) {
          schemes.put(call.registry(), Scheme.BASIC);
          continue;
        }
      }
      String who = credentials.isAnonymous() ? "anonymous access" : "the credentials";
      throw new AuthenticationFailedException(
          call.registry() + " rejected " + who + " for " + call.repository() + " (HTTP 401"
              + (challenges.isEmpty() ? "" : ", " + challenges.get(0).scheme() + " required") + ")"
              + describe(result.errorText()));
    }
  }

  private String authorization(String registry, String scope, Credentials credentials) {
    if (credentials.registryToken() != null) {
      return "Bearer " + credentials.registryToken();
    }
    Scheme scheme = schemes.getOrDefault(registry, Scheme.NONE);
    if (scheme == Scheme.BASIC && credentials.hasPassword()) {
      return credentials.basicHeader();
    }
    if (scheme == Scheme.BEARER) {
      String token = tokens.cached(registry, scope);
      return token == null ? null : "Bearer " + token;
    }
    return null;
  }

  private <T> Result<T> exchange(Call call, String authorization, BodyReader<T> reader) throws IOException {
    URI uri = call.uri();
    URI origin = call.uri();
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri)
          .timeout(options.requestTimeout())
          .header("User-Agent", options.userAgent());
      call.headers().forEach(b::header);
      if (authorization != null && sameOrigin(origin, uri)) {
        b.header("Authorization", authorization);
      }
      b.method(call.method(), HttpRequest.BodyPublishers.noBody());
      HttpResponse<InputStream> response = send(call.registry(), b.build());
      int status = response.statusCode();
      if (isRedirect(status)) {
        Optional<String> location = response.headers().firstValue("Location");
        response.body().close();
        if (location.isEmpty()) {
          throw new IOException("redirect without Location from " + uri.getHost());
        }
        // Credentials stay with the registry: a redirect to object storage gets none.
        uri = uri.resolve(location.get());
        continue;
      }
      try (InputStream body = response.body()) {
        if (status / 100 == 2) {
          if (call.method().equals("HEAD")) {
            return new Result<>(status, response.headers(), null, null);
          }
          InputStream guarded = new IdleTimeoutInputStream(body, watchdog, options.readIdleTimeout());
          return new Result<>(status, response.headers(), reader.read(guarded, response.headers()), null);
        }
        byte[] error = body.readNBytes(4096);
        return new Result<>(status, response.headers(), null, new String(error, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    throw new IOException("too many redirects from " + call.uri().getHost());
  }

  private HttpResponse<InputStream> send(String registry, HttpRequest request) throws IOException {
    requests.incrementAndGet();
    try {
      return client(registry).send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private HttpClient client(String registry) {
    return clientFor(options.tls().apply(registry));
  }

  private HttpClient clientFor(TlsOptions tls) {
    return clients.computeIfAbsent(tls, t -> {
      HttpClient.Builder b = HttpClient.newBuilder()
          .connectTimeout(options.connectTimeout())
          .followRedirects(HttpClient.Redirect.NEVER);
      if (t.plainHttp()) {
        b.version(HttpClient.Version.HTTP_1_1);
      } else {
        b.sslContext(SslContextFactory.create(t));
      }
      return b.build();
    });
  }

  private TokenAuthenticator.TokenEndpoint.Response callTokenEndpoint(URI uri, String authorization, String form)
      throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(options.requestTimeout())
        .header("User-Agent", options.userAgent());
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
    } else {
      b.GET();
    }
    // The realm is usually another host: its transport follows the realm's own scheme.
    TlsOptions realmTls = options.tls().apply(uri.getAuthority());
    if (uri.getScheme().equals("http")) {
      realmTls = TlsOptions.PLAIN_HTTP;
    } else if (realmTls.plainHttp()) {
      realmTls = TlsOptions.DEFAULT;
    }
    HttpClient client = clientFor(realmTls);
    requests.incrementAndGet();
    try {
      HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = new IdleTimeoutInputStream(r.body(), watchdog, options.readIdleTimeout())) {
        return new TokenAuthenticator.TokenEndpoint.Response(r.statusCode(), in.readNBytes(1024 * 1024));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : (u.getScheme().equalsIgnoreCase("https") ? 443 : 80);
  }

  /** {@code Retry-After} as delta seconds or an HTTP date, capped so a server cannot park us for hours. */
  private Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> value = headers.firstValue("Retry-After");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get().strip();
    long seconds;
    try {
      seconds = Long.parseLong(v);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        seconds = Duration.between(clock.instant(), when.toInstant()).toSeconds();
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    return Optional.of(Duration.ofSeconds(Math.clamp(seconds, 0, MAX_RETRY_AFTER_SECONDS)));
  }

  /** Full jitter: uniform in [0, min(max, initial * 2^(attempt-1))]. */
  private Duration backoff(int attempt) {
    long ceiling = Math.min(options.maxBackoff().toMillis(),
        options.initialBackoff().toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException("interrupted during retry backoff", e);
    }
  }

  private static String describe(String errorText) {
    if (errorText == null || errorText.isBlank()) {
      return "";
    }
    String oneLine = errorText.strip().replaceAll("\\s+", " ");
    return ": " + (oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine);
  }

  private static String describeIo(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "timed out";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    clients.values().forEach(HttpClient::close);
  }

  /** Closes the body when no byte arrives for {@code idle}, turning a stalled read into an IOException. */
  private static final class IdleTimeoutInputStream extends java.io.FilterInputStream {
    private final ScheduledExecutorService watchdog;
    private final Duration idle;
    private volatile boolean timedOut;

    IdleTimeoutInputStream(InputStream in, ScheduledExecutorService watchdog, Duration idle) {
      super(in);
      this.watchdog = watchdog;
      this.idle = idle;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      ScheduledFuture<?> alarm = watchdog.schedule(this::expire, idle.toMillis(), TimeUnit.MILLISECONDS);
      try {
        int n = super.read(b, off, len);
        if (timedOut) {
          throw new HttpTimeoutException("no data for " + idle.toMillis() + " ms");
        }
        return n;
      } catch (IOException e) {
        if (timedOut) {
          throw new HttpTimeoutException("no data for " + idle.toMillis() + " ms");
        }
        throw e;
      } finally {
        alarm.cancel(false);
      }
    }

    private void expire() {
      timedOut = true;
      try {
        in.close();
      } catch (IOException ignored) {
        // the reader sees the close as an error anyway
      }
    }
  }
}
