package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.Reason;
import org.junit.jupiter.api.Test;

/** The placeholder tells users, in status, that this build installs nothing. */
class OciHelmReleaseReconcilerTest {

  @Test
  void reportsNotImplementedInTheReadyCondition() {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("podinfo").withNamespace("team-a").withGeneration(3L).build());

    var control = new OciHelmReleaseReconciler().reconcile(release, null);

    assertThat(control.isPatchStatus()).isTrue();
    assertThat(control.getResource()).get().satisfies(r -> {
      assertThat(r.getStatus().getObservedGeneration()).isEqualTo(3L);
      Condition ready = r.getStatus().getConditions().getFirst();
      assertThat(ready.is(ConditionType.Ready)).isTrue();
      assertThat(ready.getStatus()).isEqualTo(ConditionStatus.False);
      assertThat(ready.getReason()).isEqualTo(Reason.NotImplemented.name());
      assertThat(ready.getMessage()).contains("no reconciler yet");
      assertThat(ready.getObservedGeneration()).isEqualTo(3L);
    });
  }
}
