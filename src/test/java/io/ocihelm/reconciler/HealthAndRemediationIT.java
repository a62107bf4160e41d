package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.ExhaustedAction;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.testbed.ToolRun;
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
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec.wait, spec.timeout and remediation on the real API server and registry, with the real helm
 * reading the release records. The test bed runs no Deployment controller, so the test plays it:
 * it patches the Deployment's status the way the controller would once the pods are available.
 */
@ExtendWith(TestBed.class)
class HealthAndRemediationIT {
  private static final Duration WITHIN = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readyOnlyWhenHealthyAndAFailedUpgradeIsRolledBack(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    Helm cluster = helm.withKubeconfig(ControlPlane.shared().kubeconfig());
    String prefix = "health/" + ns.name();
    helm.push(chart(helm, tmp, "0.1.0"), registry, prefix).requireSuccess();
    Operator operator = start(admin, ns);
    try {
      // install: applied, but the Deployment has no available replica yet
      admin.resource(release(ns.name(), registry.ociReference(prefix + "/web"), spec -> spec.setTimeout("60s"))).create();
      OciHelmRelease waiting = awaitStatus(admin, ns.name(),
          r -> ready(r).filter(c -> "Progressing".equals(c.getReason())).isPresent());
      assertThat(ready(waiting).orElseThrow().getStatus()).isEqualTo(ConditionStatus.Unknown);
      assertThat(ready(waiting).orElseThrow().getMessage())
          .contains("Deployment " + ns.name() + "/web: not yet observed by its controller");
      assertThat(condition(waiting, ConditionType.Reconciling).orElseThrow().getStatus()).isEqualTo(ConditionStatus.True);
      assertThat(history(cluster, ns.name())).containsExactly("1 pending-install Initial install underway");

      // the "controller" reports the rollout done: Ready, and revision 1 deployed
      markAvailable(admin, ns.name());
      OciHelmRelease ready = awaitStatus(admin, ns.name(),
          r -> ready(r).filter(c -> c.getStatus() == ConditionStatus.True).isPresent());
      assertThat(ready(ready).orElseThrow().getReason()).isEqualTo("Succeeded");
      assertThat(ready.getStatus().getLastAppliedRevision()).startsWith("0.1.0@sha256:");
      assertThat(history(cluster, ns.name())).containsExactly("1 deployed Install complete");

      // an upgrade whose new pods never become available: retried once, then rolled back
      edit(admin, ns.name(), spec -> {
        spec.setValues(JSON.valueToTree(Map.of("tag", "v2")));
        spec.setTimeout("3s");
        spec.getUpgrade().getRemediation().setRetries(1);
        spec.getUpgrade().getRemediation().setOnExhausted(ExhaustedAction.ROLLBACK);
      });
      OciHelmRelease stalled = awaitStatus(admin, ns.name(),
          r -> condition(r, ConditionType.Stalled).filter(c -> c.getStatus() == ConditionStatus.True).isPresent());
      Condition failed = ready(stalled).orElseThrow();
      assertThat(failed.getStatus()).isEqualTo(ConditionStatus.False);
      assertThat(failed.getReason()).isEqualTo("HealthCheckFailed");
      assertThat(failed.getMessage())
          .startsWith("not healthy after 3s: 1 of 1 objects not healthy: Deployment " + ns.name() + "/web: generation 2 not yet observed")
          .endsWith("; retries exhausted (2 failures); rolled back to revision 1");
      assertThat(stalled.getStatus().getFailures()).isEqualTo(2L);
      // revision 1's manifest is back (re-applied from its record, not re-rendered)
      assertThat(image(admin, ns.name())).isEqualTo("registry.example/web:v1");
      assertThat(history(cluster, ns.name())).containsExactly(
          "1 superseded Install complete",
          "2 failed " + "not healthy after 3s: 1 of 1 objects not healthy: Deployment " + ns.name()
              + "/web: generation 2 not yet observed (observed 1)",
          // the retry applies the same manifest: the Deployment's generation does not move
          "3 failed " + "not healthy after 3s: 1 of 1 objects not healthy: Deployment " + ns.name()
              + "/web: generation 2 not yet observed (observed 1)",
          "4 deployed Rollback to 1");
      JsonNode values = JSON.readTree(cluster.run("get", "values", "web", "-n", ns.name(), "-o", "json").requireSuccess().stdout());
      assertThat(values.path("tag").isMissingNode()).isTrue();

      // exhausted: nothing is tried again until the inputs change
      String version = get(admin, ns.name()).getMetadata().getResourceVersion();
      OciHelmReleaseReconciler reconciler = new OciHelmReleaseReconciler(admin);
      assertThat(reconciler.reconcile(get(admin, ns.name()), null).isNoUpdate()).isTrue();
      assertThat(get(admin, ns.name()).getMetadata().getResourceVersion()).isEqualTo(version);
      assertThat(history(cluster, ns.name())).hasSize(4);

      // the helm CLI leaves the same statuses for the same story: install, an upgrade that times
      // out waiting, a rollback
      Path tgz = tmp.resolve("web-0.1.0.tgz");
      cluster.run("install", "native", tgz.toString(), "-n", ns.name(), "--set", "name=native").requireSuccess();
      ToolRun upgrade = cluster.run("upgrade", "native", tgz.toString(), "-n", ns.name(), "--set", "name=native",
          "--set", "tag=v2", "--wait", "--timeout", "2s");
      assertThat(upgrade.exitCode()).isNotZero();
      cluster.run("rollback", "native", "1", "-n", ns.name()).requireSuccess();
      assertThat(history(cluster, ns.name(), "native")).extracting(line -> line.split(" ", 3)[0] + " " + line.split(" ", 3)[1])
          .containsExactly("1 superseded", "2 failed", "3 deployed");
      assertThat(history(cluster, ns.name(), "native").getLast()).isEqualTo("3 deployed Rollback to 1");
    } finally {
      operator.stop();
    }
  }

