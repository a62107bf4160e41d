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
 * One revision of a Helm release, as Helm stores it: the JSON inside the {@code
 * sh.helm.release.v1.<name>.v<version>} Secret (see {@link ReleaseRecordCodec}).
 *
 * <p>Fields we do not model (helm 4's {@code modtime}s, helm 3's {@code info.resources}, whatever
 * a later helm adds) are kept in {@code unknownFields} and written back unchanged, so re-labelling
 * a record written by the helm CLI (e.g. marking it superseded) loses nothing.
 *
 * @param name the release name
 * @param info status and timestamps of this revision
 * @param chart the chart as installed (metadata, templates, default values, schema, files)
 * @param config the user-supplied values (what {@code helm get values} prints), not the merged ones
 * @param manifest the rendered manifests, {@code ---}-separated, in install order, hooks excluded
 * @param hooks the rendered hooks
 * @param version the revision number, 1 for an install
 * @param namespace the release's namespace
 * @param applyMethod helm 4: {@code "ssa"} or {@code "csa"}, how the manifests were applied
 * @param labels the Secret's custom labels (helm's {@code --labels}), system labels excluded; not in the JSON
 * @param unknownFields top-level JSON fields this model does not know, kept for writing back
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "info", "chart", "config", "manifest", "hooks", "version", "namespace", "apply_method"})
public record ReleaseRecord(
    @JsonProperty("name") String name,
    @JsonProperty("info") ReleaseInfo info,
    @JsonProperty("chart") ReleaseChart chart,
    @JsonProperty("config") Map<String, Object> config,
    @JsonProperty("manifest") String manifest,
    @JsonProperty("hooks") List<ReleaseHook> hooks,
    @JsonProperty("version") int version,
    @JsonProperty("namespace") String namespace,
    @JsonProperty("apply_method") String applyMethod,
    @JsonIgnore Map<String, String> labels,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

  /** Helm 4's value for a release applied with server-side apply, as we apply. */
  public static final String APPLY_METHOD_SERVER_SIDE = "ssa";

  public ReleaseRecord {
    config = config == null ? Map.of() : config;
    hooks = hooks == null ? List.of() : List.copyOf(hooks);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    unknownFields = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
  }

  /** This revision's status ({@link ReleaseStatus#UNKNOWN} when the record has no info). */
  @JsonIgnore
  public ReleaseStatus status() {
    return info == null || info.status() == null ? ReleaseStatus.UNKNOWN : info.status();
  }

  /** A copy with {@code info} replaced. */
  public ReleaseRecord withInfo(ReleaseInfo newInfo) {
    return new ReleaseRecord(name, newInfo, chart, config, manifest, hooks, version, namespace, applyMethod, labels, unknownFields);
  }

  /** A copy with the given status and description, everything else unchanged. */
  public ReleaseRecord withStatus(ReleaseStatus status, String description) {
    ReleaseInfo current = info == null ? ReleaseInfo.of(null, null, status, description, null) : info;
    return withInfo(current.withStatus(status, description));
  }

  /** A copy with the hooks replaced (e.g. with the last runs of hooks run since it was written). */
  public ReleaseRecord withHooks(List<ReleaseHook> newHooks) {
    return new ReleaseRecord(name, info, chart, config, manifest, newHooks, version, namespace, applyMethod, labels, unknownFields);
  }

  /** A copy with the custom labels replaced. */
  public ReleaseRecord withLabels(Map<String, String> newLabels) {
    return new ReleaseRecord(name, info, chart, config, manifest, hooks, version, namespace, applyMethod, newLabels, unknownFields);
  }
}
