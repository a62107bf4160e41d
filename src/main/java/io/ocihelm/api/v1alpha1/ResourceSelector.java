package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** Selects released resources; every field that is set must match, unset fields match all. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceSelector {

  @Size(max = 253)
  @JsonPropertyDescription("API group, e.g. apps (empty string: the core group).")
  private String group;

  @Size(max = 63)
  @JsonPropertyDescription("API version, e.g. v1.")
  private String version;

  @Size(max = 63)
  @JsonPropertyDescription("Kind, e.g. Deployment.")
  private String kind;

  @Size(max = 253)
  @JsonPropertyDescription("Object name.")
  private String name;

  @Size(max = 63)
  @JsonPropertyDescription("Object namespace.")
  private String namespace;

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

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
