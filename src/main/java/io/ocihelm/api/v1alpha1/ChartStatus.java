package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The chart the operator resolved: what {@code kubectl get ohr} shows as Chart/Version/Digest. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChartStatus {

  /** Hex characters of the digest shown in the Digest column, as `docker images` shortens IDs. */
  static final int SHORT_DIGEST_LENGTH = 12;

  @JsonPropertyDescription("Chart name from Chart.yaml.")
  private String name;

  @JsonPropertyDescription("Chart version from Chart.yaml.")
  private String version;

  @JsonPropertyDescription("appVersion from Chart.yaml.")
  private String appVersion;

  @JsonPropertyDescription("Manifest digest of the chart artifact (sha256:...).")
  private String digest;

  /**
   * The first hex characters of {@link #getDigest()}, for the printer column: a JSONPath column
   * cannot shorten a string, so the short form is serialized next to the digest, derived from it.
   */
  @JsonProperty(value = "shortDigest", access = JsonProperty.Access.READ_ONLY)
  @JsonPropertyDescription("Short form of digest, for display (derived from digest).")
  public String getShortDigest() {
    if (digest == null) {
      return null;
    }
    String hex = digest.substring(digest.indexOf(':') + 1);
    return hex.length() <= SHORT_DIGEST_LENGTH ? hex : hex.substring(0, SHORT_DIGEST_LENGTH);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getAppVersion() {
    return appVersion;
  }

  public void setAppVersion(String appVersion) {
    this.appVersion = appVersion;
  }

  public String getDigest() {
    return digest;
  }

  public void setDigest(String digest) {
    this.digest = digest;
  }
}
