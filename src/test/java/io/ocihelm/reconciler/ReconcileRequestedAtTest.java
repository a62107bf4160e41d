package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.apply.Inventory;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.oci.OciReference;
import io.ocihelm.reconciler.step.ReleaseStep;
import io.ocihelm.reconciler.watch.ReconcileRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reconcile-requested-at annotation: a new value forces a full release even when no input
 * changed, status echoes it in lastHandledReconcileAt, and once echoed it forces nothing more.
 */
class ReconcileRequestedAtTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);
  private final RecordingSteps recorded = new RecordingSteps();
  private final List<String> ran = recorded.ran;

  private OciHelmReleaseReconciler reconciler() {
    return new OciHelmReleaseReconciler(recorded.with(r -> {}), new StatusWriter(CLOCK));
  }

  @Test
  void aNewRequestForcesAFullReleaseOnceAndIsEchoed() {
    var reconciler = reconciler();
    OciHelmRelease release = release();
    reconciler.reconcile(release, null);
    assertThat(release.getStatus().getLastHandledReconcileAt()).isNull();

    release.getMetadata().getAnnotations().put(ReconcileRequests.ANNOTATION, "2026-11-26T00:05:00Z");
    ran.clear();
    var requested = reconciler.reconcile(release, null);

    assertThat(ran).containsExactly("resolve", "values", "verify", "fetch", "crds", "render", "namespace", "apply", "prune", "health", "record");
    assertThat(requested.isPatchStatus()).isTrue();
    assertThat(release.getStatus().getLastHandledReconcileAt()).isEqualTo("2026-11-26T00:05:00Z");

    ran.clear();
    var handled = reconciler.reconcile(release, null);

    assertThat(ran).containsExactly("resolve", "values", "drift");
    assertThat(handled.isNoUpdate()).isTrue();
  }

  private static OciHelmRelease release() {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("team-a").withGeneration(1L)
        .withAnnotations(new HashMap<>()).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository("oci://127.0.0.1:5000/charts/demo");
    chart.setVersion("0.1.0");
    spec.setChart(chart);
    release.setSpec(spec);
    return release;
  }
}
