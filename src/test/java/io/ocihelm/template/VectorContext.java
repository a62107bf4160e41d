package io.ocihelm.template;

import io.ocihelm.chart.Chart;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.render.Capabilities;
import io.ocihelm.render.ChartFiles;
import io.ocihelm.render.ReleaseInfo;
import io.ocihelm.render.TopLevelObjects;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.NamedMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's top-level data for one conformance chart, per the README "Harness conventions": .Values,
 * .Template as Helm's map, and render's real .Release, .Chart, .Capabilities and .Files objects.
 */
final class VectorContext {
  private VectorContext() {}

  static final String CHART = "conformance";

  /** The conformance chart's Chart.yaml, per the README's harness conventions. */
  private static final String CHART_YAML = """
      apiVersion: v2
      name: conformance
      description: Conformance test chart
      type: application
      version: 1.2.3
      appVersion: 4.5.6
      home: https://example.com/conformance
      keywords: [alpha, beta]
      annotations:
        team: core
      """;

  private static final Chart CONFORMANCE_CHART = new ChartLoader().loadFiles(
      List.of(new ChartFile("Chart.yaml", CHART_YAML.getBytes(StandardCharsets.UTF_8))));

  /** Helm's top-level data for one chart render (shared by all files, like Helm's vals). */
  static NamedMap topLevel(Map<String, Object> values, Map<String, String> files) {
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("Values", new NamedMap("common.Values", values));
    top.put("Release", TopLevelObjects.release(ReleaseInfo.install("t", "ns")));
    top.put("Chart", TopLevelObjects.chart(CONFORMANCE_CHART));
    top.put("Capabilities", capabilities());
    List<ChartFile> chartFiles = new ArrayList<>();
    files.forEach((name, text) -> chartFiles.add(new ChartFile(name, text.getBytes(StandardCharsets.UTF_8))));
    top.put("Files", ChartFiles.of(chartFiles));
    top.put("Subcharts", new LinkedHashMap<String, Object>());
    return new NamedMap("common.Values", top);
  }

  static void setTemplate(NamedMap top, String file) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("Name", file);
    t.put("BasePath", CHART + "/templates");
    top.put("Template", new NamedMap("common.Values", t));
  }

  static Map<String, Object> loadValues(String yaml) {
    return ChartLoader.loadValues(yaml);
  }

  private static GoObject capabilities() {
    return Capabilities.forTemplate("1.31.0", List.of(), Capabilities.DEFAULT_API_VERSIONS);
  }
}
