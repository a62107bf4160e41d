package io.ocihelm.template;

import io.ocihelm.chart.ChartLoader;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.render.Capabilities;
import io.ocihelm.render.ChartFiles;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.NamedMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's top-level data for one conformance chart, per the README "Harness conventions": .Values,
 * .Release, .Chart, .Template as Helm's maps, and render's real .Capabilities and .Files objects.
 */
final class VectorContext {
  private VectorContext() {}

  static final String CHART = "conformance";

  /** Helm's top-level data for one chart render (shared by all files, like Helm's vals). */
  static NamedMap topLevel(Map<String, Object> values, Map<String, String> files) {
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("Values", new NamedMap("common.Values", values));
    Map<String, Object> release = new LinkedHashMap<>();
    release.put("Name", "t");
    release.put("Namespace", "ns");
    release.put("Revision", 1L);
    release.put("IsInstall", true);
    release.put("IsUpgrade", false);
    release.put("Service", "Helm");
    top.put("Release", release);
    top.put("Chart", chart());
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

  private static Map<String, Object> chart() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("APIVersion", "v2");
    c.put("Annotations", new LinkedHashMap<>(Map.of("team", "core")));
    c.put("AppVersion", "4.5.6");
    c.put("Condition", "");
    c.put("Dependencies", new ArrayList<>());
    c.put("Deprecated", false);
    c.put("Description", "Conformance test chart");
    c.put("Home", "https://example.com/conformance");
    c.put("Icon", "");
    c.put("IsRoot", true);
    c.put("Keywords", new ArrayList<>(List.of("alpha", "beta")));
    c.put("KubeVersion", "");
    c.put("Maintainers", new ArrayList<>());
    c.put("Name", CHART);
    c.put("Sources", new ArrayList<>());
    c.put("Tags", "");
    c.put("Type", "application");
    c.put("Version", "1.2.3");
    return c;
  }

  private static GoObject capabilities() {
    return Capabilities.forTemplate("1.31.0", List.of(), Capabilities.DEFAULT_API_VERSIONS);
  }
}
