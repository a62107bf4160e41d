package io.ocihelm.release;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered hook in a release record ({@code helm get hooks} prints them).
 *
 * @param name the hook object's metadata.name
 * @param kind the hook object's kind
 * @param path the template it came from, e.g. {@code demo/templates/tests/test-connection.yaml}
 * @param manifest the hook's YAML
 * @param events {@code helm.sh/hook} values, e.g. {@code pre-install}, {@code test}
 * @param lastRun Helm's {@code last_run} ({@code started_at}, {@code completed_at}, {@code phase})
 * @param weight {@code helm.sh/hook-weight}
 * @param deletePolicies {@code helm.sh/hook-delete-policy} values
 * @param unknownFields fields this model does not know (e.g. {@code output_log_policies}), kept
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "kind", "path", "manifest", "events", "last_run", "weight", "delete_policies"})
public record ReleaseHook(
    @JsonProperty("name") String name,
    @JsonProperty("kind") String kind,
    @JsonProperty("path") String path,
    @JsonProperty("manifest") String manifest,
    @JsonProperty("events") List<String> events,
    @JsonProperty("last_run") @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> lastRun,
    // Helm compat: a zero weight is omitted (Go omitempty), by helm 3 and 4 alike.
    @JsonProperty("weight") @JsonInclude(JsonInclude.Include.NON_DEFAULT) int weight,
    @JsonProperty("delete_policies") List<String> deletePolicies,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

  public ReleaseHook {
    events = events == null ? List.of() : List.copyOf(events);
    // Helm compat: helm 4 writes a hook that never ran as "last_run": {"phase": ""}.
    lastRun = lastRun == null ? Map.of("phase", "") : lastRun;
    deletePolicies = deletePolicies == null ? List.of() : List.copyOf(deletePolicies);
    unknownFields = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
  }

  /**
   * A hook that ran: Helm's {@code last_run} with {@code started_at}, {@code completed_at} (omitted
   * while running, as Go's omitempty time) and {@code phase}.
   */
  public static ReleaseHook ran(
      String name, String kind, String path, String manifest, List<String> events, int weight,
      List<String> deletePolicies, String phase, Instant startedAt, Instant completedAt) {
    Map<String, Object> lastRun = new LinkedHashMap<>();
    lastRun.put("started_at", HelmTime.format(startedAt));
    if (completedAt != null) {
      lastRun.put("completed_at", HelmTime.format(completedAt));
    }
    lastRun.put("phase", phase);
    return new ReleaseHook(name, kind, path, manifest, events, lastRun, weight, deletePolicies, null);
  }

  /** A hook that has not run. */
  public static ReleaseHook of(
      String name, String kind, String path, String manifest, List<String> events, int weight, List<String> deletePolicies) {
    return new ReleaseHook(name, kind, path, manifest, events, null, weight, deletePolicies, null);
  }
}
