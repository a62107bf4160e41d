package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
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
import io.ocihelm.release.ReleaseHook;
import io.ocihelm.release.ReleaseRecord;
import io.ocihelm.release.ReleaseStore;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reconciler does around the apply, on the real API server and registry: the chart's
 * crds/ CRD created first and Established before its kind is used, a CRD of the templates waited
 * for before its custom resource, spec.createNamespace, hooks run like helm (pre-install before
 * anything is applied, a Job hook waited for until the test plays the job controller, delete
 * policies, test hooks not run), hooks recorded in Helm's release record (weights, policies, last
 * run), a failing pre-upgrade Job hook failing the revision with ApplyFailed naming the hook, a
 * lookup of a cluster object at render time, and uninstall with pre-delete hooks that leaves the
 * namespace and the crds/ CRD.
 */
@ExtendWith(TestBed.class)
class HooksAndCrdsIT {
  private static final Path CRD = Path.of("crds/ocihelmreleases.ocihelm.io-v1.yml");
  private static final Duration WITHIN = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void runsHooksAppliesCrdsFirstAndCreatesTheNamespace(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    // CRDs are cluster-wide: a group of this test's own.
    String group = "h" + Long.toHexString(System.nanoTime()) + ".ocihelm.test";
    String target = ns.name() + "-t";
    // A cluster object the chart looks up at render time (helm install does; helm template does not).
    admin.resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder().withNewMetadata().withName("cluster-setting")
        .withNamespace(ns.name()).endMetadata().addToData("color", "teal").build()).create();

    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "hooks/" + ns.name();
    helm.push(chart(helm, tmp, "0.1.0", group, ns.name()), registry, prefix).requireSuccess();
    helm.push(chart(helm, tmp, "0.2.0", group, ns.name()), registry, prefix).requireSuccess();

