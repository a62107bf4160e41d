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
}
