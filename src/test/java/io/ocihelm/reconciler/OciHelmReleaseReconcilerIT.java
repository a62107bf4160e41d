package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.ValuesReference;
import io.ocihelm.api.v1alpha1.ValuesSourceKind;
import io.ocihelm.apply.ReleaseOwnership;
import io.ocihelm.testbed.OciHelmReleaseCrd;
import io.ocihelm.testbed.ReleaseEdits;
import io.ocihelm.testbed.ControlPlane;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciler on the real API server and registry of the test bed, run by a plain JOSDK
 * {@link Operator} on the admin client (no Quarkus boot): install, a no-op reconcile that writes
 * nothing, values change (spec.values, then a ConfigMap), prune, a template error that applies
 * nothing, and uninstall through the finalizer. The real helm CLI reads the release records we
 * write: {@code helm list} and {@code helm history} follow every step.
 */
@ExtendWith(TestBed.class)
class OciHelmReleaseReconcilerIT {
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void installsUpgradesPrunesAndStallsOnATemplateError(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "operator/" + ns.name();
    helm.push(chart(helm, tmp, "0.1.0", true, false), registry, prefix).requireSuccess();
    helm.push(chart(helm, tmp, "0.2.0", false, false), registry, prefix).requireSuccess();
    helm.push(chart(helm, tmp, "0.3.0", false, true), registry, prefix).requireSuccess();

    OciHelmReleaseReconciler reconciler = new OciHelmReleaseReconciler(admin);
    Operator operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
    operator.register(reconciler, c -> c.settingNamespace(ns.name()));
    operator.start();
    try {
      // install
      long started = System.nanoTime();
      admin.resource(release(ns.name(), registry.ociReference(prefix + "/demo"), "0.1.0", "hello")).create();
      OciHelmRelease ready = awaitReady(admin, ns.name(), 1);
      Duration createToReady = Duration.ofNanos(System.nanoTime() - started);
      System.out.println("create -> Ready: " + createToReady.toMillis() + " ms");

      ConfigMap config = admin.configMaps().inNamespace(ns.name()).withName("demo-config").get();
      assertThat(config.getData()).containsEntry("greeting", "hello").containsEntry("replicas", "2");
      assertThat(config.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/managed-by", "Helm")
          .containsEntry("ocihelm.io/release", ReleaseOwnership.labelValue(ns.name() + ".demo"));
      assertThat(config.getMetadata().getAnnotations())
          .containsEntry("meta.helm.sh/release-name", "demo")
          .containsEntry("meta.helm.sh/release-namespace", ns.name())
          .containsEntry("ocihelm.io/release", ns.name() + ".demo");
      assertThat(config.getMetadata().getManagedFields())
          .extracting(ManagedFieldsEntry::getManager, ManagedFieldsEntry::getOperation)
          .contains(org.assertj.core.groups.Tuple.tuple("ocihelm", "Apply"));
      assertThat(admin.serviceAccounts().inNamespace(ns.name()).withName("demo-sa").get()).isNotNull();
      assertThat(ready.getStatus().getInventory())
          .extracting(e -> e.getKind() + "/" + e.getName())
          .containsExactly("ConfigMap/demo-config", "ServiceAccount/demo-sa");
      assertThat(ready.getStatus().getChart().getVersion()).isEqualTo("0.1.0");
      assertThat(ready.getStatus().getLastAppliedValuesChecksum()).startsWith("sha256:");
      String checksumBefore = ready.getStatus().getLastAppliedValuesChecksum();

      // the helm CLI sees the release we recorded
      Helm cluster = helm.withKubeconfig(ControlPlane.shared().kubeconfig());
      JsonNode listed = helmJson(cluster, "list", "-n", ns.name(), "-o", "json");
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0).get("name").asText()).isEqualTo("demo");
      assertThat(listed.get(0).get("namespace").asText()).isEqualTo(ns.name());
      assertThat(listed.get(0).get("status").asText()).isEqualTo("deployed");
      assertThat(listed.get(0).get("chart").asText()).isEqualTo("demo-0.1.0");
      assertThat(listed.get(0).get("revision").asText()).isEqualTo("1");

      // a reconcile with unchanged inputs renders nothing and writes nothing
      String configVersion = config.getMetadata().getResourceVersion();
      OciHelmRelease current = get(admin, ns.name());
      String releaseVersion = current.getMetadata().getResourceVersion();
      assertThat(reconciler.reconcile(current, null).isNoUpdate()).isTrue();
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("demo-config").get().getMetadata()
          .getResourceVersion()).isEqualTo(configVersion);
      assertThat(get(admin, ns.name()).getMetadata().getResourceVersion()).isEqualTo(releaseVersion);

