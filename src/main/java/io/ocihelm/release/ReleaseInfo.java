package io.ocihelm.release;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Helm's {@code info}: what {@code helm history} shows for a revision.
 *
 * @param firstDeployed when revision 1 of the release was installed (copied forward by upgrades)
 * @param lastDeployed when this revision was written
 * @param deleted when the release was uninstalled with kept history; {@code null} otherwise
 * @param description e.g. "Install complete", "Upgrade complete", or the failure
 * @param status the revision's status
 * @param notes the rendered NOTES.txt of the root chart
 * @param unknownFields fields this model does not know (helm 3's {@code resources}), kept
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"first_deployed", "last_deployed", "deleted", "description", "status", "notes"})
public record ReleaseInfo(
    @JsonProperty("first_deployed") @JsonSerialize(using = HelmTime.Serializer.class) @JsonDeserialize(using = HelmTime.Deserializer.class)
        Instant firstDeployed,
    @JsonProperty("last_deployed") @JsonSerialize(using = HelmTime.Serializer.class) @JsonDeserialize(using = HelmTime.Deserializer.class)
        Instant lastDeployed,
    @JsonProperty("deleted") @JsonSerialize(using = HelmTime.Serializer.class) @JsonDeserialize(using = HelmTime.Deserializer.class)
        Instant deleted,
    @JsonProperty("description") String description,
    @JsonProperty("status") ReleaseStatus status,
    @JsonProperty("notes") String notes,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

  public ReleaseInfo {
    unknownFields = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
  }

  /** The info of a fresh revision. */
  public static ReleaseInfo of(
      Instant firstDeployed, Instant lastDeployed, ReleaseStatus status, String description, String notes) {
    return new ReleaseInfo(firstDeployed, lastDeployed, null, description, status, notes, null);
  }

  /** A copy with the given status and description. */
  public ReleaseInfo withStatus(ReleaseStatus newStatus, String newDescription) {
    return new ReleaseInfo(firstDeployed, lastDeployed, deleted, newDescription, newStatus, notes, unknownFields);
  }
}