    Operator operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
    operator.register(new OciHelmReleaseReconciler(admin), c -> c.settingNamespace(ns.name()));
    operator.start();
    try {
      admin.resource(release(ns.name(), target, registry.ociReference(prefix + "/hooked"))).create();

      // pre-install: the ConfigMap hook (weight -5) is applied first, then the Job hook waits for
      // its job to finish; nothing of the release is applied meanwhile.
      GenericKubernetesResource job = await().atMost(WITHIN).until(
          () -> job(admin, target, "pre-install-job"), j -> j != null);
      assertThat(admin.configMaps().inNamespace(target).withName("pre-install-config").get()).isNotNull();
      assertThat(admin.configMaps().inNamespace(target).withName("hooked-config").get()).isNull();
      Namespace created = admin.namespaces().withName(target).get();
      assertThat(created.getMetadata().getLabels()).containsEntry("name", target);
      CustomResourceDefinition widgets =
          admin.apiextensions().v1().customResourceDefinitions().withName("widgets." + group).get();
      assertThat(widgets).as("crds/ is applied before the hooks").isNotNull();
      assertThat(widgets.getMetadata().getLabels()).as("crds/ CRDs are not release resources").isNullOrEmpty();

      completeJob(admin, target, "pre-install-job");
      OciHelmRelease ready = awaitReady(admin, ns.name(), 1);

      assertThat(ready.getStatus().getInventory())
          .extracting(e -> e.getKind() + "/" + e.getName())
          .containsExactlyInAnyOrder("ConfigMap/hooked-config", "Gadget/one",
              "CustomResourceDefinition/gadgets." + group, "Widget/one");
      assertThat(admin.configMaps().inNamespace(target).withName("hooked-config").get().getData())
          .as("lookup of a cluster object at render time")
          .containsEntry("color", "teal");
      assertThat(admin.genericKubernetesResources(group + "/v1", "Widget").inNamespace(target).withName("one").get())
          .isNotNull();
      assertThat(admin.genericKubernetesResources(group + "/v1", "Gadget").inNamespace(target).withName("one").get())
          .isNotNull();
      // delete policies: hook-succeeded Job and Secret are gone, the default (before-hook-creation) ConfigMap stays
      assertThat(job(admin, target, "pre-install-job")).isNull();
      assertThat(admin.secrets().inNamespace(target).withName("post-install-secret").get()).isNull();
      assertThat(admin.configMaps().inNamespace(target).withName("pre-install-config").get()).isNotNull();
      assertThat(admin.pods().inNamespace(target).withName("hooked-test").get()).as("test hooks do not run").isNull();

      // the release record: every hook with its events, weight, policies and last run
      ReleaseRecord record = new ReleaseStore(admin).history(target, "hooked").lastDeployed().orElseThrow();
      Map<String, ReleaseHook> hooks = record.hooks().stream().collect(Collectors.toMap(ReleaseHook::name, h -> h));
      assertThat(hooks).containsOnlyKeys("pre-install-config", "pre-install-job", "post-install-secret",
          "hooked-test", "pre-delete-config", "pre-upgrade-job");
      assertThat(hooks.get("pre-install-config").weight()).isEqualTo(-5);
      assertThat(hooks.get("pre-install-config").deletePolicies()).containsExactly("before-hook-creation");
      assertThat(hooks.get("pre-install-job").deletePolicies()).containsExactly("hook-succeeded");
      assertThat(hooks.get("pre-install-job").lastRun()).containsEntry("phase", "Succeeded")
          .containsKeys("started_at", "completed_at");
      Instant started = Instant.parse((String) hooks.get("pre-install-job").lastRun().get("started_at"));
      Instant completed = Instant.parse((String) hooks.get("pre-install-job").lastRun().get("completed_at"));
      assertThat(completed).isAfterOrEqualTo(started);
      assertThat(hooks.get("post-install-secret").lastRun()).containsEntry("phase", "Succeeded");
      assertThat(hooks.get("hooked-test").lastRun()).isEqualTo(Map.of("phase", ""));
      assertThat(hooks.get("hooked-test").events()).containsExactly("test");
      assertThat(hooks.get("pre-upgrade-job").lastRun()).isEqualTo(Map.of("phase", ""));

      // helm reads them: get hooks prints every hook manifest
      Helm cluster = helm.withKubeconfig(ControlPlane.shared().kubeconfig());
      String helmHooks = cluster.run("get", "hooks", "hooked", "-n", target).requireSuccess().stdout();
      assertThat(helmHooks).contains("name: pre-install-job", "name: hooked-test", "name: pre-delete-config");

      // upgrade to 0.2.0: its pre-upgrade Job fails -> ApplyFailed naming the hook, nothing applied
      edit(admin, ns.name(), spec -> spec.getChart().setVersion("0.2.0"));
      await().atMost(WITHIN).until(() -> job(admin, target, "pre-upgrade-job"), j -> j != null);
      failJob(admin, target, "pre-upgrade-job");
      OciHelmRelease failed = await().atMost(WITHIN).until(() -> get(admin, ns.name()),
          r -> ready(r).filter(c -> c.getStatus() == ConditionStatus.False && c.getObservedGeneration() == 2).isPresent());
      Condition readyCondition = ready(failed).orElseThrow();
      assertThat(readyCondition.getReason()).isEqualTo("ApplyFailed");
      assertThat(readyCondition.getMessage())
          .contains("pre-upgrade hook hooked/templates/hooks.yaml (Job pre-upgrade-job) failed: job pre-upgrade-job failed: BackoffLimitExceeded");
      assertThat(failed.getStatus().getConditions())
          .anyMatch(c -> c.is(ConditionType.Stalled) && c.getStatus() == ConditionStatus.True);
      assertThat(admin.configMaps().inNamespace(target).withName("hooked-config").get().getData())
          .as("the failed revision applied nothing").doesNotContainKey("version2");
      await().atMost(WITHIN).until(() -> job(admin, target, "pre-upgrade-job") == null);
      JsonNode history = JSON.readTree(cluster.run("history", "hooked", "-n", target, "-o", "json").requireSuccess().stdout());
      assertThat(history).extracting(h -> h.get("revision").asInt() + " " + h.get("status").asText())
          // upgrade remediation (default onExhausted: rollback) then rolls back to revision 1 as revision 3
          .containsExactly("1 superseded", "2 failed", "3 deployed");
      ReleaseRecord failedRecord = new ReleaseStore(admin).history(target, "hooked").revisions().stream()
          .filter(r -> r.version() == 2).findFirst().orElseThrow();
      assertThat(failedRecord.hooks().stream().filter(h -> h.name().equals("pre-upgrade-job")).findFirst().orElseThrow()
          .lastRun()).containsEntry("phase", "Failed");

      // uninstall: pre-delete hook, the release's objects go; the namespace, the crds/ CRD and hooks stay
      admin.resources(OciHelmRelease.class).inNamespace(ns.name()).withName("hooked").delete();
      await().atMost(WITHIN).until(() -> get(admin, ns.name()) == null);
      assertThat(admin.configMaps().inNamespace(target).withName("pre-delete-config").get()).isNotNull();
      assertThat(admin.configMaps().inNamespace(target).withName("hooked-config").get()).isNull();
      assertThat(admin.namespaces().withName(target).get()).isNotNull();
      assertThat(admin.apiextensions().v1().customResourceDefinitions().withName("widgets." + group).get()).isNotNull();
      assertThat(cluster.run("list", "-n", target, "-o", "json").requireSuccess().stdout().strip()).isEqualTo("[]");
    } finally {
      operator.stop();
      admin.namespaces().withName(target).delete();
      admin.apiextensions().v1().customResourceDefinitions().withName("widgets." + group).delete();
      admin.apiextensions().v1().customResourceDefinitions().withName("gadgets." + group).delete();
    }
  }

  /**
   * With spec.wait, post-install hooks wait for the release to be healthy, as {@code helm install
   * --wait} runs them after its wait: the revision stays pending-install with the pre-install hook
   * recorded, and once the test plays the kubelet (the Pod Running and Ready) the post-install
   * hook runs and the revision is recorded deployed with both runs.
   */
  @Test
  void postInstallHooksRunOnceTheReleaseIsHealthy(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    Path dir = tmp.resolve("src").resolve("waited");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: waited\nversion: 0.1.0\n");
    Files.writeString(dir.resolve("templates/app.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: waited-app
        spec:
          containers:
            - name: app
              image: busybox
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: waited-pre
          annotations:
            helm.sh/hook: pre-install
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: waited-post
          annotations:
            helm.sh/hook: post-install
        """);
    helm.run("package", dir.toString(), "--destination", tmp.toString()).requireSuccess();
    String prefix = "waited/" + ns.name();
    helm.push(tmp.resolve("waited-0.1.0.tgz"), registry, prefix).requireSuccess();

    Operator operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
    operator.register(new OciHelmReleaseReconciler(admin), c -> c.settingNamespace(ns.name()));
    operator.start();
    try {
      OciHelmRelease release = release(ns.name(), ns.name(), registry.ociReference(prefix + "/waited"));
      release.getMetadata().setName("hooked");
      release.getSpec().setCreateNamespace(false);
      release.getSpec().setWait(true);
      admin.resource(release).create();

      await().atMost(WITHIN).until(() -> admin.pods().inNamespace(ns.name()).withName("waited-app").get() != null);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("waited-pre").get()).isNotNull();
      // pending until healthy: the post-install hook has not run
      await().atMost(WITHIN).until(() -> new ReleaseStore(admin).history(ns.name(), "hooked").latest()
          .map(r -> r.status().wire()).orElse(""), s -> s.equals("pending-install"));
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("waited-post").get()).isNull();

      // play the kubelet: the Pod runs and is Ready
      var pod = admin.pods().inNamespace(ns.name()).withName("waited-app").get();
      pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().withPhase("Running")
          .addNewCondition().withType("Ready").withStatus("True").endCondition().build());
      admin.pods().inNamespace(ns.name()).resource(pod).updateStatus();

      awaitReady(admin, ns.name(), 1);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("waited-post").get()).isNotNull();
      ReleaseRecord record = new ReleaseStore(admin).history(ns.name(), "hooked").lastDeployed().orElseThrow();
      assertThat(record.version()).isEqualTo(1);
      assertThat(record.hooks()).extracting(h -> h.name() + " " + h.lastRun().get("phase"))
          .containsExactlyInAnyOrder("waited-pre Succeeded", "waited-post Succeeded");
    } finally {
      operator.stop();
    }
  }

  private static GenericKubernetesResource job(KubernetesClient admin, String namespace, String name) {
    return admin.genericKubernetesResources("batch/v1", "Job").inNamespace(namespace).withName(name).get();
  }

  /** Plays the job controller: the status a finished job gets. */
  private static void completeJob(KubernetesClient admin, String namespace, String name) {
    String now = Instant.now().toString().replaceAll("\\.\\d+Z$", "Z");
    patchJobStatus(admin, namespace, name, Map.of(
        "startTime", now, "completionTime", now, "succeeded", 1,
        "conditions", List.of(
            Map.of("type", "SuccessCriteriaMet", "status", "True", "lastTransitionTime", now),
            Map.of("type", "Complete", "status", "True", "lastTransitionTime", now))));
  }

  private static void failJob(KubernetesClient admin, String namespace, String name) {
    String now = Instant.now().toString().replaceAll("\\.\\d+Z$", "Z");
    patchJobStatus(admin, namespace, name, Map.of(
        "startTime", now, "failed", 1,
        "conditions", List.of(
            Map.of("type", "FailureTarget", "status", "True", "reason", "BackoffLimitExceeded", "lastTransitionTime", now),
            Map.of("type", "Failed", "status", "True", "reason", "BackoffLimitExceeded", "lastTransitionTime", now))));
  }

  private static void patchJobStatus(KubernetesClient admin, String namespace, String name, Map<String, Object> status) {
    GenericKubernetesResource live = job(admin, namespace, name);
    live.setAdditionalProperty("status", status);
    admin.genericKubernetesResources("batch/v1", "Job").inNamespace(namespace).resource(live).updateStatus();
  }

  /**
   * The chart: crds/ with a Widget CRD, templates with a Gadget CRD and one object of each kind, a
   * ConfigMap reading a cluster ConfigMap through lookup, and hooks: a pre-install ConfigMap
   * (weight -5, default policy), a pre-install Job (hook-succeeded), a post-install Secret
   * (hook-succeeded), a test Pod, a pre-delete ConfigMap and a pre-upgrade Job (hook-failed).
   */
  private static Path chart(Helm helm, Path tmp, String version, String group, String lookupNamespace)
      throws IOException {
    Path dir = tmp.resolve("src-" + version).resolve("hooked");
    Files.createDirectories(dir.resolve("templates"));
    Files.createDirectories(dir.resolve("crds"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: hooked\nversion: " + version + "\n");
    Files.writeString(dir.resolve("values.yaml"), "lookupNamespace: " + lookupNamespace + "\n");
    Files.writeString(dir.resolve("crds/widgets.yaml"), crd(group, "Widget", "widgets"));
    Files.writeString(dir.resolve("templates/gadget-crd.yaml"), crd(group, "Gadget", "gadgets"));
    Files.writeString(dir.resolve("templates/objects.yaml"), """
        apiVersion: %1$s/v1
        kind: Widget
        metadata:
          name: one
        spec:
          size: 3
        ---
        apiVersion: %1$s/v1
        kind: Gadget
        metadata:
          name: one
        spec:
          size: 4
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          color: {{ (lookup "v1" "ConfigMap" .Values.lookupNamespace "cluster-setting").data.color | quote }}
          {{- if .Release.IsUpgrade }}
          version2: "true"
          {{- end }}
        """.formatted(group));
    Files.writeString(dir.resolve("templates/hooks.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: pre-install-config
          annotations:
            helm.sh/hook: pre-install
            helm.sh/hook-weight: "-5"
        ---
        %1$s
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: post-install-secret
          annotations:
            helm.sh/hook: post-install
            helm.sh/hook-delete-policy: hook-succeeded
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{ .Release.Name }}-test
          annotations:
            helm.sh/hook: test
        spec:
          containers:
            - name: t
              image: busybox
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: pre-delete-config
          annotations:
            helm.sh/hook: pre-delete
        ---
        %2$s
        """.formatted(
            job("pre-install-job", "pre-install", "hook-succeeded"),
            job("pre-upgrade-job", "pre-upgrade", "hook-failed")));
    helm.run("package", dir.toString(), "--destination", tmp.toString()).requireSuccess();
    return tmp.resolve("hooked-" + version + ".tgz");
  }

  private static String job(String name, String event, String policy) {
    return """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: %s
          annotations:
            helm.sh/hook: %s
            helm.sh/hook-delete-policy: %s
        spec:
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: hook
                  image: busybox
        """.formatted(name, event, policy).strip();
  }

  private static String crd(String group, String kind, String plural) {
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: %3$s.%1$s
        spec:
          group: %1$s
          scope: Namespaced
          names:
            kind: %2$s
            plural: %3$s
            singular: %4$s
            listKind: %2$sList
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        size:
                          type: integer
        """.formatted(group, kind, plural, kind.toLowerCase());
  }

  private static OciHelmRelease release(String namespace, String target, String repository) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("hooked").withNamespace(namespace).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository(repository);
    chart.setVersion("0.1.0");
    spec.setChart(chart);
    spec.setPlainHTTP(true);
    spec.setTargetNamespace(target);
    spec.setCreateNamespace(true);
    spec.setWait(false);
    spec.setTimeout("60s");
    release.setSpec(spec);
    return release;
  }

  private static void edit(KubernetesClient admin, String namespace, Consumer<OciHelmReleaseSpec> change) {
    ReleaseEdits.editSpec(admin, namespace, "hooked", change);
  }

  private static OciHelmRelease get(KubernetesClient admin, String namespace) {
    return admin.resources(OciHelmRelease.class).inNamespace(namespace).withName("hooked").get();
  }

  private static Optional<Condition> ready(OciHelmRelease release) {
    if (release == null || release.getStatus() == null) {
      return Optional.empty();
    }
    return release.getStatus().getConditions().stream().filter(c -> c.is(ConditionType.Ready)).findFirst();
  }

  private static OciHelmRelease awaitReady(KubernetesClient admin, String namespace, long generation) {
    try {
      return await().atMost(WITHIN).pollInterval(Duration.ofMillis(200))
          .until(() -> get(admin, namespace),
              r -> ready(r).filter(c -> c.getStatus() == ConditionStatus.True
                  && c.getObservedGeneration() != null && c.getObservedGeneration() == generation).isPresent());
    } catch (ConditionTimeoutException e) {
      OciHelmRelease release = get(admin, namespace);
      throw new AssertionError("not Ready=True at generation " + generation + "; status: "
          + (release == null ? "(none)" : JSON.valueToTree(release.getStatus()).toPrettyString()), e);
    }
  }

}