  @Test
  void neverHealthyFailsAfterTheTimeoutNamingTheObject(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    Helm cluster = helm.withKubeconfig(ControlPlane.shared().kubeconfig());
    String prefix = "health/" + ns.name();
    helm.push(chart(helm, tmp, "0.1.0"), registry, prefix).requireSuccess();
    Operator operator = start(admin, ns);
    try {
      admin.resource(release(ns.name(), registry.ociReference(prefix + "/web"), spec -> spec.setTimeout("2s"))).create();

      OciHelmRelease failed = awaitStatus(admin, ns.name(),
          r -> ready(r).filter(c -> "HealthCheckFailed".equals(c.getReason())).isPresent());

      String expected = "not healthy after 2s: 1 of 1 objects not healthy: Deployment " + ns.name()
          + "/web: not yet observed by its controller";
      assertThat(ready(failed).orElseThrow().getMessage()).isEqualTo(expected + "; no retries configured");
      assertThat(condition(failed, ConditionType.Stalled).orElseThrow().getStatus()).isEqualTo(ConditionStatus.True);
      // the install is left as it is (install.remediation.onExhausted: none), recorded failed as helm --wait does
      assertThat(admin.apps().deployments().inNamespace(ns.name()).withName("web").get()).isNotNull();
      assertThat(history(cluster, ns.name())).containsExactly("1 failed " + expected);
    } finally {
      operator.stop();
    }
  }

  @Test
  void anExhaustedInstallIsUninstalledWhenConfigured(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    Helm cluster = helm.withKubeconfig(ControlPlane.shared().kubeconfig());
    String prefix = "health/" + ns.name();
    helm.push(chart(helm, tmp, "0.1.0"), registry, prefix).requireSuccess();
    Operator operator = start(admin, ns);
    try {
      admin.resource(release(ns.name(), registry.ociReference(prefix + "/web"), spec -> {
        spec.setTimeout("2s");
        spec.getInstall().getRemediation().setOnExhausted(ExhaustedAction.UNINSTALL);
      })).create();

      OciHelmRelease failed = awaitStatus(admin, ns.name(),
          r -> condition(r, ConditionType.Stalled).filter(c -> c.getStatus() == ConditionStatus.True).isPresent());

      assertThat(ready(failed).orElseThrow().getMessage()).endsWith("; no retries configured; uninstalled");
      assertThat(failed.getStatus().getInventory()).isEmpty();
      await().atMost(WITHIN).until(() -> admin.apps().deployments().inNamespace(ns.name()).withName("web").get() == null);
      assertThat(history(cluster, ns.name())).isEmpty();
    } finally {
      operator.stop();
    }
  }

  @Test
  void anUpgradeTheApiServerRefusesIsRolledBack(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    Helm cluster = helm.withKubeconfig(ControlPlane.shared().kubeconfig());
    String prefix = "health/" + ns.name();
    helm.push(chart(helm, tmp, "0.1.0"), registry, prefix).requireSuccess();
    helm.push(chart(helm, tmp, "0.2.0"), registry, prefix).requireSuccess();
    Operator operator = start(admin, ns);
    try {
      admin.resource(release(ns.name(), registry.ociReference(prefix + "/web"), spec -> spec.setWait(false))).create();
      awaitStatus(admin, ns.name(), r -> ready(r).filter(c -> c.getStatus() == ConditionStatus.True).isPresent());

      // 0.2.0 adds a ConfigMap whose name the API server refuses; no retries: rolled back at once
      edit(admin, ns.name(), spec -> {
        spec.getChart().setVersion("0.2.0");
        spec.setValues(JSON.valueToTree(Map.of("tag", "v2")));
      });
      OciHelmRelease stalled = awaitStatus(admin, ns.name(),
          r -> condition(r, ConditionType.Stalled).filter(c -> c.getStatus() == ConditionStatus.True).isPresent());

      Condition failed = ready(stalled).orElseThrow();
      assertThat(failed.getReason()).isEqualTo("ApplyFailed");
      assertThat(failed.getMessage()).contains("web_settings").endsWith("; no retries configured; rolled back to revision 1");
      assertThat(image(admin, ns.name())).isEqualTo("registry.example/web:v1");
      assertThat(stalled.getStatus().getInventory()).extracting(e -> e.getKind() + "/" + e.getName())
          .containsExactly("Deployment/web");
      assertThat(history(cluster, ns.name())).extracting(line -> line.split(" ", 3)[0] + " " + line.split(" ", 3)[1])
          .containsExactly("1 superseded", "2 failed", "3 deployed");
      assertThat(history(cluster, ns.name()).getLast()).isEqualTo("3 deployed Rollback to 1");
      JsonNode listed = JSON.readTree(cluster.run("list", "-n", ns.name(), "-o", "json").requireSuccess().stdout());
      assertThat(listed.get(0).get("chart").asText()).isEqualTo("web-0.1.0");
    } finally {
      operator.stop();
    }
  }

