package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Settings for upgrades of an installed release. */
public class UpgradeSpec {

  // Helm compat: `helm upgrade` never touches CRDs, hence Skip by default.
  @Default("Skip")
  @JsonPropertyDescription(
      "CRDs of the chart's crds/ directory: Skip (like helm upgrade), Create (only missing ones),"
          + " CreateReplace.")
  private CrdsPolicy crds = CrdsPolicy.Skip;

  @Default("{}")
  @JsonPropertyDescription("Retries of a failed upgrade and what to do when they are used up.")
  private UpgradeRemediation remediation = new UpgradeRemediation();

  public CrdsPolicy getCrds() {
    return crds;
  }

  public void setCrds(CrdsPolicy crds) {
    this.crds = crds;
  }

  public UpgradeRemediation getRemediation() {
    return remediation;
  }

  public void setRemediation(UpgradeRemediation remediation) {
    this.remediation = remediation;
  }
}
