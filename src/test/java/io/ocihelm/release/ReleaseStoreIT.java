package io.ocihelm.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.testbed.ControlPlane;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import io.ocihelm.testbed.Tool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our records against the real helm CLIs on the real API server: helm 4.1.4 and 3.17.3 list, show
 * the history of, and print the values and manifest of releases we recorded; a release installed
 * by helm continues under our store, and helm continues ours.
 */
@ExtendWith(TestBed.class)
class ReleaseStoreIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Tool> helms() {
    return Stream.of(Tool.HELM, Tool.HELM3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helms")
  void helmListsOurReleaseWithItsHistoryValuesAndManifest(Tool tool, KubernetesClient admin, TestNamespace ns, @TempDir Path tmp)
      throws IOException {
    ReleaseStore store = new ReleaseStore(admin);
    store.recordDeployed(draft(ns.name(), "0.1.0", Map.of("greeting", "hello"), manifest("hello")));
    ReleaseRecord second = store.recordDeployed(draft(ns.name(), "0.2.0", Map.of("greeting", "bonjour", "replicas", 2), manifest("bonjour")));
    Helm helm = helm(tool, tmp);

    JsonNode list = json(helm.run("list", "-n", ns.name(), "-o", "json").requireSuccess().stdout());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("name").asText()).isEqualTo("web");
    assertThat(list.get(0).get("namespace").asText()).isEqualTo(ns.name());
    assertThat(list.get(0).get("revision").asText()).isEqualTo("2");
    assertThat(list.get(0).get("status").asText()).isEqualTo("deployed");
    assertThat(list.get(0).get("chart").asText()).isEqualTo("demo-0.2.0");
    assertThat(list.get(0).get("app_version").asText()).isEqualTo("1.16.0");

    JsonNode history = json(helm.run("history", "web", "-n", ns.name(), "-o", "json").requireSuccess().stdout());
    assertThat(history).extracting(h -> h.get("revision").asInt()).containsExactly(1, 2);
    assertThat(history).extracting(h -> h.get("status").asText()).containsExactly("superseded", "deployed");
    assertThat(history).extracting(h -> h.get("chart").asText()).containsExactly("demo-0.1.0", "demo-0.2.0");
    assertThat(history).extracting(h -> h.get("description").asText()).containsExactly("Install complete", "Upgrade complete");

    assertThat(values(helm, ns, "2")).isEqualTo(Map.of("greeting", "bonjour", "replicas", 2));
    assertThat(values(helm, ns, "1")).isEqualTo(Map.of("greeting", "hello"));
    String shownManifest = helm.run("get", "manifest", "web", "-n", ns.name()).requireSuccess().stdout();
    assertThat(shownManifest.strip()).isEqualTo(second.manifest().strip());
    assertThat(helm.run("get", "notes", "web", "-n", ns.name()).requireSuccess().stdout()).contains("Thanks for installing web.");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helms")
  void releaseInstalledByHelmContinuesUnderOurStoreAndBack(Tool tool, KubernetesClient admin, TestNamespace ns, @TempDir Path tmp)
      throws IOException {
    Helm helm = helm(tool, tmp);
    helm.run("create", tmp.resolve("demo").toString()).requireSuccess();
    // No --wait: the test bed has no kubelet, nothing would ever become ready.
    helm.run("install", "web", tmp.resolve("demo").toString(), "-n", ns.name(), "--set", "replicaCount=2").requireSuccess();
    Secret helmsSecret = admin.secrets().inNamespace(ns.name()).withName("sh.helm.release.v1.web.v1").get();
    ReleaseStore store = new ReleaseStore(admin);

    ReleaseHistory adopted = store.history(ns.name(), "web");
    assertThat(adopted.revisions()).singleElement().satisfies(r -> {
      assertThat(r.version()).isEqualTo(1);
      assertThat(r.status()).isEqualTo(ReleaseStatus.DEPLOYED);
      assertThat(r.chart().name()).isEqualTo("demo");
      assertThat(r.config()).isEqualTo(Map.of("replicaCount", 2));
    });
    ReleaseRecord installed = adopted.lastDeployed().orElseThrow();
    // The chart record we would write for the same chart is the one helm wrote (modtimes aside).
    JsonNode helmsChart = chartJson(installed.chart());
    stripModTimes(helmsChart);
    assertThat(chartJson(ReleaseChart.from(new ChartLoader().load(tmp.resolve("demo"))))).isEqualTo(helmsChart);
    ReleaseRecord pending =
        store.begin(
            adopted,
            new ReleaseDraft(
                ns.name(), "web", installed.chart(), Map.of("replicaCount", 3), installed.manifest(), installed.hooks(), installed.info().notes(), null));
    ReleaseRecord ours = store.markDeployed(pending, null);

    assertThat(ours.version()).isEqualTo(2);
    assertThat(ours.info().firstDeployed()).isEqualTo(installed.info().firstDeployed());
    JsonNode history = json(helm.run("history", "web", "-n", ns.name(), "-o", "json").requireSuccess().stdout());
    assertThat(history).extracting(h -> h.get("revision").asInt()).containsExactly(1, 2);
    assertThat(history).extracting(h -> h.get("status").asText()).containsExactly("superseded", "deployed");
    assertThat(values(helm, ns, "2")).isEqualTo(Map.of("replicaCount", 3));
    // helm's own record, re-labelled superseded by us, lost nothing else.
    JsonNode before = JSON.readTree(ReleaseRecordCodec.toJson(ReleaseRecordCodec.fromSecret(helmsSecret)));
    JsonNode after = JSON.readTree(
        ReleaseRecordCodec.toJson(ReleaseRecordCodec.fromSecret(admin.secrets().inNamespace(ns.name()).withName("sh.helm.release.v1.web.v1").get())));
    ((ObjectNode) before.get("info")).put("status", "superseded");
    assertThat(after).isEqualTo(before);

    // …and helm continues after us.
    helm.run("upgrade", "web", tmp.resolve("demo").toString(), "-n", ns.name(), "--set", "replicaCount=4").requireSuccess();
    assertThat(store.history(ns.name(), "web").revisions())
        .extracting(ReleaseRecord::version, ReleaseRecord::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, ReleaseStatus.SUPERSEDED),
            org.assertj.core.groups.Tuple.tuple(2, ReleaseStatus.SUPERSEDED),
            org.assertj.core.groups.Tuple.tuple(3, ReleaseStatus.DEPLOYED));
  }

