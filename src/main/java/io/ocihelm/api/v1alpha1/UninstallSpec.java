package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** What happens to the release when its OciHelmRelease is deleted. */
public class UninstallSpec {

  @Default("false")
  @JsonPropertyDescription(
      "Leave the released resources in the cluster (like helm uninstall --keep-history plus"
          + " resource-policy keep on everything).")
  private Boolean keepResources = false;

  public Boolean getKeepResources() {
    return keepResources;
  }

  public void setKeepResources(Boolean keepResources) {
    this.keepResources = keepResources;
  }
}
