package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** TLS towards the registry. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RegistryTls {

  @JsonPropertyDescription(
      "Secret with ca.crt (PEM CA bundle to trust) and optionally tls.crt/tls.key for mutual TLS.")
  private LocalSecretReference caSecretRef;

  @Default("false")
  @JsonPropertyDescription("Skip verification of the registry's certificate (insecure).")
  private Boolean insecureSkipVerify = false;

  public LocalSecretReference getCaSecretRef() {
    return caSecretRef;
  }

  public void setCaSecretRef(LocalSecretReference caSecretRef) {
    this.caSecretRef = caSecretRef;
  }

  public Boolean getInsecureSkipVerify() {
    return insecureSkipVerify;
  }

  public void setInsecureSkipVerify(Boolean insecureSkipVerify) {
    this.insecureSkipVerify = insecureSkipVerify;
  }
}
