package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.assess.ApiLiveObjects;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.ValuesReference;
import io.ocihelm.api.v1alpha1.ValuesSourceKind;
import io.ocihelm.oci.RegistryOptions;
import io.ocihelm.reconciler.step.SharedResolutions;
import io.ocihelm.reconciler.step.StoredReleaseRecorder;
import io.ocihelm.reconciler.watch.ReconcileRequests;
import io.ocihelm.reconciler.watch.WatchedSources;
import io.ocihelm.release.ReleaseStore;
import io.ocihelm.testbed.OciHelmReleaseCrd;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What starts a reconcile, on the real API server and registry, with a plain JOSDK operator whose
 * client counts its HTTP requests: a change of a valuesFrom ConfigMap or Secret (with interval 10m,
 * only the watch can explain a prompt new revision), the reconcile-requested-at annotation (a full
 * release, echoed in status), two releases of one chart sharing one registry resolution, and the
 * API requests of a reconcile with nothing to do (reads only, from informer caches).
 */
@ExtendWith(TestBed.class)
class ReconcileTriggersIT {
  private static final Duration PROMPTLY = Duration.ofSeconds(30);

  @Test
  void valuesSourcesTriggerAReleaseAndANoOpReconcileOnlyReads(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    String repository = pushDemoChart(registry, ns, tmp);
    admin.resource(new ConfigMapBuilder().withMetadata(meta(ns, "demo-values"))
        .addToData("values.yaml", "greeting: hello\n").addToData("unrelated", "1").build()).create();
    admin.resource(new SecretBuilder().withMetadata(meta(ns, "demo-secret-values"))
        .addToData("values.yaml", base64("replicas: 2\n")).build()).create();

    try (Running operator = Running.start(admin, ns)) {
      OciHelmRelease release = release(ns, "demo", repository, "0.1.0");
      release.getSpec().setValuesFrom(new ArrayList<>(List.of(
          reference(ValuesSourceKind.ConfigMap, "demo-values"), reference(ValuesSourceKind.Secret, "demo-secret-values"))));
      admin.resource(release).create();
      awaitReady(admin, ns, "demo");
      assertThat(rendered(admin, ns)).containsEntry("greeting", "hello").containsEntry("replicas", "2");
      // The install wrote (SSA patches, the release record, status): proof the request log sees this client.
      assertThat(operator.requests.reconciles).anyMatch(r -> !r.writes().isEmpty());

      // ConfigMap values change -> revision 2, promptly (interval is 10m: only the watch explains it)
      admin.configMaps().inNamespace(ns.name()).withName("demo-values")
          .edit(cm -> new ConfigMapBuilder(cm).addToData("values.yaml", "greeting: bye\n").build());
      await().atMost(PROMPTLY).until(() -> "bye".equals(rendered(admin, ns).get("greeting")));
      // the record is written after apply and prune
      await().atMost(PROMPTLY).until(() -> releaseRecord(admin, ns, 2));

      // Secret values change -> revision 3
      admin.secrets().inNamespace(ns.name()).withName("demo-secret-values")
          .edit(s -> new SecretBuilder(s).addToData("values.yaml", base64("replicas: 5\n")).build());
      await().atMost(PROMPTLY).until(() -> "5".equals(rendered(admin, ns).get("replicas")));
      await().atMost(PROMPTLY).until(() -> releaseRecord(admin, ns, 3));
      awaitReady(admin, ns, "demo");

      // A change of the values ConfigMap that leaves the values as they are: a reconcile with
      // nothing to do. Its API requests are counted from start to end of the reconcile.
      String releaseVersion = get(admin, ns, "demo").getMetadata().getResourceVersion();
      int before = operator.requests.reconciles.size();
      admin.configMaps().inNamespace(ns.name()).withName("demo-values")
          .edit(cm -> new ConfigMapBuilder(cm).addToData("unrelated", "2").build());
      await().atMost(PROMPTLY).until(() -> operator.requests.reconciles.size() > before);
      Reconciled noOp = operator.requests.reconciles.get(before);

      System.out.println("no-op reconcile: " + noOp.requests().size() + " API requests "
          + (noOp.requests().isEmpty() ? "" : noOp.requests()));
      assertThat(noOp.control()).isEqualTo("noUpdate");
      assertThat(noOp.writes()).isEmpty();
      // The values ConfigMap and Secret come from the informer caches. Other reads (0 today) are
      // printed and reported in docs/operator.md rather than pinned here.
      assertThat(noOp.requests()).noneMatch(r -> r.contains("/configmaps") || r.contains("/secrets"));
      assertThat(get(admin, ns, "demo").getMetadata().getResourceVersion()).isEqualTo(releaseVersion);
      assertThat(releaseRecord(admin, ns, 4)).isFalse();
    }
  }

