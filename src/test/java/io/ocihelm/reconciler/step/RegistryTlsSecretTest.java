package io.ocihelm.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.LocalSecretReference;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.api.v1alpha1.RegistryTls;
import io.ocihelm.oci.TlsOptions;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.testbed.CertificateAuthority;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** spec.tls's Secret → TlsOptions; what is wrong with a Secret is said without its content. */
class RegistryTlsSecretTest {
  private static final CertificateAuthority CA = CertificateAuthority.create("ocihelm tls secret test");
  private static final CertificateAuthority.Issued CLIENT = CA.issueClient("ocihelm");

  record Bad(String name, Map<String, String> entries, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Bad> unusableSecrets() {
    String caPem = CA.root().certificatePem();
    return Stream.of(
        new Bad("no ca.crt, no tls.crt", Map.of("other", "x"), "has neither ca.crt nor tls.crt"),
        new Bad("tls.crt without tls.key", Map.of("ca.crt", caPem, "tls.crt", CLIENT.certificatePem()),
            "has tls.crt without tls.key: a client certificate needs both"),
        new Bad("tls.key without tls.crt", Map.of("ca.crt", caPem, "tls.key", CLIENT.privateKeyPem()),
            "has tls.key without tls.crt"),
        new Bad("ca.crt that is no certificate", Map.of("ca.crt", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"),
            "holds invalid TLS settings"),
        new Bad("tls.key that is no key", Map.of("ca.crt", caPem, "tls.crt", CLIENT.certificatePem(), "tls.key", "secret-ish text"),
            "holds invalid TLS settings"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableSecrets")
  void unusableSecretsStallWithoutShowingTheirContent(Bad bad) {
    ReleaseRequest request = request();
    assertThatThrownBy(() -> RegistryTlsSecret.requireUsable(request,
            RegistryTlsSecret.fromSecretData("team-a/registry-tls", false, encoded(bad.entries()))))
        .isInstanceOfSatisfying(ReconcileFailure.class, f -> {
          assertThat(f.reason()).isEqualTo(Reason.RegistryUnavailable);
          assertThat(f.isTransient()).isFalse();
          assertThat(f.getMessage()).startsWith("TLS secret team-a/registry-tls (spec.tls.caSecretRef) ")
              .contains(bad.message())
              .doesNotContain("secret-ish", "BEGIN");
        });
  }

  @Test
  void caAndClientCertificateBecomeTheTransport() {
    Map<String, String> data = encoded(Map.of("ca.crt", CA.root().certificatePem(),
        "tls.crt", CLIENT.certificatePem(), "tls.key", CLIENT.privateKeyPem()));
    TlsOptions options = RegistryTlsSecret.requireUsable(request(),
        RegistryTlsSecret.fromSecretData("team-a/registry-tls", true, data));
    assertThat(options.plainHttp()).isFalse();
    assertThat(options.insecureSkipVerify()).isTrue();
    assertThat(options.caPem()).isEqualTo(CA.root().certificatePem());
    assertThat(options.clientCertPem()).isEqualTo(CLIENT.certificatePem());
    // Equal content, equal options: releases sharing a CA share one registry client.
    assertThat(RegistryTlsSecret.fromSecretData("team-b/other-name", true, data)).isEqualTo(options);
  }

  private static Map<String, String> encoded(Map<String, String> plain) {
    Map<String, String> data = new LinkedHashMap<>();
    plain.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.US_ASCII))));
    return data;
  }

  private static ReleaseRequest request() {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("team-a").build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository("oci://127.0.0.1:5000/charts/demo");
    spec.setChart(chart);
    RegistryTls tls = new RegistryTls();
    tls.setCaSecretRef(new LocalSecretReference("registry-tls"));
    spec.setTls(tls);
    release.setSpec(spec);
    return new ReleaseRequest(release);
  }
}
