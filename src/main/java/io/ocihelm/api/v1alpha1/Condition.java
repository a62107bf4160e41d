package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A condition, shaped like {@code metav1.Condition} so that kubectl and kstatus tools read it. Type
 * and reason are plain strings on the wire (readers must tolerate values they do not know); this
 * operator only writes the constants of {@link ConditionType} and {@link Reason}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Condition {

  @Required
  @Size(min = 1, max = 316)
  @Pattern("^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$")
  @JsonPropertyDescription("Type of the condition: Ready, Reconciling, Stalled, Drifted, Verified.")
  private String type;

  @Required
  @JsonPropertyDescription("True, False or Unknown.")
  private ConditionStatus status;

  @Min(0)
  @JsonPropertyDescription("metadata.generation the condition was computed for.")
  private Long observedGeneration;

  @Required
  @JsonPropertyDescription("When the status last changed (RFC 3339).")
  private String lastTransitionTime;

  @Required
  @Size(min = 1, max = 1024)
  @Pattern("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$")
  @JsonPropertyDescription("Machine-readable reason in UpperCamelCase, e.g. ChartNotFound.")
  private String reason;

  @Size(max = 32768)
  @JsonPropertyDescription("Human-readable explanation.")
  private String message;

  public Condition() {}

  public Condition(
      ConditionType type,
      ConditionStatus status,
      Reason reason,
      String message,
      long observedGeneration,
      String lastTransitionTime) {
    this.type = type.name();
    this.status = status;
    this.reason = reason.name();
    this.message = message;
    this.observedGeneration = observedGeneration;
    this.lastTransitionTime = lastTransitionTime;
  }

  /** Whether this condition is of the given type. */
  public boolean is(ConditionType conditionType) {
    return conditionType.name().equals(type);
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public ConditionStatus getStatus() {
    return status;
  }

  public void setStatus(ConditionStatus status) {
    this.status = status;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
