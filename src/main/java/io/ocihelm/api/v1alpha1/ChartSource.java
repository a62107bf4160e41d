package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Where the chart comes from: an OCI repository, narrowed by a version and/or a digest. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChartSource {

  /** OCI repository names: lowercase path components (distribution spec), host may carry a port. */
  static final String OCI_REPOSITORY_PATTERN =
      "^oci://[A-Za-z0-9.-]+(:[0-9]+)?(/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)+$";

  @Required
  @Size(max = 512)
  @ValidationRule(
      value = "self.startsWith('oci://')",
      message =
          "chart.repository must start with oci:// (for example oci://ghcr.io/stefanprodan/charts/podinfo);"
              + " http(s):// Helm repositories are not supported")
  @ValidationRule(
      value = "!self.startsWith('oci://') || self.matches(r'" + OCI_REPOSITORY_PATTERN + "')",
      message =
          "chart.repository must be oci://HOST/PATH with a lowercase path and no tag or digest: put"
              + " the version in chart.version and the digest in chart.digest")
  @JsonPropertyDescription(
      "OCI repository of the chart, e.g. oci://ghcr.io/stefanprodan/charts/podinfo (no tag, no"
          + " digest).")
  private String repository;

  @Size(min = 1, max = 128)
  @JsonPropertyDescription(
      "Exact chart version or a semver constraint (Masterminds syntax, e.g. 6.7.x or '>=1.2 <2')."
          + " Default: the highest stable version.")
  private String version;

  @Pattern("^sha256:[a-f0-9]{64}$")
  @JsonPropertyDescription(
      "Pin of the chart's manifest digest (sha256:<64 hex>). With a version, both must name the"
          + " same chart.")
  private String digest;

  public String getRepository() {
    return repository;
  }

  public void setRepository(String repository) {
    this.repository = repository;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getDigest() {
    return digest;
  }

  public void setDigest(String digest) {
    this.digest = digest;
  }
}
