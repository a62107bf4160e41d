package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Another OciHelmRelease that must be Ready first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DependencyReference {

  @Required
  @Size(min = 1, max = 253)
  @Pattern(OciHelmReleaseSpec.DNS_SUBDOMAIN_PATTERN)
  @JsonPropertyDescription("Name of the OciHelmRelease.")
  private String name;

  @Size(max = 63)
  @Pattern(OciHelmReleaseSpec.DNS_LABEL_PATTERN)
  @JsonPropertyDescription("Its namespace. Default: the namespace of this OciHelmRelease.")
  private String namespace;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
