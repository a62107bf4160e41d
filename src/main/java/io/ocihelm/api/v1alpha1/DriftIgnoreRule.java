package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** JSON pointers to ignore, on all released resources or on those the target selects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DriftIgnoreRule {

  @Required
  @Size(min = 1, max = 64)
  @ValidationRule(
      value = "self.all(p, p.startsWith('/'))",
      message = "ignore paths are JSON pointers (RFC 6901) and start with /, e.g. /spec/replicas")
  @JsonPropertyDescription("JSON pointers (RFC 6901) of the ignored fields, e.g. /spec/replicas.")
  private List<@Size(max = 512) String> paths = new ArrayList<>();

  @JsonPropertyDescription("Resources the rule applies to. Default: every released resource.")
  private ResourceSelector target;

  public List<@Size(max = 512) String> getPaths() {
    return paths;
  }

  public void setPaths(List<@Size(max = 512) String> paths) {
    this.paths = paths;
  }

  public ResourceSelector getTarget() {
    return target;
  }

  public void setTarget(ResourceSelector target) {
    this.target = target;
  }
}
