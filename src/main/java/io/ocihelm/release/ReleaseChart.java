package io.ocihelm.release;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ocihelm.chart.Chart;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.chart.ChartMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart stored in a release record. {@code helm list} and {@code helm history} read the name,
 * version and appVersion from {@code metadata}; {@code helm get values --all} merges {@code
 * values} under the record's config; {@code helm rollback} re-renders from {@code templates}.
 *
 * <p>{@code metadata} is Chart.yaml as a JSON object in Helm's field names ({@code apiVersion},
 * {@code appVersion}, {@code kubeVersion}, …), kept as a map so nothing a chart declares is lost.
 * Subcharts are not stored (Helm does not store them either: its JSON omits dependencies).
 *
 * @param metadata Chart.yaml, e.g. {@code {"apiVersion":"v2","name":"demo","version":"0.1.0","appVersion":"1.16.0"}}
 * @param lock Chart.lock, or {@code null}
 * @param templates the root chart's {@code templates/} files
 * @param values the chart's default values (values.yaml)
 * @param schema values.schema.json, or {@code null}
 * @param files the chart's other files (README, .helmignore, …)
 * @param unknownFields fields this model does not know (helm 4's {@code modtime}), kept
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"metadata", "lock", "templates", "values", "schema", "files"})
public record ReleaseChart(
    @JsonProperty("metadata") Map<String, Object> metadata,
    @JsonProperty("lock") Object lock,
    @JsonProperty("templates") List<ReleaseFile> templates,
    @JsonProperty("values") Map<String, Object> values,
    @JsonProperty("schema") byte[] schema,
    @JsonProperty("files") List<ReleaseFile> files,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

  public ReleaseChart {
    metadata = metadata == null ? Map.of() : metadata;
    templates = templates == null ? List.of() : List.copyOf(templates);
    values = values == null ? Map.of() : values;
    files = files == null ? List.of() : List.copyOf(files);
    unknownFields = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
  }

  /** A chart record with the common fields; {@code lock} and {@code schema} may be {@code null}. */
  public static ReleaseChart of(
      Map<String, Object> metadata, List<ReleaseFile> templates, Map<String, Object> values, byte[] schema, List<ReleaseFile> files) {
    return new ReleaseChart(metadata, null, templates, values, schema, files, null);
  }

  /**
   * The record of a loaded root chart, as Helm writes it: Chart.yaml's fields in Helm's order with
   * empty ones omitted, the chart's own templates, values.yaml, schema and other files.
   */
  public static ReleaseChart from(Chart chart) {
    return of(metadata(chart.metadata()), files(chart.templates()), chart.values(), chart.schema(), files(chart.files()));
  }

  // Helm compat: Helm's Metadata JSON tags, in declaration order, every one omitempty.
  private static Map<String, Object> metadata(ChartMetadata m) {
    Map<String, Object> json = new LinkedHashMap<>();
    putIfPresent(json, "name", m.name);
    putIfPresent(json, "home", m.home);
    putIfPresent(json, "sources", m.sources);
    putIfPresent(json, "version", m.version);
    putIfPresent(json, "description", m.description);
    putIfPresent(json, "keywords", m.keywords);
    if (!m.maintainers.isEmpty()) {
      List<Map<String, Object>> maintainers = new ArrayList<>();
      for (ChartMetadata.Maintainer maintainer : m.maintainers) {
        Map<String, Object> entry = new LinkedHashMap<>();
        putIfPresent(entry, "name", maintainer.name());
        putIfPresent(entry, "email", maintainer.email());
        putIfPresent(entry, "url", maintainer.url());
        maintainers.add(entry);
      }
      json.put("maintainers", maintainers);
    }
    putIfPresent(json, "icon", m.icon);
    putIfPresent(json, "apiVersion", m.apiVersion);
    putIfPresent(json, "condition", m.condition);
    putIfPresent(json, "tags", m.tags);
    putIfPresent(json, "appVersion", m.appVersion);
    if (m.deprecated) {
      json.put("deprecated", true);
    }
    putIfPresent(json, "annotations", m.annotations);
    putIfPresent(json, "kubeVersion", m.kubeVersion);
    if (!m.dependencies.isEmpty()) {
      List<Map<String, Object>> dependencies = new ArrayList<>();
      for (ChartMetadata.Dependency d : m.dependencies) {
        Map<String, Object> entry = new LinkedHashMap<>();
        putIfPresent(entry, "name", d.name);
        putIfPresent(entry, "version", d.version);
        putIfPresent(entry, "repository", d.repository);
        putIfPresent(entry, "condition", d.condition);
        putIfPresent(entry, "tags", d.tags);
        if (d.enabled) {
          entry.put("enabled", true);
        }
        putIfPresent(entry, "import-values", d.importValues);
        putIfPresent(entry, "alias", d.alias);
        dependencies.add(entry);
      }
      json.put("dependencies", dependencies);
    }
    putIfPresent(json, "type", m.type);
    return json;
  }

  private static void putIfPresent(Map<String, Object> json, String key, Object value) {
    boolean empty =
        value == null
            || (value instanceof String text && text.isEmpty())
            || (value instanceof java.util.Collection<?> list && list.isEmpty())
            || (value instanceof Map<?, ?> map && map.isEmpty());
    if (!empty) {
      json.put(key, value);
    }
  }

  private static List<ReleaseFile> files(List<ChartFile> files) {
    return files.stream().map(file -> ReleaseFile.of(file.name(), file.data())).toList();
  }

  /** {@code metadata.name}, "" when absent. */
  @JsonIgnore
  public String name() {
    return metadataString("name");
  }

  /** {@code metadata.version}, "" when absent. */
  @JsonIgnore
  public String version() {
    return metadataString("version");
  }

  /** {@code metadata.appVersion}, "" when absent. */
  @JsonIgnore
  public String appVersion() {
    return metadataString("appVersion");
  }

  private String metadataString(String key) {
    Object value = metadata.get(key);
    return value == null ? "" : value.toString();
  }
}
