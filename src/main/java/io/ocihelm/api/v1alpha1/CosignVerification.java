package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Cosign signature verification with public keys. */
public class CosignVerification {

  @Required
  @JsonPropertyDescription(
      "Secret whose keys each hold a PEM public key; a signature from any of them is accepted.")
  private LocalSecretReference publicKeySecretRef;

  public LocalSecretReference getPublicKeySecretRef() {
    return publicKeySecretRef;
  }

  public void setPublicKeySecretRef(LocalSecretReference publicKeySecretRef) {
    this.publicKeySecretRef = publicKeySecretRef;
  }
}
