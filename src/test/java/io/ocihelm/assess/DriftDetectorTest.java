package io.ocihelm.assess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.api.v1alpha1.DriftIgnoreRule;
import io.ocihelm.api.v1alpha1.ResourceSelector;
import io.ocihelm.apply.Inventory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which objects drift, and when the server's dry run has the last word. The fake preview answers
 * like the API server would: the live object with our fields applied on top (or, for a case the
 * server normalises, the live object unchanged).
 */
class DriftDetectorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Inventory.Entry WEB = new Inventory.Entry("apps/v1", "Deployment", "team-a", "web");

  private final Map<Inventory.Entry, GenericKubernetesResource> live = new HashMap<>();
  private final List<GenericKubernetesResource> previewed = new ArrayList<>();

  private DriftDetector detector(UnaryOperator<GenericKubernetesResource> server) {
    return new DriftDetector(entry -> Optional.ofNullable(live.get(entry)), body -> {
      previewed.add(body);
      return server.apply(body);
    });
  }

  private static GenericKubernetesResource object(String json) {
    try {
      return JSON.readValue(json.replace('\'', '"'), GenericKubernetesResource.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static GenericKubernetesResource web(int replicas, String image) {
    return object("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'team-a'},"
        + "'spec':{'replicas':" + replicas + ",'template':{'spec':{'containers':[{'name':'web','image':'" + image + "'}]}}}}");
  }

  private static GenericKubernetesResource liveWeb(int replicas, String image, String resourceVersion) {
    GenericKubernetesResource o = web(replicas, image);
    o.getMetadata().setResourceVersion(resourceVersion);
    o.getMetadata().setUid("uid-1");
    return o;
  }

  /** What the API server stores after applying {@code body} over the live object (replicas and image). */
  private GenericKubernetesResource applied(GenericKubernetesResource body) {
    GenericKubernetesResource current = live.get(DriftDetector.entryOf(body));
    var tree = JSON.valueToTree(current).deepCopy();
    var bodyTree = JSON.valueToTree(body);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).set("spec", bodyTree.get("spec"));
    return JSON.convertValue(tree, GenericKubernetesResource.class);
  }

  record Case(String name, GenericKubernetesResource live, List<String> ignored, boolean serverNormalises,
      List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("in sync", liveWeb(2, "web:1", "7"), List.of(), false, List.of()),
        new Case("changed field", liveWeb(5, "web:1", "7"), List.of(), false,
            List.of("Deployment team-a/web: /spec/replicas")),
        new Case("changed image", liveWeb(2, "web:2", "7"), List.of(), false,
            List.of("Deployment team-a/web: /spec/template/spec/containers/0/image")),
        new Case("ignored path", liveWeb(5, "web:1", "7"), List.of("/spec/replicas"), false, List.of()),
        new Case("difference the server normalises away", liveWeb(5, "web:1", "7"), List.of(), true, List.of()),
        new Case("deleted object", null, List.of(), false, List.of("Deployment team-a/web: deleted")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void detects(Case c) {
    if (c.live() != null) {
      live.put(WEB, c.live());
    }
    DriftDetector detector = detector(body -> c.serverNormalises() ? live.get(WEB) : applied(body));
    List<ObjectDrift> drifts = detector.detect(List.of(web(2, "web:1")), ignoring(c.ignored()));
    assertThat(drifts).extracting(ObjectDrift::describe).containsExactlyElementsOf(c.expected());
  }

  @Test
  void aCleanObjectNeedsNoDryRun() {
    live.put(WEB, liveWeb(2, "web:1", "7"));
    detector(this::applied).detect(List.of(web(2, "web:1")), DriftIgnores.NONE);
    assertThat(previewed).isEmpty();
  }

  @Test
  void aSuspicionTheServerClearedIsNotAskedAgainUntilTheObjectChanges() {
    live.put(WEB, liveWeb(5, "web:1", "7"));
    DriftDetector detector = detector(body -> live.get(WEB));
    assertThat(detector.detect(List.of(web(2, "web:1")), DriftIgnores.NONE)).isEmpty();
    assertThat(detector.detect(List.of(web(2, "web:1")), DriftIgnores.NONE)).isEmpty();
    assertThat(previewed).hasSize(1);

    live.put(WEB, liveWeb(5, "web:1", "8"));
    detector.detect(List.of(web(2, "web:1")), DriftIgnores.NONE);
    assertThat(previewed).hasSize(2);
  }

  @Test
  void aStaleCacheIsNoDrift() {
    live.put(WEB, liveWeb(5, "web:1", "7"));
    DriftDetector detector = detector(body -> {
      GenericKubernetesResource newer = applied(body);
      newer.getMetadata().setResourceVersion("9");
      return newer;
    });
    assertThat(detector.detect(List.of(web(2, "web:1")), DriftIgnores.NONE)).isEmpty();
  }

  @Test
  void theCorrectionCarriesIgnoredFieldsAsTheyAreLive() {
    live.put(WEB, liveWeb(5, "web:2", "7"));
    List<ObjectDrift> drifts = detector(this::applied).detect(List.of(web(2, "web:1")), ignoring(List.of("/spec/replicas")));
    assertThat(drifts).singleElement().satisfies(drift -> {
      assertThat(drift.paths()).containsExactly("/spec/template/spec/containers/0/image");
      var spec = JSON.valueToTree(drift.correction()).get("spec");
      assertThat(spec.get("replicas").asInt()).isEqualTo(5);
      assertThat(spec.at("/template/spec/containers/0/image").asText()).isEqualTo("web:1");
    });
  }

  @Test
  void anObjectBeingDeletedIsReportedNotCorrected() {
    GenericKubernetesResource deleting = liveWeb(2, "web:1", "7");
    deleting.getMetadata().setDeletionTimestamp("2026-11-26T00:00:00Z");
    live.put(WEB, deleting);
    assertThat(detector(this::applied).detect(List.of(web(2, "web:1")), DriftIgnores.NONE))
        .singleElement().satisfies(d -> {
          assertThat(d.state()).isEqualTo(ObjectDrift.State.DELETING);
          assertThat(d.correction()).isNull();
        });
  }

  @Test
  void ignoreRulesSelectByTarget() {
    ResourceSelector deployments = new ResourceSelector();
    deployments.setGroup("apps");
    deployments.setKind("Deployment");
    deployments.setName("web");
    DriftIgnoreRule rule = new DriftIgnoreRule();
    rule.setPaths(List.of("/spec/replicas"));
    rule.setTarget(deployments);
    DriftIgnores ignores = new DriftIgnores(List.of(rule));
    assertThat(ignores.forObject(WEB).test("/spec/replicas")).isTrue();
    assertThat(ignores.forObject(WEB).test("/spec/replicasX")).isFalse();
    assertThat(ignores.forObject(new Inventory.Entry("apps/v1", "Deployment", "team-a", "api")).test("/spec/replicas")).isFalse();
    assertThat(ignores.forObject(new Inventory.Entry("v1", "Deployment", "team-a", "web")).test("/spec/replicas")).isFalse();
  }

  private static DriftIgnores ignoring(List<String> paths) {
    if (paths.isEmpty()) {
      return DriftIgnores.NONE;
    }
    DriftIgnoreRule rule = new DriftIgnoreRule();
    rule.setPaths(paths);
    return new DriftIgnores(List.of(rule));
  }
}
