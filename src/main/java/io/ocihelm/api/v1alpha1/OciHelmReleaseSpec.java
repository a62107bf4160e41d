package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** What to install and how: DESIGN.md §2. Defaults are applied by the API server. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!(has(self.plainHTTP) && self.plainHTTP && has(self.tls))",
    message = "plainHTTP talks to the registry without TLS, so spec.tls has no effect: remove one of them")
public class OciHelmReleaseSpec {

  /** Go duration syntax ({@code time.ParseDuration}) without sign: 30s, 5m, 1h30m, 1.5h. */
  static final String DURATION_PATTERN = "^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$";

  /**
   * Prefix of CEL rules that call duration(): a malformed value is already reported by the pattern,
   * and duration() on it would add a confusing evaluation error.
   */
  private static final String DURATION_IS_VALID = "!self.matches(r'" + DURATION_PATTERN + "') || ";

  /** Helm's release-name rule: a DNS-1123 subdomain (Helm also caps it at 53 characters). */
  static final String RELEASE_NAME_PATTERN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  static final String DNS_LABEL_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

  static final String DNS_SUBDOMAIN_PATTERN = RELEASE_NAME_PATTERN;

  @Required
  @JsonPropertyDescription("The chart to install: an oci:// repository plus a version or a digest.")
  private ChartSource chart;

  @JsonPropertyDescription(
      "Registry credentials. Without it the registry is accessed anonymously.")
  private RegistryAuth auth;

  @JsonPropertyDescription("TLS settings for the registry connection.")
  private RegistryTls tls;

  @JsonProperty("plainHTTP")
  @Default("false")
  @JsonPropertyDescription(
      "Talk to the registry over plain HTTP (local or development registries only).")
  private Boolean plainHTTP = false;

  @JsonPropertyDescription("Signature verification of the chart before it is used.")
  private Verification verify;

  @Size(max = 53)
  @Pattern(RELEASE_NAME_PATTERN)
  @JsonPropertyDescription(
      "Helm release name (at most 53 characters, lowercase DNS subdomain). Default:"
          + " metadata.name.")
  private String releaseName;

  @Size(max = 63)
  @Pattern(DNS_LABEL_PATTERN)
  @JsonPropertyDescription(
      "Namespace the chart is installed into (.Release.Namespace). Default: metadata.namespace.")
  private String targetNamespace;

  @Default("false")
  @JsonPropertyDescription("Create targetNamespace if it does not exist.")
  private Boolean createNamespace = false;

  @Size(max = 253)
  @Pattern(DNS_SUBDOMAIN_PATTERN)
  @JsonPropertyDescription(
      "ServiceAccount (in metadata.namespace) that every cluster call for this release"
          + " impersonates. Empty: the operator's own identity.")
  private String serviceAccountName;

  @PreserveUnknownFields
  @JsonPropertyDescription(
      "Chart values, as in a values.yaml file. Merged on top of valuesFrom (like --set after -f).")
  private JsonNode values;

  @Size(max = 32)
  @JsonPropertyDescription(
      "Values read from ConfigMaps and Secrets in metadata.namespace, merged in order (like -f a -f"
          + " b); spec.values goes on top.")
  private List<ValuesReference> valuesFrom = new ArrayList<>();

  @Default("10m")
  @Size(max = 32)
  @Pattern(DURATION_PATTERN)
  @ValidationRule(
      value = DURATION_IS_VALID + "duration(self) >= duration('10s')",
      message = "interval must be at least 10s: it sets how often the registry is polled")
  @JsonPropertyDescription(
      "How often the registry is re-checked and the release fully reconciled (Go duration, e.g."
          + " 10m).")
  private String interval = "10m";

  @Default("5m")
  @Size(max = 32)
  @Pattern(DURATION_PATTERN)
  @ValidationRule(
      value = DURATION_IS_VALID + "duration(self) > duration('0s')",
      message = "timeout must be greater than zero")
  @JsonPropertyDescription(
      "How long to wait for released resources to become healthy and for hooks (Go duration).")
  private String timeout = "5m";

  @Default("true")
  @JsonPropertyDescription("Report Ready only after the released resources are healthy.")
  private Boolean wait = true;

