package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** One source of values: a key of a ConfigMap or Secret in the namespace of the OciHelmRelease. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.targetPath) || self.targetPath == '' || !has(self.valuesKey)"
            + " || self.valuesKey != 'values.yaml'",
    message =
        "targetPath places one single value at a path, but valuesKey is values.yaml (a whole values"
            + " document): set valuesKey to the key that holds the value, or drop targetPath to merge"
            + " the document")
public class ValuesReference {

  /**
   * Helm --set path syntax: dot-separated keys, list indexes as [n], a literal dot escaped as \. .
   */
  private static final String TARGET_PATH_SEGMENT =
      "(\\\\\\.|[A-Za-z0-9_/-])+(\\[[0-9]{1,5}\\])*";

  static final String TARGET_PATH_PATTERN =
      "^" + TARGET_PATH_SEGMENT + "(\\." + TARGET_PATH_SEGMENT + ")*$";

  @Required
  @JsonPropertyDescription("Kind of the source: ConfigMap or Secret.")
  private ValuesSourceKind kind;

  @Required
  @Size(min = 1, max = 253)
  @Pattern(OciHelmReleaseSpec.DNS_SUBDOMAIN_PATTERN)
  @JsonPropertyDescription("Name of the ConfigMap or Secret, in the namespace of the OciHelmRelease.")
  private String name;

  @Default("values.yaml")
  @Size(min = 1, max = 253)
  @Pattern("^[-._a-zA-Z0-9]+$")
  @JsonPropertyDescription("Data key that holds the values. Default: values.yaml.")
  private String valuesKey = "values.yaml";

  @Size(max = 250)
  @ValidationRule(
      value = "self == '' || self.matches(r'" + TARGET_PATH_PATTERN + "')",
      message =
          "targetPath must be a Helm --set style path such as ingress.hosts[0].host (keys separated"
              + " by dots, no leading, trailing or doubled dot, list indexes as [n], literal dots as \\.)")
  @JsonPropertyDescription(
      "If set, the key's content is one value placed at this path (Helm --set syntax, e.g."
          + " image.tag), instead of a values document merged at the root.")
  private String targetPath;

  @Default("false")
  @JsonPropertyDescription("Tolerate a missing ConfigMap, Secret or key instead of failing.")
  private Boolean optional = false;

  public ValuesSourceKind getKind() {
    return kind;
  }

  public void setKind(ValuesSourceKind kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValuesKey() {
    return valuesKey;
  }

  public void setValuesKey(String valuesKey) {
    this.valuesKey = valuesKey;
  }

  public String getTargetPath() {
    return targetPath;
  }

  public void setTargetPath(String targetPath) {
    this.targetPath = targetPath;
  }

  public Boolean getOptional() {
    return optional;
  }

  public void setOptional(Boolean optional) {
    this.optional = optional;
  }
}
