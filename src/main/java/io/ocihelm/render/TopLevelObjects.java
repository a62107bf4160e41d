package io.ocihelm.render;

import io.ocihelm.chart.Chart;
import java.util.Map;

/**
 * Helm's top-level template objects as the renderer builds them ({@code .Release}, {@code .Chart}),
 * for callers that evaluate templates outside a whole-chart render (the function-vector harness
 * renders single templates against the same objects).
 */
public final class TopLevelObjects {
  private TopLevelObjects() {}

  /** {@code .Release} for {@code info}. */
  public static Map<String, Object> release(ReleaseInfo info) {
    return RenderContext.release(info);
  }

  /** {@code .Chart} for {@code chart}: its metadata by Go field name, plus IsRoot. */
  public static Map<String, Object> chart(Chart chart) {
    return RenderContext.chartObject(chart);
  }
}