  @Test
  void theReconcileRequestedAtAnnotationForcesAFullReleaseAndIsEchoed(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    String repository = pushDemoChart(registry, ns, tmp);

    try (Running operator = Running.start(admin, ns)) {
      admin.resource(release(ns, "demo", repository, "0.1.0")).create();
      OciHelmRelease ready = awaitReady(admin, ns, "demo");
      assertThat(ready.getStatus().getLastHandledReconcileAt()).isNull();

      requestReconcile(admin, ns, "2026-11-26T01:00:00Z");

      OciHelmRelease handled = await().atMost(PROMPTLY).until(() -> get(admin, ns, "demo"),
          r -> "2026-11-26T01:00:00Z".equals(r.getStatus().getLastHandledReconcileAt()));
      // Inputs unchanged, yet a full release: a new revision recorded, same generation.
      assertThat(releaseRecord(admin, ns, 2)).isTrue();
      assertThat(handled.getMetadata().getGeneration()).isEqualTo(ready.getMetadata().getGeneration());
      assertThat(ready(handled).map(Condition::getStatus)).contains(ConditionStatus.True);

      // Our own status patch did not loop back into another release.
      int reconciles = operator.requests.reconciles.size();
      requestReconcile(admin, ns, "2026-11-26T01:05:00Z");
      await().atMost(PROMPTLY).until(() -> "2026-11-26T01:05:00Z".equals(
          get(admin, ns, "demo").getStatus().getLastHandledReconcileAt()));
      assertThat(releaseRecord(admin, ns, 3)).isTrue();
      assertThat(releaseRecord(admin, ns, 4)).isFalse();
      assertThat(operator.requests.reconciles.size() - reconciles).isEqualTo(1);
    }
  }

  @Test
  void releasesOfOneChartShareOneRegistryResolutionPerInterval(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    String repository = pushDemoChart(registry, ns, tmp);

    try (Running operator = Running.start(admin, ns)) {
      // A constraint: the shared resolution is a tag list plus a HEAD.
      admin.resource(release(ns, "one", repository, "0.1.x")).create();
      admin.resource(release(ns, "two", repository, "0.1.x")).create();
      awaitReady(admin, ns, "one");
      awaitReady(admin, ns, "two");

      System.out.println("registry resolutions for 2 releases of one chart: " + operator.resolutions.resolutions());
      assertThat(operator.resolutions.resolutions()).isEqualTo(1);
      assertThat(get(admin, ns, "one").getStatus().getLastAppliedRevision())
          .isEqualTo(get(admin, ns, "two").getStatus().getLastAppliedRevision());
    }
  }

  /** One reconcile as the operator's client saw it. */
  record Reconciled(String release, String control, List<String> requests) {
    List<String> writes() {
      return requests.stream().filter(r -> !r.startsWith("GET ") && !r.startsWith("HEAD ")).toList();
    }
  }

  /** Every HTTP request of the operator's client while a reconcile runs (watches excluded). */
  static final class RequestLog implements Interceptor {
    final List<Reconciled> reconciles = new CopyOnWriteArrayList<>();
    private final AtomicBoolean recording = new AtomicBoolean();
    private final List<String> current = new CopyOnWriteArrayList<>();

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
      String query = request.uri().getQuery();
      if (recording.get() && (query == null || !query.contains("watch=true"))) {
        current.add(request.method() + " " + request.uri().getPath() + (query == null ? "" : "?" + query));
      }
    }

    void start() {
      current.clear();
      recording.set(true);
    }

