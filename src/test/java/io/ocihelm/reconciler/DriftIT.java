package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.DriftDetectionMode;
import io.ocihelm.api.v1alpha1.DriftIgnoreRule;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.ResourceSelector;
import io.ocihelm.testbed.OciHelmReleaseCrd;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift on the real API server: objects we released are changed by another field manager (as
 * {@code kubectl edit} would) or deleted, and the release's informer-triggered reconcile puts them
 * back; the interval is 10m, so only the watch can explain a prompt correction. An ignored path
 * is left alone; {@code warn} reports Drifted=True and changes nothing; a reconcile with no new
 * drift writes nothing.
 */
@ExtendWith(TestBed.class)
class DriftIT {
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private static final Duration PROMPTLY = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void correctsEditsAndDeletionsLeavesIgnoredPathsAndWarnsWithoutChanging(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "drift/" + ns.name();
    helm.push(chart(helm, tmp), registry, prefix).requireSuccess();
    String repository = registry.ociReference(prefix + "/drifty");

    OciHelmReleaseReconciler reconciler = new OciHelmReleaseReconciler(admin);
    Operator operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
    operator.register(reconciler, c -> c.settingNamespace(ns.name()));
    operator.start();
    try {
      String n = ns.name();
      admin.resource(release(n, "fix", repository, DriftDetectionMode.ENABLED)).create();
      admin.resource(release(n, "look", repository, DriftDetectionMode.WARN)).create();
      OciHelmRelease fix = awaitReady(admin, n, "fix");
      awaitReady(admin, n, "look");
      assertThat(drifted(fix)).get().extracting(Condition::getStatus, Condition::getReason)
          .containsExactly(ConditionStatus.False, "NoDrift");
      // The chart asks for cpu 0.5 and memory 1024Mi; the server stores 500m and 1Gi: no drift.
      assertThat(deployment(admin, n, "fix").getSpec().getTemplate().getSpec().getContainers().get(0)
          .getResources().getRequests()).hasToString("{cpu=500m, memory=1Gi}");

      // a reconcile with nothing drifted writes nothing
      assertNoOpReconcileWritesNothing(admin, reconciler, n, "fix");

      // kubectl-style edits by another field manager: a managed field of the Deployment and of the
      // ConfigMap, and the ignored path; corrected by the watch, not the 10m interval
      admin.apps().deployments().inNamespace(n).withName("fix-web").edit(d -> {
        d.getSpec().setReplicas(5);
        return d;
      });
      admin.configMaps().inNamespace(n).withName("fix-config").edit(c -> {
        c.getData().put("greeting", "edited");
        c.getData().put("tuned", "by-hand");
        return c;
      });
      long edited = System.nanoTime();
      await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
        assertThat(deployment(admin, n, "fix").getSpec().getReplicas()).isEqualTo(2);
        assertThat(config(admin, n, "fix").getData()).containsEntry("greeting", "hello");
      });
      System.out.println("edit -> corrected: " + Duration.ofNanos(System.nanoTime() - edited).toMillis() + " ms");
      assertThat(config(admin, n, "fix").getData()).containsEntry("tuned", "by-hand");
      OciHelmRelease corrected = await().atMost(PROMPTLY).until(() -> get(admin, n, "fix"),
          r -> drifted(r).filter(c -> "DriftCorrected".equals(c.getReason())).isPresent());
      assertThat(drifted(corrected).orElseThrow().getStatus()).isEqualTo(ConditionStatus.False);
      // two edits, usually two reconciles: the message names the last correction
      assertThat(drifted(corrected).orElseThrow().getMessage()).containsAnyOf(
          "Deployment " + n + "/fix-web: /spec/replicas", "ConfigMap " + n + "/fix-config: /data/greeting");
      assertThat(admin.apps().deployments().inNamespace(n).withName("fix-web").get().getMetadata().getManagedFields())
          .filteredOn(f -> f.getManager().equals("ocihelm")).singleElement()
          .satisfies(f -> assertThat(f.getOperation()).isEqualTo("Apply"));

