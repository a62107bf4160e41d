package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One release attempt, mirroring a Helm release record ({@code helm history}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class HistoryEntry {

  @JsonPropertyDescription(
      "Helm release revision (the N of the record Secret sh.helm.release.v1.<release>.vN).")
  private Long revision;

  @JsonPropertyDescription("Chart version of this revision.")
  private String chartVersion;

  @JsonPropertyDescription("Chart manifest digest of this revision.")
  private String digest;

  @JsonPropertyDescription("sha256 of the merged values of this revision.")
  private String valuesChecksum;

  @JsonPropertyDescription(
      "Helm release status: deployed, failed, superseded, uninstalled, pending-install, ...")
  private String status;

  @JsonPropertyDescription("When the attempt started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the attempt finished (RFC 3339).")
  private String finishedAt;

  @JsonPropertyDescription("Outcome in words, e.g. the failure.")
  private String message;

  public Long getRevision() {
    return revision;
  }

  public void setRevision(Long revision) {
    this.revision = revision;
  }

  public String getChartVersion() {
    return chartVersion;
  }

  public void setChartVersion(String chartVersion) {
    this.chartVersion = chartVersion;
  }

  public String getDigest() {
    return digest;
  }

  public void setDigest(String digest) {
    this.digest = digest;
  }

  public String getValuesChecksum() {
    return valuesChecksum;
  }

  public void setValuesChecksum(String valuesChecksum) {
    this.valuesChecksum = valuesChecksum;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(String finishedAt) {
    this.finishedAt = finishedAt;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
