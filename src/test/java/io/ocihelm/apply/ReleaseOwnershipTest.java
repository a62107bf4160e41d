package io.ocihelm.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

class ReleaseOwnershipTest {

  @Test
  void stampsHelmsMarksAndOurLabelKeepingTheChartsLabels() {
    ConfigMap object = new ConfigMapBuilder().withNewMetadata().withName("cfg")
        .addToLabels("app", "demo").addToLabels("app.kubernetes.io/managed-by", "Tiller").endMetadata().build();

    new ReleaseOwnership("demo", "team-a", "ops.demo").stamp(object);

    assertThat(object.getMetadata().getAnnotations())
        .containsEntry("meta.helm.sh/release-name", "demo")
        .containsEntry("meta.helm.sh/release-namespace", "team-a")
        .containsEntry("ocihelm.io/release", "ops.demo");
    assertThat(object.getMetadata().getLabels())
        .containsEntry("app", "demo")
        .containsEntry("app.kubernetes.io/managed-by", "Helm")
        .containsEntry("ocihelm.io/release", "ops.demo");
  }

  @Test
  void anOwnerKeyLongerThanALabelValueIsShortenedWithAHash() {
    String key = "a".repeat(63) + ".demo";

    String value = ReleaseOwnership.labelValue(key);

    assertThat(value).hasSize(63).startsWith("a".repeat(52) + "-").matches("[a-z0-9.-]+[a-z0-9]");
    assertThat(ReleaseOwnership.labelValue("b".repeat(63) + ".demo")).isNotEqualTo(value);
    assertThat(ReleaseOwnership.labelValue("ops.demo")).isEqualTo("ops.demo");
  }
}