      // values change: re-rendered and re-applied
      edit(admin, ns.name(), spec -> spec.setValues(JSON.valueToTree(Map.of("greeting", "bye"))));
      OciHelmRelease upgraded = awaitReady(admin, ns.name(), 2);
      assertThat(upgraded.getStatus().getLastAppliedValuesChecksum()).isNotEqualTo(checksumBefore);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("demo-config").get().getData())
          .containsEntry("greeting", "bye");
      JsonNode history = helmJson(cluster, "history", "demo", "-n", ns.name(), "-o", "json");
      assertThat(history).extracting(h -> h.get("revision").asInt() + " " + h.get("status").asText())
          .containsExactly("1 superseded", "2 deployed");

      // values from a ConfigMap, spec.values on top
      admin.resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("demo-values")
          .withNamespace(ns.name()).endMetadata().addToData("values.yaml", "replicas: 3\ngreeting: ignored\n").build())
          .create();
      edit(admin, ns.name(), spec -> {
        ValuesReference reference = new ValuesReference();
        reference.setKind(ValuesSourceKind.ConfigMap);
        reference.setName("demo-values");
        spec.setValuesFrom(new java.util.ArrayList<>(java.util.List.of(reference)));
      });
      awaitReady(admin, ns.name(), 3);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("demo-config").get().getData())
          .containsEntry("replicas", "3").containsEntry("greeting", "bye");

      // 0.2.0 no longer renders the ServiceAccount: pruned
      edit(admin, ns.name(), spec -> spec.getChart().setVersion("0.2.0"));
      OciHelmRelease pruned = awaitReady(admin, ns.name(), 4);
      assertThat(pruned.getStatus().getInventory()).extracting(e -> e.getName()).containsExactly("demo-config");
      await().atMost(READY_WITHIN).until(
          () -> admin.serviceAccounts().inNamespace(ns.name()).withName("demo-sa").get() == null);

      // 0.3.0 has a template error: RenderFailed naming file:line, nothing of it applied
      edit(admin, ns.name(), spec -> spec.getChart().setVersion("0.3.0"));
      OciHelmRelease failed = await().atMost(READY_WITHIN).until(
          () -> get(admin, ns.name()),
          r -> ready(r).filter(c -> c.getStatus() == ConditionStatus.False
              && r.getStatus().getObservedGeneration() == 5).isPresent());
      Condition readyCondition = ready(failed).orElseThrow();
      assertThat(readyCondition.getReason()).isEqualTo("RenderFailed");
      assertThat(readyCondition.getMessage()).contains("demo/templates/broken.yaml:4:");
      assertThat(failed.getStatus().getConditions()).anyMatch(
          c -> c.is(ConditionType.Stalled) && c.getStatus() == ConditionStatus.True);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("demo-extra").get()).isNull();
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("demo-config").get().getData())
          .containsEntry("greeting", "bye");
      assertThat(failed.getStatus().getLastAppliedRevision()).startsWith("0.2.0@sha256:");
      // a render failure records nothing: helm (4 lists every status) still shows revision 4 of 0.2.0 deployed
      JsonNode afterFailure = helmJson(cluster, "list", "-n", ns.name(), "-o", "json");
      assertThat(afterFailure).extracting(r -> r.get("revision").asText() + " " + r.get("chart").asText()
          + " " + r.get("status").asText()).containsExactly("4 demo-0.2.0 deployed");

      // uninstall through the finalizer: the applied objects go, then the release
      admin.resources(OciHelmRelease.class).inNamespace(ns.name()).withName("demo").delete();
      await().atMost(READY_WITHIN).until(() -> get(admin, ns.name()) == null
          && admin.configMaps().inNamespace(ns.name()).withName("demo-config").get() == null);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("demo-values").get()).isNotNull();
      assertThat(helmJson(cluster, "list", "-n", ns.name(), "-o", "json")).isEmpty();
    } finally {
      operator.stop();
    }
  }

  private static JsonNode helmJson(Helm helm, String... args) throws IOException {
    return JSON.readTree(helm.run(args).requireSuccess().stdout());
  }

  /**
   * A small chart: a ConfigMap from values (with an integer), a ServiceAccount only in 0.1.0, and
   * in 0.3.0 an extra ConfigMap plus a template that fails on line 4.
   */
  private static Path chart(Helm helm, Path tmp, String version, boolean withServiceAccount, boolean broken)
      throws IOException {
    Path dir = tmp.resolve("src-" + version).resolve("demo");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: " + version + "\nappVersion: \"1.0\"\n");
    Files.writeString(dir.resolve("values.yaml"), "greeting: hello\nreplicas: 2\n");
    Files.writeString(dir.resolve("templates/configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          greeting: {{ .Values.greeting | quote }}
          replicas: {{ .Values.replicas | quote }}
        """);
    if (withServiceAccount) {
      Files.writeString(dir.resolve("templates/serviceaccount.yaml"), """
          apiVersion: v1
          kind: ServiceAccount
          metadata:
            name: {{ .Release.Name }}-sa
          """);
    }
    if (broken) {
      Files.writeString(dir.resolve("templates/extra.yaml"), """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: {{ .Release.Name }}-extra
          """);
      Files.writeString(dir.resolve("templates/broken.yaml"), """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: {{ required "broken.name is required" .Values.broken.name }}
          """);
    }
    helm.run("package", dir.toString(), "--destination", tmp.toString()).requireSuccess();
    return tmp.resolve("demo-" + version + ".tgz");
  }

  private static OciHelmRelease release(String namespace, String repository, String version, String greeting) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace(namespace).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository(repository);
    chart.setVersion(version);
    spec.setChart(chart);
    spec.setPlainHTTP(true);
    spec.setValues(JSON.valueToTree(Map.of("greeting", greeting)));
    release.setSpec(spec);
    return release;
  }

  private static void edit(KubernetesClient admin, String namespace, java.util.function.Consumer<OciHelmReleaseSpec> change) {
    ReleaseEdits.editSpec(admin, namespace, "demo", change);
  }

  private static OciHelmRelease get(KubernetesClient admin, String namespace) {
    return admin.resources(OciHelmRelease.class).inNamespace(namespace).withName("demo").get();
  }

  private static Optional<Condition> ready(OciHelmRelease release) {
    if (release == null || release.getStatus() == null) {
      return Optional.empty();
    }
    return release.getStatus().getConditions().stream().filter(c -> c.is(ConditionType.Ready)).findFirst();
  }

  private static OciHelmRelease awaitReady(KubernetesClient admin, String namespace, long generation) {
    try {
      return await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(100))
          .until(() -> get(admin, namespace),
              r -> ready(r).filter(c -> c.getStatus() == ConditionStatus.True
                  && c.getObservedGeneration() != null && c.getObservedGeneration() == generation).isPresent());
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("not Ready=True at generation " + generation + "; status: " + statusOf(admin, namespace), e);
    }
  }

  private static String statusOf(KubernetesClient admin, String namespace) {
    OciHelmRelease release = get(admin, namespace);
    return release == null ? "(no release)" : JSON.valueToTree(release.getStatus()).toPrettyString();
  }
}
