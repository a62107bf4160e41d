package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Retries of a failed upgrade and the last resort once they are used up. */
public class UpgradeRemediation {

  @Default("0")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription("How many times a failed upgrade is retried (0: none).")
  private Integer retries = 0;

  @Default("rollback")
  @JsonPropertyDescription(
      "When retries are used up: rollback (to the last successful revision), uninstall, or none.")
  private ExhaustedAction onExhausted = ExhaustedAction.ROLLBACK;

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
