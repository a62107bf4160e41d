package io.ocihelm.render;

import io.ocihelm.chart.Chart;
import java.util.List;

/**
 * What a render produces: manifests in install order, hooks (sorted by kind), the root chart's
 * NOTES.txt output, and the CRD files of the chart tree (applied before everything else).
 */
public record RenderedRelease(List<Manifest> manifests, List<Manifest> hooks, String notes, List<Chart.Crd> crds) {
  public RenderedRelease {
    manifests = List.copyOf(manifests);
    hooks = List.copyOf(hooks);
    crds = List.copyOf(crds);
  }
}
