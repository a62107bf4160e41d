package io.ocihelm.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A loaded chart: metadata, default values, schema, templates, other files and subcharts. Plain
 * data held in memory; {@link Dependencies} prunes and renames subcharts the way Helm does before
 * rendering, so a chart is processed once per render (copy it with {@link #copy()} first when the
 * same loaded chart renders several times).
 */
public final class Chart {
  private final ChartMetadata metadata;
  private Map<String, Object> values;
  private final byte[] schema;
  private final List<ChartFile> templates;
  private final List<ChartFile> files;
  private List<Chart> dependencies = new ArrayList<>();
  private Chart parent;

  public Chart(
      ChartMetadata metadata,
      Map<String, Object> values,
      byte[] schema,
      List<ChartFile> templates,
      List<ChartFile> files) {
    this.metadata = metadata;
    this.values = values;
    this.schema = schema;
    this.templates = List.copyOf(templates);
    this.files = List.copyOf(files);
  }

  public ChartMetadata metadata() {
    return metadata;
  }

  /** The chart's name; for an aliased subchart, its alias. */
  public String name() {
    return metadata.name;
  }

  /** Default values (values.yaml), as Go values. */
  public Map<String, Object> values() {
    return values;
  }

  void setValues(Map<String, Object> values) {
    this.values = values;
  }

  /** values.schema.json, or null. */
  public byte[] schema() {
    return schema;
  }

  public List<ChartFile> templates() {
    return templates;
  }

  /** Every file that is not Chart.yaml, values.yaml, the schema, a template or a subchart. */
  public List<ChartFile> files() {
    return files;
  }

  public List<Chart> dependencies() {
    return dependencies;
  }

  public Chart parent() {
    return parent;
  }

  public boolean isRoot() {
    return parent == null;
  }

  public void addDependency(Chart chart) {
    chart.parent = this;
    dependencies.add(chart);
  }

  void setDependencies(List<Chart> charts) {
    dependencies = new ArrayList<>();
    charts.forEach(this::addDependency);
  }

  /** {@code parent/charts/name} down from the root, as in {@code # Source:} lines. */
  public String fullPath() {
    return isRoot() ? name() : parent.fullPath() + "/charts/" + name();
  }

  /** CRD files ({@code crds/*.yaml|yml|json}) of this chart, then of its subcharts, recursively. */
  public List<Crd> crdObjects() {
    List<Crd> crds = new ArrayList<>();
    for (ChartFile f : files) {
      if (f.name().startsWith("crds/")
          && (f.name().endsWith(".yaml") || f.name().endsWith(".yml") || f.name().endsWith(".json"))) {
        crds.add(new Crd(f.name(), fullPath() + "/" + f.name(), f));
      }
    }
    for (Chart dep : dependencies) {
      crds.addAll(dep.crdObjects());
    }
    return crds;
  }

  /** A CRD file with the path Helm prints for it. */
  public record Crd(String name, String filename, ChartFile file) {}

  /** A deep copy of the tree (metadata and values too), for processing without touching this one. */
  public Chart copy() {
    Chart c = new Chart(metadata.copy(), Values.deepCopyMap(values), schema, templates, files);
    for (Chart dep : dependencies) {
      c.addDependency(dep.copy());
    }
    return c;
  }

  /** A copy sharing subcharts' content but with its own metadata (for aliases), as Helm does. */
  Chart aliasCopy(String alias) {
    Chart c = new Chart(metadata.copy(), values, schema, templates, files);
    if (!alias.isEmpty()) {
      c.metadata.name = alias;
    }
    for (Chart dep : dependencies) {
      c.addDependency(dep.shallowCopy());
    }
    return c;
  }

  private Chart shallowCopy() {
    Chart c = new Chart(metadata, values, schema, templates, files);
    c.dependencies = dependencies;
    return c;
  }
}
