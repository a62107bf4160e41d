package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** Settings for the first install of the release. */
public class InstallSpec {

  @Default("Create")
  @JsonPropertyDescription(
      "CRDs of the chart's crds/ directory: Skip, Create (only missing ones), CreateReplace.")
  private CrdsPolicy crds = CrdsPolicy.Create;

  @Default("{}")
  @JsonPropertyDescription("Retries of a failed install.")
  private InstallRemediation remediation = new InstallRemediation();

  public CrdsPolicy getCrds() {
    return crds;
  }

  public void setCrds(CrdsPolicy crds) {
    this.crds = crds;
  }

  public InstallRemediation getRemediation() {
    return remediation;
  }

  public void setRemediation(InstallRemediation remediation) {
    this.remediation = remediation;
  }
}