    void stop(String release, String control) {
      recording.set(false);
      reconciles.add(new Reconciled(release, control, List.copyOf(current)));
    }
  }

  /** The production reconciler, its reconciles bracketed by the request log. */
  static final class MeasuredReconciler extends OciHelmReleaseReconciler {
    private final RequestLog log;

    MeasuredReconciler(ReleaseSteps steps, WatchedSources sources, RequestLog log) {
      super(steps, new StatusWriter(Clock.systemUTC()), sources);
      this.log = log;
    }

    @Override
    public synchronized UpdateControl<OciHelmRelease> reconcile(OciHelmRelease release, Context<OciHelmRelease> context) {
      // synchronized: one reconcile at a time, so each request belongs to exactly one of them.
      log.start();
      String control = "failed";
      try {
        UpdateControl<OciHelmRelease> result = super.reconcile(release, context);
        control = result.isNoUpdate() ? "noUpdate" : result.isPatchStatus() ? "patchStatus" : "other";
        return result;
      } finally {
        log.stop(release.getMetadata().getName(), control);
      }
    }
  }

  /** A JOSDK operator on its own counting client, watching one namespace. */
  record Running(Operator operator, KubernetesClient client, RequestLog requests, SharedResolutions resolutions)
      implements AutoCloseable {
    static Running start(KubernetesClient admin, TestNamespace ns) {
      RequestLog log = new RequestLog();
      KubernetesClient client = new KubernetesClientBuilder().withConfig(admin.getConfiguration())
          .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("ocihelm-request-log", log)).build();
      WatchedSources sources = new WatchedSources(client);
      SharedResolutions resolutions = new SharedResolutions(Clock.systemUTC());
      ReleaseSteps steps = ReleaseStepsFactory.standard(client, RegistryOptions.defaults(),
          new StoredReleaseRecorder(new ReleaseStore(client)), sources, resolutions, new ApiLiveObjects(client));
      Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
      operator.register(new MeasuredReconciler(steps, sources, log), c -> c.settingNamespace(ns.name()));
      operator.start();
      return new Running(operator, client, log, resolutions);
    }

    @Override
    public void close() {
      operator.stop();
      client.close();
    }
  }

  static String pushDemoChart(Registry registry, TestNamespace ns, Path tmp) throws IOException {
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    Path dir = tmp.resolve("src").resolve("demo");
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
    Files.writeString(dir.resolve("values.yaml"), "greeting: hello\nreplicas: 1\n");
    Files.writeString(dir.resolve("templates/configmap.yaml"), """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          greeting: {{ .Values.greeting | quote }}
          replicas: {{ .Values.replicas | quote }}
        """);
    helm.run("package", dir.toString(), "--destination", tmp.toString()).requireSuccess();
    String prefix = "triggers/" + ns.name();
    helm.push(tmp.resolve("demo-0.1.0.tgz"), registry, prefix).requireSuccess();
    return registry.ociReference(prefix + "/demo");
  }

  static OciHelmRelease release(TestNamespace ns, String name, String repository, String version) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(ns.name())
        .withAnnotations(new java.util.HashMap<>()).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository(repository);
    chart.setVersion(version);
    spec.setChart(chart);
    spec.setPlainHTTP(true);
    spec.setInterval("10m");
    spec.setReleaseName(name);
    release.setSpec(spec);
    return release;
  }

  /** As `kubectl annotate --overwrite` does: a merge patch without resourceVersion (no 409 races). */
  static void requestReconcile(KubernetesClient admin, TestNamespace ns, String at) {
    admin.resources(OciHelmRelease.class).inNamespace(ns.name()).withName("demo").patch(
        io.fabric8.kubernetes.client.dsl.base.PatchContext.of(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
        "{\"metadata\":{\"annotations\":{\"" + ReconcileRequests.ANNOTATION + "\":\"" + at + "\"}}}");
  }


  static ValuesReference reference(ValuesSourceKind kind, String name) {
    ValuesReference reference = new ValuesReference();
    reference.setKind(kind);
    reference.setName(name);
    return reference;
  }

  static io.fabric8.kubernetes.api.model.ObjectMeta meta(TestNamespace ns, String name) {
    return new ObjectMetaBuilder().withNamespace(ns.name()).withName(name).build();
  }

  static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, String> rendered(KubernetesClient admin, TestNamespace ns) {
    var map = admin.configMaps().inNamespace(ns.name()).withName("demo-config").get();
    return map == null || map.getData() == null ? Map.of() : map.getData();
  }

  static boolean releaseRecord(KubernetesClient admin, TestNamespace ns, int revision) {
    return admin.secrets().inNamespace(ns.name()).withName("sh.helm.release.v1.demo.v" + revision).get() != null;
  }

  static OciHelmRelease get(KubernetesClient admin, TestNamespace ns, String name) {
    return admin.resources(OciHelmRelease.class).inNamespace(ns.name()).withName(name).get();
  }

  private static Optional<Condition> ready(OciHelmRelease release) {
    if (release == null || release.getStatus() == null) {
      return Optional.empty();
    }
    return release.getStatus().getConditions().stream().filter(c -> c.is(ConditionType.Ready)).findFirst();
  }

  static OciHelmRelease awaitReady(KubernetesClient admin, TestNamespace ns, String name) {
    return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .failFast(() -> ready(get(admin, ns, name)).filter(c -> c.getStatus() == ConditionStatus.False
            && "ChartNotFound".equals(c.getReason())).isPresent())
        .until(() -> get(admin, ns, name), r -> ready(r).filter(c -> c.getStatus() == ConditionStatus.True
            && r.getStatus().getObservedGeneration() != null
            && r.getStatus().getObservedGeneration().equals(r.getMetadata().getGeneration())).isPresent());
  }

}
