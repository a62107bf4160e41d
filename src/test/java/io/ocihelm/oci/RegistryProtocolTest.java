package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol corners a single local registry cannot show: redirects to another origin, tag-list
 * pagination, a bearer token revoked mid-session. Two in-JVM HTTP servers play registry and storage.
 */
class RegistryProtocolTest {
  private static final byte[] BLOB = "chart-bytes".getBytes(StandardCharsets.UTF_8);
  private static final String BLOB_DIGEST = ContentDigest.sha256(BLOB);

  private final HttpServer registry = server();
  private final HttpServer storage = server();
  private final List<String> storageAuthorization = new CopyOnWriteArrayList<>();
  private final Map<String, String> registryAuthorization = new ConcurrentHashMap<>();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private volatile String acceptedToken = "t1";

  private static HttpServer server() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      s.setExecutor(java.util.concurrent.Executors.newCachedThreadPool()); // handlers may block
      s.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterEach
  void stop() {
    registry.stop(0);
    storage.stop(0);
  }

  private String registryHost() {
    return "127.0.0.1:" + registry.getAddress().getPort();
  }

  private RegistryClient client(Credentials credentials) {
    return new RegistryClient(RegistryOptions.defaults()
        .withTls(h -> TlsOptions.PLAIN_HTTP)
        .withCredentials(CredentialStore.of(credentials)));
  }

  private static void respond(HttpExchange ex, int status, byte[] body, Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
    ex.close();
  }

