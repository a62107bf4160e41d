package io.ocihelm.reconciler.step;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFailedApplyTest {

  /** Remembers what it was asked to record. */
  private static final class Remembering implements ReleaseRecorder {
    final List<String> failed = new ArrayList<>();
    RuntimeException onFailed;

    @Override
    public long nextRevision(ReleaseRequest request) {
      return 1;
    }

    @Override
    public void recordDeployed(ReleaseRequest request) {}

    @Override
    public void recordFailed(ReleaseRequest request, String description) {
      if (onFailed != null) {
        throw onFailed;
      }
      failed.add(description);
    }
  }

  @Test
  void aSuccessfulApplyRecordsNoFailure() {
    Remembering records = new Remembering();
    new RecordFailedApply(r -> {}, records).run(request());
    assertThat(records.failed).isEmpty();
  }

  @Test
  void aFailedApplyIsRecordedFailedAndStillThrown() {
    Remembering records = new Remembering();
    ReconcileFailure conflict = ReconcileFailure.terminal(Reason.ApplyFailed, "conflict on ConfigMap/demo", null);
    assertThatThrownBy(() -> new RecordFailedApply(r -> { throw conflict; }, records).run(request()))
        .isSameAs(conflict);
    assertThat(records.failed).containsExactly("conflict on ConfigMap/demo");
  }

  @Test
  void aRecordingProblemDoesNotHideTheApplyFailure() {
    Remembering records = new Remembering();
    records.onFailed = new IllegalStateException("API server gone");
    ReconcileFailure conflict = ReconcileFailure.transientFailure(Reason.ApplyFailed, "503", null);
    assertThatThrownBy(() -> new RecordFailedApply(r -> { throw conflict; }, records).run(request()))
        .isSameAs(conflict)
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("API server gone"));
  }

  private static ReleaseRequest request() {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("apps").build());
    release.setSpec(new OciHelmReleaseSpec());
    return new ReleaseRequest(release);
  }
}
