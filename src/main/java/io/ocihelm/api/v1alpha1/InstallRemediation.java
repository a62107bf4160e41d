package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Retries of a failed install. */
public class InstallRemediation {

  @Default("0")
  @Min(0)
  @Max(100)
  @JsonPropertyDescription("How many times a failed install is retried (0: none).")
  private Integer retries = 0;

  public Integer getRetries() {
    return retries;
  }

  public void setRetries(Integer retries) {
    this.retries = retries;
  }
}