  @Test
  void redirectedBlobDownloadCarriesNoCredentials() {
    storage.createContext("/bucket/", ex -> {
      storageAuthorization.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      respond(ex, 200, BLOB, Map.of());
    });
    registry.createContext("/v2/", ex -> {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth == null) {
        respond(ex, 401, new byte[0], Map.of("WWW-Authenticate", "Basic realm=\"test\""));
        return;
      }
      registryAuthorization.put(ex.getRequestURI().getPath(), auth);
      respond(ex, 307, new byte[0], Map.of("Location",
          "http://localhost:" + storage.getAddress().getPort() + "/bucket/blob?sig=abc"));
    });
    try (RegistryClient client = client(Credentials.basic("u", "p"))) {
      byte[] got = client.fetchBlob(OciReference.parse("oci://" + registryHost() + "/charts/demo"),
          new Descriptor(MediaTypes.HELM_CHART, BLOB_DIGEST, BLOB.length));
      assertThat(got).isEqualTo(BLOB);
    }
    assertThat(registryAuthorization).containsValue("Basic dTpw");
    assertThat(storageAuthorization).containsExactly("null");
  }

  @Test
  void tagListFollowsLinkPagination() {
    registry.createContext("/v2/charts/demo/tags/list", ex -> {
      String query = ex.getRequestURI().getRawQuery();
      if (query == null) {
        respond(ex, 200, "{\"name\":\"charts/demo\",\"tags\":[\"1.0.0\",\"1.1.0\"]}".getBytes(StandardCharsets.UTF_8),
            Map.of("Link", "</v2/charts/demo/tags/list?n=2&last=1.1.0>; rel=\"next\""));
      } else if (query.equals("n=2&last=1.1.0")) {
        respond(ex, 200, "{\"name\":\"charts/demo\",\"tags\":[\"2.0.0\"]}".getBytes(StandardCharsets.UTF_8), Map.of());
      } else {
        respond(ex, 400, new byte[0], Map.of());
      }
    });
    try (RegistryClient client = client(Credentials.ANONYMOUS)) {
      OciReference ref = OciReference.parse("oci://" + registryHost() + "/charts/demo");
      assertThat(client.listTags(ref)).containsExactly("1.0.0", "1.1.0", "2.0.0");
      assertThat(client.resolve(ref, "^2").version()).isEqualTo("2.0.0");
    }
  }

  @Test
  void revokedBearerTokenIsRenewedOnceAndReusedOtherwise() {
    registry.createContext("/token", ex -> {
      int n = tokensIssued.incrementAndGet();
      respond(ex, 200, ("{\"token\":\"t" + n + "\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8), Map.of());
    });
    String challenge = "Bearer realm=\"http://" + registryHost() + "/token\",service=\"test\",scope=\"repository:charts/demo:pull\"";
    registry.createContext("/v2/", ex -> {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (!("Bearer " + acceptedToken).equals(auth)) {
        respond(ex, 401, new byte[0], Map.of("WWW-Authenticate", challenge));
        return;
      }
      respond(ex, 200, BLOB, Map.of());
    });
    try (RegistryClient client = client(Credentials.ANONYMOUS)) {
      OciReference ref = OciReference.parse("oci://" + registryHost() + "/charts/demo");
      Descriptor blob = new Descriptor(MediaTypes.HELM_CHART, BLOB_DIGEST, BLOB.length);
      assertThat(client.fetchBlob(ref, blob)).isEqualTo(BLOB);
      long afterFirst = client.requestCount();
      assertThat(client.fetchBlob(ref, blob)).isEqualTo(BLOB);
      assertThat(client.requestCount() - afterFirst).as("cached token: one request").isEqualTo(1);
      assertThat(tokensIssued.get()).isEqualTo(1);

      acceptedToken = "t2"; // the registry revokes t1
      assertThat(client.fetchBlob(ref, blob)).isEqualTo(BLOB);
      assertThat(tokensIssued.get()).isEqualTo(2);
    }
  }

  @Test
  void concurrentRequestsPerRegistryAreBounded() throws Exception {
    AtomicInteger active = new AtomicInteger();
    AtomicInteger maxActive = new AtomicInteger();
    java.util.concurrent.Semaphore gate = new java.util.concurrent.Semaphore(0);
    registry.createContext("/v2/", ex -> {
      maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
      gate.acquireUninterruptibly();
      active.decrementAndGet();
      respond(ex, 200, BLOB, Map.of());
    });
    RegistryOptions options = RegistryOptions.defaults().withTls(h -> TlsOptions.PLAIN_HTTP)
        .withMaxConcurrentRequestsPerRegistry(2);
    OciReference ref = OciReference.parse("oci://" + registryHost() + "/charts/demo");
    Descriptor blob = new Descriptor(MediaTypes.HELM_CHART, BLOB_DIGEST, BLOB.length);
    try (RegistryClient client = new RegistryClient(options);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
      List<java.util.concurrent.Future<byte[]>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        results.add(pool.submit(() -> client.fetchBlob(ref, blob)));
      }
      org.awaitility.Awaitility.await().until(() -> active.get() == 2);
      gate.release(6);
      for (var r : results) {
        assertThat(r.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(BLOB);
      }
    }
    assertThat(maxActive.get()).isEqualTo(2);
  }

  @Test
  void stalledBodyTimesOutInsteadOfHanging() {
    java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
    registry.createContext("/v2/", ex -> {
      ex.sendResponseHeaders(200, BLOB.length);
      ex.getResponseBody().write(BLOB, 0, 3);
      ex.getResponseBody().flush();
      try {
        end.await(60, java.util.concurrent.TimeUnit.SECONDS); // never sends the rest
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
    });
    RegistryOptions options = RegistryOptions.defaults().withTls(h -> TlsOptions.PLAIN_HTTP)
        .withRetries(1, java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(10))
        .withTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(500));
    try (RegistryClient client = new RegistryClient(options)) {
      OciReference ref = OciReference.parse("oci://" + registryHost() + "/charts/demo");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.fetchBlob(ref,
              new Descriptor(MediaTypes.HELM_CHART, BLOB_DIGEST, BLOB.length)))
          .isInstanceOf(RegistryUnavailableException.class)
          .hasMessageContaining("timed out");
    } finally {
      end.countDown();
    }
  }
}
