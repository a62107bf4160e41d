package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TLS options against an in-JVM HTTPS server whose certificate comes from a private CA. */
class TlsTest {
  private static final byte[] BLOB = "tls-bytes".getBytes(StandardCharsets.UTF_8);
  private static final Descriptor DESCRIPTOR = new Descriptor(MediaTypes.HELM_CHART, ContentDigest.sha256(BLOB), BLOB.length);

  private HttpsServer server;

  private OciReference start(TestCertificates certs, TestCertificates.Issued serverCert, boolean needClientAuth) throws Exception {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certs.serverContext(serverCert)) {
      @Override
      public void configure(HttpsParameters params) {
        var p = getSSLContext().getDefaultSSLParameters();
        p.setNeedClientAuth(needClientAuth);
        params.setSSLParameters(p);
      }
    });
    server.createContext("/v2/", ex -> {
      ex.sendResponseHeaders(200, BLOB.length);
      ex.getResponseBody().write(BLOB);
      ex.close();
    });
    server.start();
    return OciReference.parse("oci://127.0.0.1:" + server.getAddress().getPort() + "/charts/demo");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private byte[] fetch(OciReference ref, TlsOptions tls) {
    try (RegistryClient client = new RegistryClient(RegistryOptions.defaults()
        .withTls(h -> tls)
        .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10)))) {
      return client.fetchBlob(ref, DESCRIPTOR);
    }
  }

  @Test
  void privateCaIsRejectedBySystemTrustAlone() throws Exception {
    TestCertificates certs = new TestCertificates();
    OciReference ref = start(certs, certs.issue("registry", true), false);
    assertThatThrownBy(() -> fetch(ref, TlsOptions.DEFAULT)).isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("TLS handshake with");
  }

  @Test
  void extraCaIsTrustedOnTopOfTheSystem() throws Exception {
    TestCertificates certs = new TestCertificates();
    OciReference ref = start(certs, certs.issue("registry", true), false);
    assertThat(fetch(ref, new TlsOptions(false, false, certs.ca.certificatePem(), null, null))).isEqualTo(BLOB);
  }

  @Test
  void extraCaStillChecksTheHostName() throws Exception {
    TestCertificates certs = new TestCertificates();
    OciReference ref = start(certs, certs.issue("elsewhere", false), false);
    assertThatThrownBy(() -> fetch(ref, new TlsOptions(false, false, certs.ca.certificatePem(), null, null)))
        .isInstanceOf(RegistryUnavailableException.class);
  }

  @Test
  void insecureSkipVerifyAcceptsAnyCertificateAndName() throws Exception {
    TestCertificates certs = new TestCertificates();
    OciReference ref = start(certs, certs.issue("elsewhere", false), false);
    assertThat(fetch(ref, new TlsOptions(false, true, null, null, null))).isEqualTo(BLOB);
  }

  @Test
  void clientCertificateForMutualTls() throws Exception {
    TestCertificates certs = new TestCertificates();
    OciReference ref = start(certs, certs.issue("registry", true), true);
    TestCertificates.Issued client = certs.issue("ocihelm-client", false);
    assertThat(fetch(ref, new TlsOptions(false, false, certs.ca.certificatePem(),
        client.certificatePem(), client.privateKeyPem()))).isEqualTo(BLOB);
    assertThatThrownBy(() -> fetch(ref, new TlsOptions(false, false, certs.ca.certificatePem(), null, null)))
        .isInstanceOf(RegistryUnavailableException.class);
  }
}
