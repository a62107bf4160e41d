package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.CosignVerification;
import io.ocihelm.api.v1alpha1.LocalSecretReference;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.RegistryTls;
import io.ocihelm.api.v1alpha1.Verification;
import io.ocihelm.testbed.ToolRun;
import io.ocihelm.testbed.OciHelmReleaseCrd;
import io.ocihelm.testbed.ReleaseEdits;
import io.ocihelm.testbed.Cosign;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.RegistryVariant;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry side of a release on the real API server and registry: charts signed by the real
 * cosign (the oracle) and checked by spec.verify.cosign before anything is applied, and spec.tls
 * against the bed's TLS registry.
 */
@ExtendWith(TestBed.class)
class RegistryTrustIT {
  private static final Duration WITHIN = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PUSHED_DIGEST = Pattern.compile("Digest: (sha256:[0-9a-f]{64})");

  @Test
  void cosignSignedChartsInstallOthersApplyNothing(KubernetesClient admin, TestNamespace ns, Registry registry,
      @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "verify/" + ns.name();
    String repository = registry.host() + "/" + prefix + "/signed";
    String v1 = pushedDigest(helm.push(chart(helm, tmp, "0.1.0"), registry, prefix).requireSuccess());
    String v2 = pushedDigest(helm.push(chart(helm, tmp, "0.2.0"), registry, prefix).requireSuccess());
    helm.push(chart(helm, tmp, "0.3.0"), registry, prefix).requireSuccess();

    Cosign cosign = Cosign.isolated(tmp.resolve("cosign"));
    long started = System.nanoTime();
    Cosign.KeyPair trusted = cosign.generateKeyPair(tmp.resolve("keys/trusted"));
    Cosign.KeyPair stranger = cosign.generateKeyPair(tmp.resolve("keys/stranger"));
    cosign.sign(trusted, repository + "@" + v1).requireSuccess();
    cosign.sign(stranger, repository + "@" + v2).requireSuccess();
    System.out.println("cosign: 2 key pairs + 2 signatures in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
    // The oracle agrees with what follows: 0.1.0 verifies with the trusted key, 0.2.0 does not.
    cosign.verify(trusted, repository + "@" + v1).requireSuccess();
    assertThat(cosign.verify(trusted, repository + "@" + v2).exitCode()).isNotZero();

    publicKeySecret(admin, ns.name(), "cosign-pub", trusted);
    publicKeySecret(admin, ns.name(), "stranger-pub", stranger);
    OciHelmReleaseReconciler reconciler = new OciHelmReleaseReconciler(admin);
    Operator operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
    operator.register(reconciler, c -> c.settingNamespace(ns.name()));
    operator.start();
    try {
      // signed by the trusted key: verified, then installed
      OciHelmRelease release = release(ns.name(), "signed", registry.ociReference(prefix + "/signed"), "0.1.0");
      release.getSpec().setPlainHTTP(true);
      release.getSpec().setVerify(cosignVerification("cosign-pub"));
      admin.resource(release).create();
      OciHelmRelease ready = awaitReady(admin, ns.name(), "signed", 1);
      Condition verified = condition(ready, ConditionType.Verified).orElseThrow();
      assertThat(verified.getStatus()).isEqualTo(ConditionStatus.True);
      assertThat(verified.getMessage()).isEqualTo(v1 + " is signed by key cosign.pub (cosign signature "
          + v1.replace(':', '-') + ".sig; offline: no transparency log)");
      assertThat(configVersion(admin, ns.name(), "signed")).isEqualTo("0.1.0");

      // a reconcile with nothing to do writes nothing
      OciHelmRelease current = get(admin, ns.name(), "signed");
      assertThat(reconciler.reconcile(current, null).isNoUpdate()).isTrue();
      assertThat(get(admin, ns.name(), "signed").getMetadata().getResourceVersion())
          .isEqualTo(current.getMetadata().getResourceVersion());

      // signed, but by a key the release does not trust: nothing of 0.2.0 applied
      edit(admin, ns.name(), "signed", spec -> spec.getChart().setVersion("0.2.0"));
      OciHelmRelease rejected = awaitFailed(admin, ns.name(), "signed", 2);
      assertThat(condition(rejected, ConditionType.Ready).orElseThrow().getReason()).isEqualTo("VerificationFailed");
      assertThat(condition(rejected, ConditionType.Stalled).orElseThrow().getStatus()).isEqualTo(ConditionStatus.True);
      Condition notVerified = condition(rejected, ConditionType.Verified).orElseThrow();
      assertThat(notVerified.getStatus()).isEqualTo(ConditionStatus.False);
      assertThat(notVerified.getReason()).isEqualTo("VerificationFailed");
      assertThat(notVerified.getMessage()).startsWith("no signature of " + v2 + " in ")
          .contains("verifies with the 1 trusted key(s)").contains("signed by none of them");
      assertThat(configVersion(admin, ns.name(), "signed")).isEqualTo("0.1.0");
      assertThat(rejected.getStatus().getLastAppliedRevision()).isEqualTo("0.1.0@" + v1);

      // not signed at all
      edit(admin, ns.name(), "signed", spec -> spec.getChart().setVersion("0.3.0"));
      OciHelmRelease unsigned = awaitFailed(admin, ns.name(), "signed", 3);
      assertThat(condition(unsigned, ConditionType.Ready).orElseThrow().getReason()).isEqualTo("VerificationFailed");
      assertThat(condition(unsigned, ConditionType.Verified).orElseThrow().getMessage())
          .startsWith("no cosign signature for sha256:").contains(".sig does not exist");
      assertThat(configVersion(admin, ns.name(), "signed")).isEqualTo("0.1.0");

      // trusting the stranger's key makes its 0.2.0 good
      edit(admin, ns.name(), "signed", spec -> {
        spec.getChart().setVersion("0.2.0");
        spec.setVerify(cosignVerification("stranger-pub"));
      });
      OciHelmRelease upgraded = awaitReady(admin, ns.name(), "signed", 4);
      assertThat(condition(upgraded, ConditionType.Verified).orElseThrow().getStatus()).isEqualTo(ConditionStatus.True);
      assertThat(configVersion(admin, ns.name(), "signed")).isEqualTo("0.2.0");

      // without spec.verify there is no Verified condition
      edit(admin, ns.name(), "signed", spec -> spec.setVerify(null));
      assertThat(condition(awaitReady(admin, ns.name(), "signed", 5), ConditionType.Verified)).isEmpty();
    } finally {
      operator.stop();
    }
  }

  @Test
  void tlsRegistryIsTrustedThroughTheCaSecret(KubernetesClient admin, TestNamespace ns,
      @RegistryVariant(Registry.Variant.TLS) Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "tls/" + ns.name();
    helm.push(chart(helm, tmp, "0.1.0"), registry, prefix).requireSuccess();
    admin.resource(new SecretBuilder().withNewMetadata().withName("broken-ca").withNamespace(ns.name()).endMetadata()
        .addToStringData("ca.crt", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n").build()).create();

    OciHelmReleaseReconciler reconciler = new OciHelmReleaseReconciler(admin);
    Operator operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
    operator.register(reconciler, c -> c.settingNamespace(ns.name()));
    operator.start();
    try {
      // the system trust store does not know the bed's CA: a TLS error, retried
      admin.resource(release(ns.name(), "tls", registry.ociReference(prefix + "/signed"), "0.1.0")).create();
      OciHelmRelease untrusted = awaitFailed(admin, ns.name(), "tls", 1);
      Condition notReady = condition(untrusted, ConditionType.Ready).orElseThrow();
      assertThat(notReady.getReason()).isEqualTo("RegistryUnavailable");
      assertThat(notReady.getMessage()).contains("TLS handshake with " + registry.host() + " failed");
      assertThat(condition(untrusted, ConditionType.Reconciling).orElseThrow().getStatus()).isEqualTo(ConditionStatus.True);

      // a Secret whose ca.crt is no certificate: said so, stalled
      edit(admin, ns.name(), "tls", spec -> spec.setTls(tls("broken-ca", false)));
      OciHelmRelease broken = awaitFailed(admin, ns.name(), "tls", 2);
      Condition brokenReady = condition(broken, ConditionType.Ready).orElseThrow();
      assertThat(brokenReady.getReason()).isEqualTo("RegistryUnavailable");
      assertThat(brokenReady.getMessage())
          .startsWith("TLS secret " + ns.name() + "/broken-ca (spec.tls.caSecretRef) holds invalid TLS settings")
          .doesNotContain("AAAA");
      assertThat(condition(broken, ConditionType.Stalled).orElseThrow().getStatus()).isEqualTo(ConditionStatus.True);

      // the Secret corrected to hold the registry's CA: the watch reconciles, installed
      String ca = Files.readString(registry.caFile().orElseThrow());
      admin.secrets().inNamespace(ns.name()).withName("broken-ca").edit(s -> {
        s.setData(Map.of("ca.crt", java.util.Base64.getEncoder().encodeToString(ca.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        return s;
      });
      awaitReady(admin, ns.name(), "tls", 2);
      assertThat(configVersion(admin, ns.name(), "tls")).isEqualTo("0.1.0");

      // insecureSkipVerify alone also reaches it
      OciHelmRelease insecure = release(ns.name(), "insecure", registry.ociReference(prefix + "/signed"), "0.1.0");
      insecure.getSpec().setTls(tls(null, true));
      admin.resource(insecure).create();
      awaitReady(admin, ns.name(), "insecure", 1);
    } finally {
      operator.stop();
    }
  }

  private static String pushedDigest(ToolRun pushed) {
    Matcher m = PUSHED_DIGEST.matcher(pushed.stdout() + pushed.stderr());
    assertThat(m.find()).as("helm push prints the digest: %s", pushed).isTrue();
    return m.group(1);
  }

  private static void publicKeySecret(KubernetesClient admin, String namespace, String name, Cosign.KeyPair key) {
    admin.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .addToStringData("cosign.pub", key.publicKeyPem()).build()).create();
  }

  private static Verification cosignVerification(String secretName) {
    CosignVerification cosign = new CosignVerification();
    cosign.setPublicKeySecretRef(new LocalSecretReference(secretName));
    Verification verification = new Verification();
    verification.setCosign(cosign);
    return verification;
  }

  private static RegistryTls tls(String caSecret, boolean insecure) {
    RegistryTls tls = new RegistryTls();
    tls.setCaSecretRef(caSecret == null ? null : new LocalSecretReference(caSecret));
    tls.setInsecureSkipVerify(insecure);
    return tls;
  }

  /** One ConfigMap that says which chart version rendered it. */
  private static Path chart(Helm helm, Path tmp, String version) throws IOException {
    Path dir = tmp.resolve("src-" + version).resolve("signed");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: signed\nversion: " + version + "\n");
    Files.writeString(dir.resolve("templates/configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          chartVersion: {{ .Chart.Version | quote }}
        """);
    helm.run("package", dir.toString(), "--destination", tmp.toString()).requireSuccess();
    return tmp.resolve("signed-" + version + ".tgz");
  }

  private static String configVersion(KubernetesClient admin, String namespace, String release) {
    return admin.configMaps().inNamespace(namespace).withName(release + "-config").get().getData().get("chartVersion");
  }

  private static OciHelmRelease release(String namespace, String name, String repository, String version) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository(repository);
    chart.setVersion(version);
    spec.setChart(chart);
    release.setSpec(spec);
    return release;
  }

  private static void edit(KubernetesClient admin, String namespace, String name, Consumer<OciHelmReleaseSpec> change) {
    ReleaseEdits.editSpec(admin, namespace, name, change);
  }

  private static OciHelmRelease get(KubernetesClient admin, String namespace, String name) {
    return admin.resources(OciHelmRelease.class).inNamespace(namespace).withName(name).get();
  }

  private static Optional<Condition> condition(OciHelmRelease release, ConditionType type) {
    if (release == null || release.getStatus() == null) {
      return Optional.empty();
    }
    return release.getStatus().getConditions().stream().filter(c -> c.is(type)).findFirst();
  }

  private static OciHelmRelease awaitReady(KubernetesClient admin, String namespace, String name, long generation) {
    return awaitReadyIs(admin, namespace, name, generation, ConditionStatus.True);
  }

  private static OciHelmRelease awaitFailed(KubernetesClient admin, String namespace, String name, long generation) {
    return awaitReadyIs(admin, namespace, name, generation, ConditionStatus.False);
  }

  private static OciHelmRelease awaitReadyIs(KubernetesClient admin, String namespace, String name, long generation,
      ConditionStatus status) {
    try {
      return await().atMost(WITHIN).pollInterval(Duration.ofMillis(100))
          .until(() -> get(admin, namespace, name),
              r -> condition(r, ConditionType.Ready).filter(c -> c.getStatus() == status
                  && c.getObservedGeneration() != null && c.getObservedGeneration() == generation).isPresent());
    } catch (ConditionTimeoutException e) {
      OciHelmRelease release = get(admin, namespace, name);
      throw new AssertionError("not Ready=" + status + " at generation " + generation + "; status: "
          + (release == null ? "(none)" : JSON.valueToTree(release.getStatus()).toPrettyString()), e);
    }
  }
}
