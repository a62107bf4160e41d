package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.chart.Chart;
import io.ocihelm.chart.ChartLoadException;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.oci.PulledChart;
import io.ocihelm.oci.RegistryException;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.LeastRecentlyUsed;
import io.ocihelm.reconciler.ReleaseRequest;
import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.Map;

/**
 * Act: downloads the resolved chart (blobs through the shared cache, verified against their
 * digests by the registry client) and loads it. Parsed charts are kept by manifest digest, so a
 * thousand releases of one chart parse it once; the renderer works on a copy.
 */
public final class FetchChart implements ReleaseStep {
  private static final int PARSED_CHARTS_KEPT = 64;

  private final RegistryAccess registries;
  private final ChartLoader loader;
  private final Map<String, Chart> parsedByDigest =
      Collections.synchronizedMap(LeastRecentlyUsed.map(PARSED_CHARTS_KEPT));

  public FetchChart(RegistryAccess registries, ChartLoader loader) {
    this.registries = registries;
    this.loader = loader;
  }

  @Override
  public void run(ReleaseRequest request) {
    ReleaseRequest.ResolvedChart resolved = request.resolvedChart();
    Chart chart = parsedByDigest.get(resolved.digest());
    if (chart == null) {
      PulledChart pulled;
      try {
        pulled = registries.puller(request).fetch(resolved.reference().withDigest(resolved.digest()));
      } catch (RegistryException e) {
        throw RegistryFailures.of(e);
      }
      try {
        chart = loader.loadArchive(new ByteArrayInputStream(pulled.archive()));
      } catch (ChartLoadException e) {
        // The same digest always holds the same broken archive: stalled until the spec changes.
        throw ReconcileFailure.terminal(Reason.RenderFailed, e.getMessage(), e);
      }
      parsedByDigest.put(resolved.digest(), chart);
    }
    if (resolved.version().isEmpty()) {
      request.setResolvedChart(new ReleaseRequest.ResolvedChart(
          resolved.reference(), chart.metadata().version, resolved.digest()));
    }
    request.setChart(chart);
  }
}
