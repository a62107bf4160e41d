package io.ocihelm.release;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