  @Test
  void keepsTheLastRecordsOnly(KubernetesClient admin, TestNamespace ns, @TempDir Path tmp) throws IOException {
    ReleaseStore store = new ReleaseStore(admin, 3, Clock.systemUTC());
    for (int i = 1; i <= 5; i++) {
      store.recordDeployed(draft(ns.name(), "0." + i + ".0", Map.of("round", i), manifest("round " + i)));
    }

    assertThat(admin.secrets().inNamespace(ns.name()).list().getItems())
        .extracting(s -> s.getMetadata().getName())
        .filteredOn(name -> name.startsWith("sh.helm.release.v1."))
        .containsExactlyInAnyOrder("sh.helm.release.v1.web.v3", "sh.helm.release.v1.web.v4", "sh.helm.release.v1.web.v5");
    JsonNode history = json(helm(Tool.HELM, tmp).run("history", "web", "-n", ns.name(), "-o", "json").requireSuccess().stdout());
    assertThat(history).extracting(h -> h.get("revision").asInt()).containsExactly(3, 4, 5);
    assertThat(history).extracting(h -> h.get("status").asText()).containsExactly("superseded", "superseded", "deployed");
  }

  @Test
  void failedUpgradeLeavesTheDeployedRevisionDeployed(KubernetesClient admin, TestNamespace ns, @TempDir Path tmp) throws IOException {
    ReleaseStore store = new ReleaseStore(admin);
    store.recordDeployed(draft(ns.name(), "0.1.0", Map.of(), manifest("one")));
    ReleaseHistory history = store.history(ns.name(), "web");
    ReleaseRecord pending = store.begin(history, draft(ns.name(), "0.2.0", Map.of(), manifest("two")));
    assertThat(pending.status()).isEqualTo(ReleaseStatus.PENDING_UPGRADE);
    assertThat(store.history(ns.name(), "web").hasPendingOperation()).isTrue();

    store.markFailed(pending, "Upgrade \"web\" failed: Deployment web is invalid");

    JsonNode shown = json(helm(Tool.HELM, tmp).run("history", "web", "-n", ns.name(), "-o", "json").requireSuccess().stdout());
    assertThat(shown).extracting(h -> h.get("status").asText()).containsExactly("deployed", "failed");
    assertThat(shown.get(1).get("description").asText()).isEqualTo("Upgrade \"web\" failed: Deployment web is invalid");
    assertThat(store.history(ns.name(), "web").lastDeployed().map(ReleaseRecord::version)).contains(1);
  }

  /** The chart as our codec writes it into a record. */
  private static JsonNode chartJson(ReleaseChart chart) throws IOException {
    ReleaseRecord record = new ReleaseRecord("x", null, chart, null, "", null, 1, "ns", null, null, null);
    return JSON.readTree(ReleaseRecordCodec.toJson(record)).get("chart");
  }

  /** Helm 4 stamps chart and file modtimes; helm 3 and we do not. */
  private static void stripModTimes(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("modtime", "schemamodtime"));
    }
    node.forEach(ReleaseStoreIT::stripModTimes);
  }

  private static Helm helm(Tool tool, Path tmp) {
    return Helm.isolated(tool, tmp.resolve("helm-home")).withKubeconfig(ControlPlane.shared().kubeconfig());
  }

  private static Map<String, Object> values(Helm helm, TestNamespace ns, String revision) throws IOException {
    String out = helm.run("get", "values", "web", "-n", ns.name(), "--revision", revision, "-o", "json").requireSuccess().stdout();
    return JSON.readValue(out, new TypeReference<>() {});
  }

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  private static String manifest(String greeting) {
    return """
        ---
        # Source: demo/templates/configmap.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: web-demo
        data:
          greeting: %s
        """.formatted(greeting);
  }

  private static ReleaseDraft draft(String namespace, String chartVersion, Map<String, Object> config, String manifest) {
    ReleaseChart chart =
        ReleaseChart.of(
            Map.of("apiVersion", "v2", "name", "demo", "version", chartVersion, "appVersion", "1.16.0", "type", "application"),
            List.of(
                ReleaseFile.of(
                    "templates/configmap.yaml",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-demo\ndata:\n  greeting: {{ .Values.greeting }}\n")),
            Map.of("greeting", "hi"),
            null,
            List.of());
    return new ReleaseDraft(namespace, "web", chart, config, manifest, List.of(), "Thanks for installing web.\n", null);
  }
}