  private static Operator start(KubernetesClient admin, TestNamespace ns) {
    Operator operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
    operator.register(new OciHelmReleaseReconciler(admin), c -> c.settingNamespace(ns.name()));
    operator.start();
    return operator;
  }

  /** What the Deployment controller writes once the one replica of the current generation is available. */
  private static void markAvailable(KubernetesClient admin, String namespace) {
    admin.apps().deployments().inNamespace(namespace).withName("web").editStatus(d -> {
      d.setStatus(new DeploymentStatusBuilder()
          .withObservedGeneration(d.getMetadata().getGeneration())
          .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(1).withAvailableReplicas(1)
          .withConditions(new DeploymentConditionBuilder().withType("Available").withStatus("True")
              .withReason("MinimumReplicasAvailable").build())
          .build());
      return d;
    });
  }

  private static String image(KubernetesClient admin, String namespace) {
    Deployment web = admin.apps().deployments().inNamespace(namespace).withName("web").get();
    return web.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
  }

  /** {@code helm history} as "revision status description" lines. */
  private static java.util.List<String> history(Helm cluster, String namespace) throws IOException {
    return history(cluster, namespace, "web");
  }

  private static java.util.List<String> history(Helm cluster, String namespace, String release) throws IOException {
    ToolRun result = cluster.run("history", release, "-n", namespace, "-o", "json");
    if (result.exitCode() != 0 && result.stderr().contains("release: not found")) {
      return java.util.List.of();
    }
    JsonNode history = JSON.readTree(result.requireSuccess().stdout());
    java.util.List<String> lines = new java.util.ArrayList<>();
    history.forEach(h -> lines.add(h.get("revision").asInt() + " " + h.get("status").asText() + " " + h.get("description").asText()));
    return lines;
  }

  /** A chart with one Deployment whose image tag comes from values; later versions add an object the API server refuses. */
  private static Path chart(Helm helm, Path tmp, String version) throws IOException {
    Path dir = tmp.resolve("src-" + version).resolve("web");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: web\nversion: " + version + "\n");
    Files.writeString(dir.resolve("values.yaml"), "name: web\ntag: v1\n");
    Files.writeString(dir.resolve("templates/deployment.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Values.name }}
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: "registry.example/web:{{ .Values.tag }}"
        """);
    if (!version.equals("0.1.0")) {
      // Not a DNS-1123 name: the API server refuses it (422).
      Files.writeString(dir.resolve("templates/settings.yaml"), """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: {{ .Values.name }}_settings
          """);
    }
    helm.run("package", dir.toString(), "--destination", tmp.toString()).requireSuccess();
    return tmp.resolve("web-" + version + ".tgz");
  }

  private static OciHelmRelease release(String namespace, String repository, Consumer<OciHelmReleaseSpec> customize) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("web").withNamespace(namespace).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository(repository);
    chart.setVersion("0.1.0");
    spec.setChart(chart);
    spec.setPlainHTTP(true);
    customize.accept(spec);
    release.setSpec(spec);
    return release;
  }

  private static void edit(KubernetesClient admin, String namespace, Consumer<OciHelmReleaseSpec> change) {
    ReleaseEdits.editSpec(admin, namespace, "web", change);
  }

  private static OciHelmRelease get(KubernetesClient admin, String namespace) {
    return admin.resources(OciHelmRelease.class).inNamespace(namespace).withName("web").get();
  }

  private static Optional<Condition> condition(OciHelmRelease release, ConditionType type) {
    if (release == null || release.getStatus() == null) {
      return Optional.empty();
    }
    return release.getStatus().getConditions().stream().filter(c -> c.is(type)).findFirst();
  }

  private static Optional<Condition> ready(OciHelmRelease release) {
    return condition(release, ConditionType.Ready);
  }

  private static OciHelmRelease awaitStatus(KubernetesClient admin, String namespace, Predicate<OciHelmRelease> wanted) {
    try {
      return await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> get(admin, namespace), wanted);
    } catch (ConditionTimeoutException e) {
      OciHelmRelease release = get(admin, namespace);
      throw new AssertionError("status not reached; status: "
          + (release == null ? "(no release)" : JSON.valueToTree(release.getStatus()).toPrettyString()), e);
    }
  }
}
