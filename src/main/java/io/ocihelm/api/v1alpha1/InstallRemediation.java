package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** Retries of a failed install and the last resort once they are used up. */
public class InstallRemediation {

  @Default("0")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription("How many times a failed install is retried (0: none).")
  private Integer retries = 0;

  @Default("none")
  @ValidationRule(value = "self != 'rollback'", message = "an install has no earlier revision to roll back to")
  @JsonPropertyDescription(
      "When retries are used up: uninstall (delete what the install applied) or none (leave it as it is).")
  private ExhaustedAction onExhausted = ExhaustedAction.NONE;

  public Integer getRetries() {
    return retries;
  }

  public void setRetries(Integer retries) {
    this.retries = retries;
  }

  public ExhaustedAction getOnExhausted() {
    return onExhausted;
  }

  public void setOnExhausted(ExhaustedAction onExhausted) {
    this.onExhausted = onExhausted;
  }
}
