package io.ocihelm.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.oci.OciReference;
import io.ocihelm.reconciler.ReleaseRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What was applied is remembered per release and revision, within a byte budget. */
class AppliedObjectsTest {

  private static ReleaseRequest request(String name, long generation, String checksum) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("team-a").withUid("uid-" + name)
        .withGeneration(generation).build());
    release.setSpec(new OciHelmReleaseSpec());
    ReleaseRequest request = new ReleaseRequest(release);
    request.setResolvedChart(new ReleaseRequest.ResolvedChart(
        OciReference.parse("oci://127.0.0.1:5000/charts/demo:1.0.0"), "1.0.0", "sha256:" + "a".repeat(64)));
    request.setValues(new ReleaseRequest.MergedValues(Map.of(), checksum));
    GenericKubernetesResource config = new GenericKubernetesResource();
    config.setApiVersion("v1");
    config.setKind("ConfigMap");
    config.setMetadata(new ObjectMetaBuilder().withName(name + "-config").withNamespace("team-a").build());
    config.setAdditionalProperty("data", Map.of("greeting", "hello"));
    request.setObjects(List.of(config));
    return request;
  }

  @Test
  void theSameRevisionIsRemembered() {
    AppliedObjects applied = new AppliedObjects(null, 1 << 20);
    applied.remember(request("web", 1, "sha256:v"));
    assertThat(applied.desired(request("web", 1, "sha256:v"))).get().satisfies(objects -> {
      assertThat(objects).singleElement().satisfies(o -> {
        assertThat(o.getMetadata().getName()).isEqualTo("web-config");
        assertThat(o.getAdditionalProperties()).containsEntry("data", Map.of("greeting", "hello"));
      });
    });
  }

  @Test
  void anotherRevisionIsNotCompared() {
    AppliedObjects applied = new AppliedObjects(null, 1 << 20);
    applied.remember(request("web", 1, "sha256:v"));
    assertThat(applied.desired(request("web", 2, "sha256:v"))).isEmpty();
    assertThat(applied.desired(request("web", 1, "sha256:other"))).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedGoesFirstBeyondTheBudget() {
    AppliedObjects probe = new AppliedObjects(null, 1 << 20);
    probe.remember(request("a", 1, "sha256:v"));
    // a budget for two releases of this size, not three
    AppliedObjects applied = new AppliedObjects(null, probe.bytesHeld() * 5 / 2);
    applied.remember(request("a", 1, "sha256:v"));
    applied.remember(request("b", 1, "sha256:v"));
    applied.desired(request("a", 1, "sha256:v"));
    applied.remember(request("c", 1, "sha256:v"));
    assertThat(applied.desired(request("a", 1, "sha256:v"))).isPresent();
    assertThat(applied.desired(request("b", 1, "sha256:v"))).isEmpty();
    assertThat(applied.desired(request("c", 1, "sha256:v"))).isPresent();
  }
}