  @Default("{}")
  @JsonPropertyDescription("What to do on the first install.")
  private InstallSpec install = new InstallSpec();

  @Default("{}")
  @JsonPropertyDescription("What to do on upgrades.")
  private UpgradeSpec upgrade = new UpgradeSpec();

  @Default("{}")
  @JsonPropertyDescription("How changes made to released resources outside ocihelm are handled.")
  private DriftDetectionSpec driftDetection = new DriftDetectionSpec();

  @Default("true")
  @JsonPropertyDescription(
      "Delete resources that an upgrade no longer renders.")
  private Boolean prune = true;

  @Default("{}")
  @JsonPropertyDescription("What happens when this OciHelmRelease is deleted.")
  private UninstallSpec uninstall = new UninstallSpec();

  @Default("false")
  @JsonPropertyDescription("Stop reconciling; the installed release is left as it is.")
  private Boolean suspend = false;

  @Size(max = 32)
  @JsonPropertyDescription(
      "OciHelmReleases that must be Ready before this one is installed or upgraded.")
  private List<DependencyReference> dependsOn = new ArrayList<>();

  public ChartSource getChart() {
    return chart;
  }

  public void setChart(ChartSource chart) {
    this.chart = chart;
  }

  public RegistryAuth getAuth() {
    return auth;
  }

  public void setAuth(RegistryAuth auth) {
    this.auth = auth;
  }

  public RegistryTls getTls() {
    return tls;
  }

  public void setTls(RegistryTls tls) {
    this.tls = tls;
  }

  @JsonProperty("plainHTTP")
  public Boolean getPlainHTTP() {
    return plainHTTP;
  }

  @JsonProperty("plainHTTP")
  public void setPlainHTTP(Boolean plainHTTP) {
    this.plainHTTP = plainHTTP;
  }

  public Verification getVerify() {
    return verify;
  }

  public void setVerify(Verification verify) {
    this.verify = verify;
  }

  public String getReleaseName() {
    return releaseName;
  }

  public void setReleaseName(String releaseName) {
    this.releaseName = releaseName;
  }

  public String getTargetNamespace() {
    return targetNamespace;
  }

  public void setTargetNamespace(String targetNamespace) {
    this.targetNamespace = targetNamespace;
  }

  public Boolean getCreateNamespace() {
    return createNamespace;
  }

  public void setCreateNamespace(Boolean createNamespace) {
    this.createNamespace = createNamespace;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }

  public JsonNode getValues() {
    return values;
  }

  public void setValues(JsonNode values) {
    this.values = values;
  }

  public List<ValuesReference> getValuesFrom() {
    return valuesFrom;
  }

  public void setValuesFrom(List<ValuesReference> valuesFrom) {
    this.valuesFrom = valuesFrom;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public String getTimeout() {
    return timeout;
  }

  public void setTimeout(String timeout) {
    this.timeout = timeout;
  }

  public Boolean getWait() {
    return wait;
  }

  public void setWait(Boolean wait) {
    this.wait = wait;
  }

  public InstallSpec getInstall() {
    return install;
  }

  public void setInstall(InstallSpec install) {
    this.install = install;
  }

  public UpgradeSpec getUpgrade() {
    return upgrade;
  }

  public void setUpgrade(UpgradeSpec upgrade) {
    this.upgrade = upgrade;
  }

  public DriftDetectionSpec getDriftDetection() {
    return driftDetection;
  }

  public void setDriftDetection(DriftDetectionSpec driftDetection) {
    this.driftDetection = driftDetection;
  }

  public Boolean getPrune() {
    return prune;
  }

  public void setPrune(Boolean prune) {
    this.prune = prune;
  }

  public UninstallSpec getUninstall() {
    return uninstall;
  }

  public void setUninstall(UninstallSpec uninstall) {
    this.uninstall = uninstall;
  }

  public Boolean getSuspend() {
    return suspend;
  }

  public void setSuspend(Boolean suspend) {
    this.suspend = suspend;
  }

  public List<DependencyReference> getDependsOn() {
    return dependsOn;
  }

  public void setDependsOn(List<DependencyReference> dependsOn) {
    this.dependsOn = dependsOn;
  }
}
