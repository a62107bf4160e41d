package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** How the chart is verified before it is used; Verified condition reports the outcome. */
public class Verification {

  @Required
  @JsonPropertyDescription("Verify a cosign signature of the chart artifact.")
  private CosignVerification cosign;

  public CosignVerification getCosign() {
    return cosign;
  }

  public void setCosign(CosignVerification cosign) {
    this.cosign = cosign;
  }
}
