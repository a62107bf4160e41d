package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Observed state, written only by the operator. Values never appear here, only their checksum:
 * status is readable by anyone who may read the OciHelmRelease, values may hold secrets.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OciHelmReleaseStatus {

  @JsonPropertyDescription("metadata.generation of the spec that was last reconciled.")
  private Long observedGeneration;

  @JsonPropertyDescription("Ready, Reconciling, Stalled (kstatus), Drifted, Verified.")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The chart that was resolved from spec.chart.")
  private ChartStatus chart;

  @JsonPropertyDescription("version@digest of the chart last attempted.")
  private String lastAttemptedRevision;

  @JsonPropertyDescription("version@digest of the chart last applied successfully.")
  private String lastAppliedRevision;

  @JsonPropertyDescription("sha256 of the merged values last applied (never the values).")
  private String lastAppliedValuesChecksum;

  @JsonPropertyDescription("sha256 of the merged values last attempted (never the values).")
  private String lastAttemptedValuesChecksum;

  @JsonPropertyDescription("Resources applied by the last successful revision, sorted.")
  private List<InventoryEntry> inventory = new ArrayList<>();

  @Size(max = 5)
  @JsonPropertyDescription("The last releases, newest first (at most 5).")
  private List<HistoryEntry> history = new ArrayList<>();

  @JsonPropertyDescription("Consecutive failed attempts since the last success.")
  private Long failures;

  @JsonPropertyDescription(
      "Last value of the annotation ocihelm.io/reconcile-requested-at that was handled.")
  private String lastHandledReconcileAt;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public ChartStatus getChart() {
    return chart;
  }

  public void setChart(ChartStatus chart) {
    this.chart = chart;
  }

  public String getLastAttemptedRevision() {
    return lastAttemptedRevision;
  }

  public void setLastAttemptedRevision(String lastAttemptedRevision) {
    this.lastAttemptedRevision = lastAttemptedRevision;
  }

  public String getLastAppliedRevision() {
    return lastAppliedRevision;
  }

  public void setLastAppliedRevision(String lastAppliedRevision) {
    this.lastAppliedRevision = lastAppliedRevision;
  }

  public String getLastAppliedValuesChecksum() {
    return lastAppliedValuesChecksum;
  }

  public void setLastAppliedValuesChecksum(String lastAppliedValuesChecksum) {
    this.lastAppliedValuesChecksum = lastAppliedValuesChecksum;
  }

  public String getLastAttemptedValuesChecksum() {
    return lastAttemptedValuesChecksum;
  }

  public void setLastAttemptedValuesChecksum(String lastAttemptedValuesChecksum) {
    this.lastAttemptedValuesChecksum = lastAttemptedValuesChecksum;
  }

  public List<InventoryEntry> getInventory() {
    return inventory;
  }

  public void setInventory(List<InventoryEntry> inventory) {
    this.inventory = inventory;
  }

  public List<HistoryEntry> getHistory() {
    return history;
  }

  public void setHistory(List<HistoryEntry> history) {
    this.history = history;
  }

  public Long getFailures() {
    return failures;
  }

  public void setFailures(Long failures) {
    this.failures = failures;
  }

  public String getLastHandledReconcileAt() {
    return lastHandledReconcileAt;
  }

  public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
    this.lastHandledReconcileAt = lastHandledReconcileAt;
  }
}
