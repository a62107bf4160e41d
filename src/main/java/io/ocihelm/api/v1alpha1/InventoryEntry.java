package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One resource applied by the release; the inventory is what prune compares against. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InventoryEntry {

  @Required
  @JsonPropertyDescription("apiVersion, e.g. apps/v1.")
  private String apiVersion;

  @Required
  @JsonPropertyDescription("Kind, e.g. Deployment.")
  private String kind;

  @JsonPropertyDescription("Namespace (absent for cluster-scoped resources).")
  private String namespace;

  @Required
  @JsonPropertyDescription("Name.")
  private String name;

  public InventoryEntry() {}

  public InventoryEntry(String apiVersion, String kind, String namespace, String name) {
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
