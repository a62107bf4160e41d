package io.ocihelm.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Helm chart installed straight from an OCI registry. The printer columns are what {@code kubectl
 * get ohr} shows; Ready and Status read the standard {@code Ready} condition, so {@code kubectl wait
 * --for=condition=Ready ohr/NAME} works as for any kstatus-compliant resource.
 */
@Group(OciHelmRelease.GROUP)
@Version(OciHelmRelease.VERSION)
@ShortNames("ohr")
@AdditionalPrinterColumn(
    name = "Ready",
    type = Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(
    name = "Status",
    type = Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].message")
@AdditionalPrinterColumn(name = "Chart", type = Type.STRING, jsonPath = ".status.chart.name")
@AdditionalPrinterColumn(name = "Version", type = Type.STRING, jsonPath = ".status.chart.version")
@AdditionalPrinterColumn(
    name = "Digest",
    type = Type.STRING,
    jsonPath = ".status.chart.shortDigest")
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ".metadata.creationTimestamp")
@AdditionalPrinterColumn(
    name = "Repository",
    type = Type.STRING,
    priority = 1,
    jsonPath = ".spec.chart.repository")
// Helm compat: release names are limited to 53 characters (Helm's own check), and the release name
// defaults to metadata.name, which Kubernetes allows up to 253.
@ValidationRule(
    value = "has(self.spec)",
    fieldPath = ".spec",
    reason = "FieldValueRequired",
    message = "spec is required: an OciHelmRelease needs at least spec.chart.repository")
@ValidationRule(
    fieldPath = ".spec.releaseName",
    reason = "FieldValueRequired",
    value = "!has(self.spec) || has(self.spec.releaseName) || size(self.metadata.name) <= 53",
    message =
        "metadata.name is longer than 53 characters, the limit Helm puts on release names: set"
            + " spec.releaseName to a shorter name")
public class OciHelmRelease extends CustomResource<OciHelmReleaseSpec, OciHelmReleaseStatus>
    implements Namespaced {

  public static final String GROUP = "ocihelm.io";
  public static final String VERSION = "v1alpha1";

  @Override
  protected OciHelmReleaseStatus initStatus() {
    return new OciHelmReleaseStatus();
  }
}
