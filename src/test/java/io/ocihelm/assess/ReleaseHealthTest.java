package io.ocihelm.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.apply.Inventory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A release is healthy when every inventory entry exists and is current; the summary names the others. */
class ReleaseHealthTest {
  private static final Inventory.Entry SETTINGS = new Inventory.Entry("v1", "ConfigMap", "team-a", "settings");
  private static final Inventory.Entry WEB = new Inventory.Entry("apps/v1", "Deployment", "team-a", "web");
  private static final Inventory.Entry GONE = new Inventory.Entry("v1", "Secret", "team-a", "gone");

  private static GenericKubernetesResource object(Inventory.Entry entry) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion(entry.apiVersion());
    object.setKind(entry.kind());
    object.setMetadata(new ObjectMetaBuilder().withName(entry.name()).withNamespace(entry.namespace()).withGeneration(1L).build());
    return object;
  }

  private static LiveObjects cluster(Map<Inventory.Entry, GenericKubernetesResource> objects) {
    return entry -> Optional.ofNullable(objects.get(entry));
  }

  @Test
  void everyObjectCurrentIsHealthy() {
    HealthReport report = new ReleaseHealth(cluster(Map.of(SETTINGS, object(SETTINGS)))).assess(Inventory.of(List.of(SETTINGS)));

    assertThat(report.isHealthy()).isTrue();
    assertThat(report.summary()).isEqualTo("1 objects healthy");
  }

  @Test
  void unhealthyAndMissingObjectsAreNamed() {
    HealthReport report = new ReleaseHealth(cluster(Map.of(SETTINGS, object(SETTINGS), WEB, object(WEB))))
        .assess(Inventory.of(List.of(SETTINGS, WEB, GONE)));

    assertThat(report.isHealthy()).isFalse();
    assertThat(report.summary()).isEqualTo(
        "2 of 3 objects not healthy: Deployment team-a/web: not yet observed by its controller; Secret team-a/gone: not found");
  }

  @Test
  void rightAfterApplyOnlyKindsWithStateAreReadBack() {
    List<Inventory.Entry> read = new java.util.ArrayList<>();
    LiveObjects counting = entry -> {
      read.add(entry);
      return Optional.of(object(entry));
    };

    HealthReport report = new ReleaseHealth(counting).assess(Inventory.of(List.of(SETTINGS, WEB)), true);

    assertThat(read).containsExactly(WEB);
    assertThat(report.assessed()).isEqualTo(2);
    assertThat(report.unhealthy()).extracting(u -> u.entry()).containsExactly(WEB);
  }

  @Test
  void theSummaryNamesAtMostFiveObjects() {
    List<Inventory.Entry> missing = java.util.stream.IntStream.range(0, 7)
        .mapToObj(i -> new Inventory.Entry("v1", "ConfigMap", "team-a", "cm" + i)).toList();

    HealthReport report = new ReleaseHealth(cluster(Map.of())).assess(Inventory.of(missing));

    assertThat(report.summary()).startsWith("7 of 7 objects not healthy: ConfigMap team-a/cm0: not found;")
        .endsWith("ConfigMap team-a/cm4: not found; and 2 more");
  }
}
