package io.ocihelm.reconciler.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which updates of a release reconcile it: spec (generation), a new reconcile request, deletion,
 * finalizers; never our own status patches (no reconcile loop) nor other metadata.
 */
class ReleaseUpdateFilterTest {

  static Stream<Arguments> updates() {
    return Stream.of(
        Arguments.of("a status patch (our own write)", false, (Consumer<OciHelmRelease>) r -> {
          OciHelmReleaseStatus status = new OciHelmReleaseStatus();
          status.setObservedGeneration(3L);
          status.setLastHandledReconcileAt("1");
          r.setStatus(status);
          r.getMetadata().setResourceVersion("101");
        }),
        Arguments.of("a label change", false, (Consumer<OciHelmRelease>) r ->
            r.getMetadata().setLabels(Map.of("team", "b"))),
        Arguments.of("another annotation", false, (Consumer<OciHelmRelease>) r ->
            r.getMetadata().setAnnotations(Map.of(ReconcileRequests.ANNOTATION, "1", "note", "x"))),
        Arguments.of("a spec change (new generation)", true, (Consumer<OciHelmRelease>) r ->
            r.getMetadata().setGeneration(4L)),
        Arguments.of("a new reconcile request", true, (Consumer<OciHelmRelease>) r ->
            r.getMetadata().setAnnotations(Map.of(ReconcileRequests.ANNOTATION, "2"))),
        Arguments.of("the reconcile request removed", true, (Consumer<OciHelmRelease>) r ->
            r.getMetadata().setAnnotations(Map.of())),
        Arguments.of("marked for deletion", true, (Consumer<OciHelmRelease>) r ->
            r.getMetadata().setDeletionTimestamp("2026-11-26T00:00:00Z")),
        Arguments.of("JOSDK's finalizer added", true, (Consumer<OciHelmRelease>) r ->
            r.getMetadata().setFinalizers(List.of("ocihelmreleases.ocihelm.io/finalizer"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void updates(String name, boolean reconciles, Consumer<OciHelmRelease> change) {
    OciHelmRelease older = release();
    OciHelmRelease newer = release();
    change.accept(newer);

    assertThat(new ReleaseUpdateFilter().accept(newer, older)).isEqualTo(reconciles);
  }

  private static OciHelmRelease release() {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withNamespace("team-a").withName("demo").withGeneration(3L)
        .withResourceVersion("100").withAnnotations(Map.of(ReconcileRequests.ANNOTATION, "1")).build());
    release.setSpec(new OciHelmReleaseSpec());
    return release;
  }
}
