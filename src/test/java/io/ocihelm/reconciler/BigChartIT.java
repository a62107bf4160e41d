package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.apply.ResourceScopes;
import io.ocihelm.codec.GoYamlReader;
import io.ocihelm.render.ManifestSorter;
import io.ocihelm.testbed.OciHelmReleaseCrd;
import io.ocihelm.testbed.ControlPlane;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One big real-world chart with subcharts and a crds/ directory, bitnami kube-prometheus 11.3.11
 * (three subcharts, a vendored CRD subchart with ten prometheus-operator CRDs, 88 objects, most of
 * them custom resources of those CRDs), pushed with the real helm and installed by the reconciler:
 * the CRDs are created and Established first, the release's namespace is created, then every object
 * the oracle's {@code helm template} output has (same release name and namespace) exists on the API
 * server, and nothing else is in the inventory; uninstall removes them and leaves the namespace and
 * the CRDs. Health is left out
 * ({@code wait: false}): the test bed runs no pods.
 */
@ExtendWith(TestBed.class)
class BigChartIT {
  private static final Path CASE = Path.of("../shared/conformance/charts/bitnami-kube-prometheus--default");
  private static final Duration WITHIN = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The oracle rendered release "kube-prometheus" into namespace "monitoring": so do we. */
  private static final String TARGET = "monitoring";

  /** One object of the oracle's output; namespace "" for cluster-scoped kinds. */
  private record Identity(String apiVersion, String kind, String namespace, String name) {
    @Override
    public String toString() {
      return apiVersion + " " + kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
  }

  @Test
  void installsKubePrometheusWithItsCrdsAndEveryRenderedObjectExists(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    OciHelmReleaseCrd.install(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "big/" + ns.name();
    Path archive = tmp.resolve("kube-prometheus-11.3.11.tgz");
    Files.copy(CASE.resolve("chart.tgz"), archive);
    helm.push(archive, registry, prefix).requireSuccess();
    ResourceScopes scopes = new ResourceScopes(admin);

    Operator operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
    operator.register(new OciHelmReleaseReconciler(admin), c -> c.settingNamespace(ns.name()));
    operator.start();
    try {
      long started = System.nanoTime();
      admin.resource(release(ns.name(), registry.ociReference(prefix + "/kube-prometheus"))).create();
      OciHelmRelease ready = awaitReady(admin, ns.name());
      System.out.println("kube-prometheus create -> Ready: "
          + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");

      // the crds/ CRDs of the vendored subchart, Established
      for (String plural : List.of("alertmanagerconfigs", "alertmanagers", "podmonitors", "probes",
          "prometheusagents", "prometheuses", "prometheusrules", "scrapeconfigs", "servicemonitors", "thanosrulers")) {
        var crd = admin.apiextensions().v1().customResourceDefinitions().withName(plural + ".monitoring.coreos.com").get();
        assertThat(crd).as(plural).isNotNull();
        assertThat(crd.getStatus().getConditions())
            .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
      }

      // every object of helm template's output exists, and the inventory is exactly those
      List<Identity> expected = oracleObjects(scopes);
      assertThat(expected).hasSize(88);
      List<String> missing = new ArrayList<>();
      for (Identity object : expected) {
        var kind = admin.genericKubernetesResources(object.apiVersion(), object.kind());
        var live = object.namespace().isEmpty()
            ? kind.withName(object.name()).get()
            : kind.inNamespace(object.namespace()).withName(object.name()).get();
        if (live == null) {
          missing.add(object.toString());
        }
      }
      assertThat(missing).isEmpty();
      assertThat(ready.getStatus().getInventory())
          .extracting(e -> new Identity(e.getApiVersion(), e.getKind(), e.getNamespace() == null ? "" : e.getNamespace(),
              e.getName()))
          .containsExactlyInAnyOrderElementsOf(expected);

      // helm sees the release
      Helm cluster = helm.withKubeconfig(ControlPlane.shared().kubeconfig());
      String listed = cluster.run("list", "-n", TARGET, "-o", "json").requireSuccess().stdout();
      assertThat(JSON.readTree(listed).get(0).get("chart").asText()).isEqualTo("kube-prometheus-11.3.11");

      // uninstall: every object goes, the created namespace and the crds/ CRDs stay
      admin.resources(OciHelmRelease.class).inNamespace(ns.name()).withName("kube-prometheus").delete();
      await().atMost(WITHIN).until(
          () -> admin.resources(OciHelmRelease.class).inNamespace(ns.name()).withName("kube-prometheus").get() == null);
      assertThat(admin.apps().deployments().inNamespace(TARGET).list().getItems()).isEmpty();
      assertThat(admin.namespaces().withName(TARGET).get()).isNotNull();
      assertThat(admin.apiextensions().v1().customResourceDefinitions()
          .withName("prometheuses.monitoring.coreos.com").get()).isNotNull();
    } finally {
      operator.stop();
      admin.namespaces().withName(TARGET).delete();
    }
  }

  /** The objects of the oracle's expected.yaml (helm 4.1.4's helm template of this case). */
  private static List<Identity> oracleObjects(ResourceScopes scopes) throws IOException {
    List<Identity> objects = new ArrayList<>();
    for (String document : ManifestSorter.split(Files.readString(CASE.resolve("expected.yaml")))) {
      Map<String, Object> tree = GoYamlReader.readMap(document);
      if (tree.isEmpty()) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) tree.get("metadata");
      String apiVersion = (String) tree.get("apiVersion");
      String kind = (String) tree.get("kind");
      boolean namespaced = scopes.isNamespaced(apiVersion, kind).orElseThrow(
          () -> new AssertionError("not served: " + apiVersion + " " + kind));
      String namespace = namespaced ? (String) metadata.getOrDefault("namespace", TARGET) : "";
      objects.add(new Identity(apiVersion, kind, namespace, (String) metadata.get("name")));
    }
    return objects;
  }

  private static OciHelmRelease release(String namespace, String repository) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("kube-prometheus").withNamespace(namespace).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository(repository);
    chart.setVersion("11.3.11");
    spec.setChart(chart);
    spec.setPlainHTTP(true);
    spec.setTargetNamespace(TARGET);
    spec.setCreateNamespace(true);
    spec.setWait(false);
    release.setSpec(spec);
    return release;
  }

  private static OciHelmRelease awaitReady(KubernetesClient admin, String namespace) {
    var releases = admin.resources(OciHelmRelease.class).inNamespace(namespace).withName("kube-prometheus");
    try {
      return await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(releases::get,
          r -> r != null && r.getStatus() != null && r.getStatus().getConditions().stream()
              .anyMatch(c -> c.is(ConditionType.Ready) && c.getStatus() == ConditionStatus.True));
    } catch (ConditionTimeoutException e) {
      OciHelmRelease release = releases.get();
      throw new AssertionError("not Ready: "
          + (release == null ? "(none)" : JSON.valueToTree(release.getStatus()).toPrettyString()), e);
    }
  }
}
