package io.ocihelm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenAPI part of the CRD (what kubeconform and editors see too) rejects malformed specs at the
 * right field. CEL rules need the API server: see OciHelmReleaseValidationIT.
 */
class SchemaValidationTest {

  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
          .getSchema(CrdFixtures.openApiSchema());

  private static final String VALID =
      """
      apiVersion: ocihelm.io/v1alpha1
      kind: OciHelmRelease
      metadata: {name: podinfo}
      spec:
        chart: {repository: "oci://ghcr.io/stefanprodan/charts/podinfo", version: "6.7.1"}
      """;

  record Case(String name, String specPatch, String failingLocation) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> invalidSpecs() {
    return Stream.of(
        new Case("digest without sha256 prefix", "{chart: {digest: abc}}", "/spec/chart/digest"),
        new Case(
            "digest with uppercase hex",
            "{chart: {digest: 'sha256:" + "A".repeat(64) + "'}}",
            "/spec/chart/digest"),
        new Case("duration with spaces", "{interval: '10 minutes'}", "/spec/interval"),
        new Case("duration without unit", "{timeout: '300'}", "/spec/timeout"),
        new Case("unknown install crds policy", "{install: {crds: Replace}}", "/spec/install/crds"),
        new Case("drift mode in capitals", "{driftDetection: {mode: Enabled}}", "/spec/driftDetection/mode"),
        new Case(
            "unknown onExhausted action",
            "{upgrade: {remediation: {onExhausted: retry}}}",
            "/spec/upgrade/remediation/onExhausted"),
        new Case("negative retries", "{install: {remediation: {retries: -1}}}", "/spec/install/remediation/retries"),
        new Case("valuesFrom kind Deployment", "{valuesFrom: [{kind: Deployment, name: x}]}", "/spec/valuesFrom/0/kind"),
        new Case("valuesFrom without name", "{valuesFrom: [{kind: ConfigMap}]}", "/spec/valuesFrom/0"),
        new Case("releaseName over 53 characters", "{releaseName: " + "a".repeat(54) + "}", "/spec/releaseName"),
        new Case("releaseName with uppercase", "{releaseName: PodInfo}", "/spec/releaseName"),
        new Case("targetNamespace with underscore", "{targetNamespace: team_a}", "/spec/targetNamespace"),
        new Case("auth without secretRef", "{auth: {}}", "/spec/auth"),
        new Case("drift ignore rule without paths", "{driftDetection: {ignore: [{target: {kind: Deployment}}]}}", "/spec/driftDetection/ignore/0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSpecs")
  void rejectsInvalidSpec(Case c) throws Exception {
    ObjectNode release = (ObjectNode) CrdFixtures.YAML.readTree(VALID);
    ObjectNode patch = (ObjectNode) CrdFixtures.YAML.readTree(c.specPatch());
    ((ObjectNode) release.get("spec")).setAll(patch.deepCopy());
    // a deep patch of chart must keep the repository
    ((ObjectNode) release.get("spec").get("chart"))
        .put("repository", "oci://ghcr.io/stefanprodan/charts/podinfo");

    List<Error> errors = SCHEMA.validate(release);

    assertThat(errors)
        .extracting(e -> e.getInstanceLocation().toString())
        .contains(c.failingLocation());
  }

  @org.junit.jupiter.api.Test
  void acceptsTheMinimalRelease() throws Exception {
    assertThat(SCHEMA.validate(CrdFixtures.YAML.readTree(VALID))).isEmpty();
  }
}