      // a deleted object is recreated
      String uid = config(admin, n, "fix").getMetadata().getUid();
      admin.configMaps().inNamespace(n).withName("fix-config").delete();
      await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(100)).until(() -> {
        ConfigMap again = config(admin, n, "fix");
        return again != null && !again.getMetadata().getUid().equals(uid);
      });
      assertThat(config(admin, n, "fix").getData()).containsEntry("greeting", "hello").containsEntry("tuned", "chart");

      // after the corrections, a reconcile writes nothing again
      assertNoOpReconcileWritesNothing(admin, reconciler, n, "fix");

      // warn: reported, not changed
      admin.apps().deployments().inNamespace(n).withName("look-web").edit(d -> {
        d.getSpec().setReplicas(7);
        return d;
      });
      OciHelmRelease warned = await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(100))
          .until(() -> get(admin, n, "look"),
              r -> drifted(r).filter(c -> c.getStatus() == ConditionStatus.True).isPresent());
      Condition condition = drifted(warned).orElseThrow();
      assertThat(condition.getReason()).isEqualTo("DriftDetected");
      assertThat(condition.getMessage()).isEqualTo("1 drifted: Deployment " + n + "/look-web: /spec/replicas");
      assertThat(deployment(admin, n, "look").getSpec().getReplicas()).isEqualTo(7);
      assertThat(ready(warned).orElseThrow().getStatus()).isEqualTo(ConditionStatus.True);
      // still drifted, already reported: nothing to write
      assertNoOpReconcileWritesNothing(admin, reconciler, n, "look");
      assertThat(deployment(admin, n, "look").getSpec().getReplicas()).isEqualTo(7);
    } finally {
      operator.stop();
    }

    // a restarted operator knows nothing in memory: what was applied comes from the release
    // record, live objects by GET until the informers synced; same drift, same correction
    String n = ns.name();
    admin.apps().deployments().inNamespace(n).withName("fix-web").edit(d -> {
      d.getSpec().setReplicas(3);
      return d;
    });
    ReleaseSteps restarted = ReleaseStepsFactory.standard(admin, io.ocihelm.oci.RegistryOptions.defaults());
    try {
      OciHelmReleaseReconciler fresh = new OciHelmReleaseReconciler(restarted, new StatusWriter(java.time.Clock.systemUTC()));
      OciHelmRelease look = get(admin, n, "look");
      assertThat(fresh.reconcile(look, null).isNoUpdate()).isTrue();
      OciHelmRelease fix = get(admin, n, "fix");
      assertThat(fresh.reconcile(fix, null).isPatchStatus()).isTrue();
      assertThat(deployment(admin, n, "fix").getSpec().getReplicas()).isEqualTo(2);
      assertThat(drifted(fix).orElseThrow().getMessage()).isEqualTo("1 corrected: Deployment " + n + "/fix-web: /spec/replicas");
    } finally {
      restarted.liveObjects().close();
    }
  }

  private static void assertNoOpReconcileWritesNothing(KubernetesClient admin, OciHelmReleaseReconciler reconciler,
      String namespace, String name) {
    OciHelmRelease current = get(admin, namespace, name);
    Map<String, String> before = resourceVersions(admin, namespace, name);
    assertThat(reconciler.reconcile(current, null).isNoUpdate()).isTrue();
    assertThat(resourceVersions(admin, namespace, name)).isEqualTo(before);
  }

  private static Map<String, String> resourceVersions(KubernetesClient admin, String namespace, String name) {
    return Map.of(
        "release", version(get(admin, namespace, name)),
        "deployment", version(deployment(admin, namespace, name)),
        "config", version(config(admin, namespace, name)));
  }

  private static String version(HasMetadata object) {
    return object.getMetadata().getResourceVersion();
  }

  private static Deployment deployment(KubernetesClient admin, String namespace, String release) {
    return admin.apps().deployments().inNamespace(namespace).withName(release + "-web").get();
  }

  private static ConfigMap config(KubernetesClient admin, String namespace, String release) {
    return admin.configMaps().inNamespace(namespace).withName(release + "-config").get();
  }

  /** A ConfigMap and a Deployment whose resources the API server normalises (0.5 → 500m, 1024Mi → 1Gi). */
  private static Path chart(Helm helm, Path tmp) throws IOException {
    Path dir = tmp.resolve("src").resolve("drifty");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: drifty\nversion: 1.0.0\n");
    Files.writeString(dir.resolve("values.yaml"), "replicas: 2\n");
    Files.writeString(dir.resolve("templates/configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          greeting: hello
          tuned: chart
        """);
    Files.writeString(dir.resolve("templates/deployment.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-web
        spec:
          replicas: {{ .Values.replicas }}
          selector:
            matchLabels: {app: {{ .Release.Name }}}
          template:
            metadata:
              labels: {app: {{ .Release.Name }}}
            spec:
              containers:
                - name: web
                  image: registry.invalid/web:1
                  ports:
                    - containerPort: 8080
                  resources:
                    requests: {cpu: "0.5", memory: 1024Mi}
        """);
    helm.run("package", dir.toString(), "--destination", tmp.toString()).requireSuccess();
    return tmp.resolve("drifty-1.0.0.tgz");
  }

  private static OciHelmRelease release(String namespace, String name, String repository, DriftDetectionMode mode) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository(repository);
    chart.setVersion("1.0.0");
    spec.setChart(chart);
    spec.setPlainHTTP(true);
    spec.setInterval("10m");
    // No controllers run here: a Deployment never becomes available, and health is not what this tests.
    spec.setWait(false);
    spec.getDriftDetection().setMode(mode);
    DriftIgnoreRule rule = new DriftIgnoreRule();
    rule.setPaths(List.of("/data/tuned"));
    ResourceSelector configMaps = new ResourceSelector();
    configMaps.setKind("ConfigMap");
    rule.setTarget(configMaps);
    spec.getDriftDetection().setIgnore(List.of(rule));
    release.setSpec(spec);
    return release;
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

  private static Optional<Condition> ready(OciHelmRelease release) {
    return condition(release, ConditionType.Ready);
  }

  private static Optional<Condition> drifted(OciHelmRelease release) {
    return condition(release, ConditionType.Drifted);
  }

  private static OciHelmRelease awaitReady(KubernetesClient admin, String namespace, String name) {
    try {
      return await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(100))
          .until(() -> get(admin, namespace, name), r -> ready(r).filter(c -> c.getStatus() == ConditionStatus.True).isPresent());
    } catch (ConditionTimeoutException e) {
      OciHelmRelease release = get(admin, namespace, name);
      throw new AssertionError("not Ready: " + (release == null ? "(none)" : JSON.valueToTree(release.getStatus())), e);
    }
  }
}
