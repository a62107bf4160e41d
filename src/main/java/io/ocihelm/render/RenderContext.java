package io.ocihelm.render;

import io.ocihelm.chart.Chart;
import io.ocihelm.chart.ChartMetadata;
import io.ocihelm.template.value.NamedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data each template sees as {@code .}, built per chart the way Helm's engine builds it: the
 * root chart gets the coalesced values, a subchart its own section; all share {@code .Release} and
 * {@code .Capabilities}; {@code .Subcharts} holds each child's data; {@code .Template} is set just
 * before each file renders (one map per chart, as in Helm).
 */
final class RenderContext {
  static final String COMMON_VALUES = "common.Values";

  private RenderContext() {}

  /** A template file of the chart tree with the data it renders with. */
  record Renderable(String name, String text, Map<String, Object> data, String basePath) {}

  static Map<String, Object> release(ReleaseInfo info) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("Name", info.name());
    r.put("Namespace", info.namespace());
    r.put("IsUpgrade", info.isUpgrade());
    r.put("IsInstall", info.isInstall());
    r.put("Revision", info.revision());
    r.put("Service", "Helm");
    return r;
  }

  /** Collects every template of the tree (library charts: partials only) with its data. */
  static Map<String, Object> collect(
      Chart chart,
      Map<String, Object> values,
      Map<String, Object> release,
      Capabilities capabilities,
      String parentId,
      List<Renderable> out) {
    String id = parentId.isEmpty() ? chart.name() : parentId + "/charts/" + chart.name();
    Map<String, Object> subcharts = new LinkedHashMap<>();
    Map<String, Object> next = new LinkedHashMap<>();
    next.put("Chart", chartObject(chart));
    next.put("Files", ChartFiles.of(chart.files()));
    next.put("Release", release);
    next.put("Capabilities", capabilities);
    next.put("Values", new NamedMap(COMMON_VALUES, values));
    next.put("Subcharts", subcharts);
    for (Chart child : chart.dependencies()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> childValues =
          values.get(child.name()) instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
      if (values.get(child.name()) instanceof NamedMap nm) {
        childValues = nm.entries();
      }
      subcharts.put(child.name(), collect(child, childValues, release, capabilities, id, out));
    }
    for (var t : chart.templates()) {
      if (chart.metadata().isLibrary() && !baseName(t.name()).startsWith("_")) {
        continue;
      }
      out.add(new Renderable(id + "/" + t.name(), t.text(), next, id + "/templates"));
    }
    return next;
  }

  /** {@code .Chart} in Helm 4's form: the metadata fields by Go name, plus IsRoot. */
  static Map<String, Object> chartObject(Chart chart) {
    ChartMetadata m = chart.metadata();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("Name", m.name);
    c.put("Home", m.home);
    c.put("Sources", new ArrayList<Object>(m.sources));
    c.put("Version", m.version);
    c.put("Description", m.description);
    c.put("Keywords", new ArrayList<Object>(m.keywords));
    List<Object> maintainers = new ArrayList<>();
    for (ChartMetadata.Maintainer mt : m.maintainers) {
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("Name", mt.name());
      mm.put("Email", mt.email());
      mm.put("URL", mt.url());
      maintainers.add(mm);
    }
    c.put("Maintainers", maintainers);
    c.put("Icon", m.icon);
    c.put("APIVersion", m.apiVersion);
    c.put("Condition", m.condition);
    c.put("Tags", m.tags);
    c.put("AppVersion", m.appVersion);
    c.put("Deprecated", m.deprecated);
    c.put("Annotations", new LinkedHashMap<String, Object>(m.annotations));
    c.put("KubeVersion", m.kubeVersion);
    List<Object> deps = new ArrayList<>();
    for (ChartMetadata.Dependency d : m.dependencies) {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("Name", d.name);
      dm.put("Version", d.version);
      dm.put("Repository", d.repository);
      dm.put("Condition", d.condition);
      dm.put("Tags", new ArrayList<Object>(d.tags));
      dm.put("Enabled", d.enabled);
      dm.put("ImportValues", new ArrayList<>(d.importValues));
      dm.put("Alias", d.alias);
      deps.add(dm);
    }
    c.put("Dependencies", deps);
    c.put("Type", m.type);
    c.put("IsRoot", chart.isRoot());
    return c;
  }

  static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
