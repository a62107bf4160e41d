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
 * the CRDs are created and Established first, then every object the oracle's {@code helm template}
 * output has exists on the API server, and nothing else is in the inventory. Health is left out
 * ({@code wait: false}): the test bed runs no pods.
 */
@ExtendWith(TestBed.class)
class BigChartIT {
  private static final Path CASE = Path.of("../shared/conformance/charts/bitnami-kube-prometheus--default");
  private static final Duration WITHIN = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One object of the oracle's output. */
  private record Identity(String apiVersion, String kind, String name) {
    @Override
    public String toString() {
      return apiVersion + " " + kind + " " + name;
    }
  }

  @Test
  void installsKubePrometheusWithItsCrdsAndEveryRenderedObjectExists(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    HooksAndCrdsIT.installOperatorCrd(admin);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "big/" + ns.name();
    Path archive = tmp.resolve("kube-prometheus-11.3.11.tgz");
    Files.copy(CASE.resolve("chart.tgz"), archive);
    helm.push(archive, registry, prefix).requireSuccess();
    List<Identity> expected = oracleObjects();
    assertThat(expected).hasSize(88);

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
      ResourceScopes scopes = new ResourceScopes(admin);
      List<String> missing = new ArrayList<>();
      for (Identity object : expected) {
        boolean namespaced = scopes.isNamespaced(object.apiVersion(), object.kind()).orElseThrow(
            () -> new AssertionError("not served: " + object));
        var kind = admin.genericKubernetesResources(object.apiVersion(), object.kind());
        var live = namespaced ? kind.inNamespace(ns.name()).withName(object.name()).get() : kind.withName(object.name()).get();
        if (live == null) {
          missing.add(object.toString());
        }
      }
      assertThat(missing).isEmpty();
      assertThat(ready.getStatus().getInventory())
          .extracting(e -> new Identity(e.getApiVersion(), e.getKind(), e.getName()))
          .containsExactlyInAnyOrderElementsOf(expected);

      // helm sees the release
      Helm cluster = helm.withKubeconfig(ControlPlane.shared().kubeconfig());
      String listed = cluster.run("list", "-n", ns.name(), "-o", "json").requireSuccess().stdout();
      assertThat(JSON.readTree(listed).get(0).get("chart").asText()).isEqualTo("kube-prometheus-11.3.11");
    } finally {
      operator.stop();
    }
  }

  /** The objects of the oracle's expected.yaml (helm 4.1.4's helm template of this case). */
  private static List<Identity> oracleObjects() throws IOException {
    List<Identity> objects = new ArrayList<>();
    for (String document : ManifestSorter.split(Files.readString(CASE.resolve("expected.yaml")))) {
      Map<String, Object> tree = GoYamlReader.readMap(document);
      if (tree.isEmpty()) {
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) tree.get("metadata");
      objects.add(new Identity((String) tree.get("apiVersion"), (String) tree.get("kind"), (String) metadata.get("name")));
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
