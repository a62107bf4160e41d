package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A released object names its release in the ocihelm.io/release annotation (the label may be hashed). */
class LiveObjectEventSourceTest {

  record Case(String name, Map<String, String> annotations, Optional<ResourceID> owner) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("namespace and name", Map.of("ocihelm.io/release", "team-a.web"),
            Optional.of(new ResourceID("web", "team-a"))),
        new Case("a name with dots", Map.of("ocihelm.io/release", "team-a.web.v2"),
            Optional.of(new ResourceID("web.v2", "team-a"))),
        new Case("no annotation", Map.of(), Optional.empty()),
        new Case("no dot", Map.of("ocihelm.io/release", "web"), Optional.empty()),
        new Case("empty name", Map.of("ocihelm.io/release", "team-a."), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void owner(Case c) {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setMetadata(new ObjectMetaBuilder().withName("x").withAnnotations(c.annotations()).build());
    assertThat(LiveObjectEventSource.owner(object)).isEqualTo(c.owner());
  }
}
