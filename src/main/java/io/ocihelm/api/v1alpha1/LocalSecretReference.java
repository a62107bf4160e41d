package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/**
 * A Secret in the namespace of the OciHelmRelease. Cross-namespace references are not offered: they
 * would let a release read credentials its author may not read.
 */
public class LocalSecretReference {

  @Required
  @Size(min = 1, max = 253)
  @Pattern(OciHelmReleaseSpec.DNS_SUBDOMAIN_PATTERN)
  @JsonPropertyDescription("Name of the Secret, in the namespace of the OciHelmRelease.")
  private String name;

  public LocalSecretReference() {}

  public LocalSecretReference(String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
