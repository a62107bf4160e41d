package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Registry credentials. */
public class RegistryAuth {

  @Required
  @JsonPropertyDescription(
      "Secret with the credentials: type kubernetes.io/dockerconfigjson, kubernetes.io/basic-auth,"
          + " or Opaque with username/password or token.")
  private LocalSecretReference secretRef;

  public LocalSecretReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalSecretReference secretRef) {
    this.secretRef = secretRef;
  }
}
