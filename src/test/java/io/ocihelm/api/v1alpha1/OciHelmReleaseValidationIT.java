package io.ocihelm.api.v1alpha1;

import io.ocihelm.testbed.ToolRun;
import io.ocihelm.testbed.Kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.testbed.ControlPlane;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API server, with the CRD as users install it, accepts every documented example and rejects
 * malformed releases with a message that tells the user what to fix -- asserted on kubectl's output,
 * which is where users read it.
 */
@ExtendWith(TestBed.class)
class OciHelmReleaseValidationIT {

  private static final String VALID_CHART =
      "{repository: oci://ghcr.io/stefanprodan/charts/podinfo, version: 6.7.1}";

  /** An invalid release: its name, metadata.name, spec, and what kubectl must say. */
  record Invalid(String scenario, String name, String spec, String... expectedMessage) {
    @Override
    public String toString() {
      return scenario;
    }

    String manifest(String namespace) {
      return """
          apiVersion: ocihelm.io/v1alpha1
          kind: OciHelmRelease
          metadata: {name: %s, namespace: %s}
          %s
          """.formatted(name, namespace, spec == null ? "" : "spec: " + spec);
    }
  }

  private static Invalid invalid(String scenario, String spec, String... expectedMessage) {
    return new Invalid(scenario, "bad", spec, expectedMessage);
  }

  static Stream<Invalid> invalidReleases() {
    return Stream.of(
        invalid("digest is not sha256 plus 64 hex",
            "{chart: {repository: oci://ghcr.io/a/b, digest: 'sha256:abc'}}",
            "spec.chart.digest", "should match '^sha256:[a-f0-9]{64}$'"),
        invalid("repository over http",
            "{chart: {repository: 'https://charts.bitnami.com/bitnami/nginx'}}",
            "chart.repository must start with oci://"),
        invalid("repository missing",
            "{chart: {version: 6.7.1}}",
            "spec.chart.repository: Required value"),
        invalid("repository with a tag",
            "{chart: {repository: 'oci://ghcr.io/stefanprodan/charts/podinfo:6.7.1'}}",
            "no tag or digest: put the version in chart.version"),
        invalid("chart missing", "{releaseName: x}", "spec.chart: Required value"),
        invalid("spec missing", null, "spec is required"),
        invalid("interval is not a Go duration",
            "{chart: " + VALID_CHART + ", interval: '10 minutes'}",
            "spec.interval", "should match"),
        invalid("interval too short",
            "{chart: " + VALID_CHART + ", interval: 1s}",
            "interval must be at least 10s"),
        invalid("timeout zero",
            "{chart: " + VALID_CHART + ", timeout: 0s}",
            "timeout must be greater than zero"),
        invalid("unknown install crds policy",
            "{chart: " + VALID_CHART + ", install: {crds: Replace}}",
            "spec.install.crds: Unsupported value: \"Replace\"", "\"Create\", \"CreateReplace\", \"Skip\""),
        invalid("unknown drift detection mode",
            "{chart: " + VALID_CHART + ", driftDetection: {mode: correct}}",
            "spec.driftDetection.mode: Unsupported value: \"correct\"", "\"disabled\", \"enabled\", \"warn\""),
        invalid("unknown onExhausted action",
            "{chart: " + VALID_CHART + ", upgrade: {remediation: {onExhausted: retry}}}",
            "spec.upgrade.remediation.onExhausted: Unsupported value: \"retry\""),
        invalid("negative retries",
            "{chart: " + VALID_CHART + ", install: {remediation: {retries: -1}}}",
            "spec.install.remediation.retries", "greater than or equal to 0"),
        invalid("valuesFrom without name",
            "{chart: " + VALID_CHART + ", valuesFrom: [{kind: ConfigMap}]}",
            "spec.valuesFrom[0].name: Required value"),
        invalid("valuesFrom from a Deployment",
            "{chart: " + VALID_CHART + ", valuesFrom: [{kind: Deployment, name: web}]}",
            "spec.valuesFrom[0].kind: Unsupported value: \"Deployment\""),
        invalid("targetPath with doubled dot",
            "{chart: " + VALID_CHART + ", valuesFrom: [{kind: Secret, name: s, valuesKey: tag, targetPath: 'image..tag'}]}",
            "targetPath must be a Helm --set style path"),
        invalid("targetPath with a template",
            "{chart: " + VALID_CHART + ", valuesFrom: [{kind: Secret, name: s, valuesKey: x, targetPath: '{{ .Values.x }}'}]}",
            "targetPath must be a Helm --set style path"),
        invalid("targetPath on a whole values document",
            "{chart: " + VALID_CHART + ", valuesFrom: [{kind: ConfigMap, name: common, targetPath: image.tag}]}",
            "targetPath places one single value at a path, but valuesKey is values.yaml"),
        invalid("releaseName over 53 characters",
            "{chart: " + VALID_CHART + ", releaseName: " + "r".repeat(54) + "}",
            "spec.releaseName", "53"),
        invalid("releaseName with capitals",
            "{chart: " + VALID_CHART + ", releaseName: PodInfo}",
            "spec.releaseName", "should match"),
        new Invalid("metadata.name over 53 characters and no releaseName", "n".repeat(60),
            "{chart: " + VALID_CHART + "}",
            "metadata.name is longer than 53 characters", "set spec.releaseName"),
        invalid("plainHTTP together with tls",
            "{chart: " + VALID_CHART + ", plainHTTP: true, tls: {insecureSkipVerify: true}}",
            "plainHTTP talks to the registry without TLS"),
        invalid("drift ignore path not a JSON pointer",
            "{chart: " + VALID_CHART + ", driftDetection: {ignore: [{paths: [spec.replicas]}]}}",
            "ignore paths are JSON pointers"),
        invalid("auth without secretRef",
            "{chart: " + VALID_CHART + ", auth: {}}",
            "spec.auth.secretRef: Required value"),
        invalid("secretRef name with capitals",
            "{chart: " + VALID_CHART + ", auth: {secretRef: {name: GhcrPull}}}",
            "spec.auth.secretRef.name", "should match"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidReleases")
  void apiServerRejectsWithAMessageUsersUnderstand(Invalid release, ControlPlane controlPlane, TestNamespace ns) {
    InstalledApi.install(controlPlane).requireSuccess();

    ToolRun result =
        new Kubectl(controlPlane.kubeconfig()).runWithInput(release.manifest(ns.name()), "apply", "--server-side", "-f", "-");

    assertThat(result.exitCode()).as("kubectl exit code; stdout: %s", result.stdout()).isNotZero();
    assertThat(result.stderr()).contains("is invalid").contains(release.expectedMessage());
  }

  static Stream<Path> examples() {
    return CrdFixtures.exampleFiles().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleIsAccepted(Path example, ControlPlane controlPlane, TestNamespace ns) {
    InstalledApi.install(controlPlane).requireSuccess();

    ToolRun result =
        new Kubectl(controlPlane.kubeconfig()).run("apply", "--server-side", "-n", ns.name(), "-f", example.toString());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("ocihelmrelease.ocihelm.io/");
  }

  @Test
  void apiServerFillsInTheDocumentedDefaults(ControlPlane controlPlane, TestNamespace ns) {
    InstalledApi.install(controlPlane).requireSuccess();
    KubernetesClient admin = controlPlane.adminClient();

    OciHelmRelease created = admin.resource(InstalledApi.minimalRelease(ns.name(), "defaults")).create();

    OciHelmReleaseSpec spec = created.getSpec();
    assertThat(spec.getInterval()).isEqualTo("10m");
    assertThat(spec.getTimeout()).isEqualTo("5m");
    assertThat(spec.getWait()).isTrue();
    assertThat(spec.getPrune()).isTrue();
    assertThat(spec.getSuspend()).isFalse();
    assertThat(spec.getInstall().getCrds()).isEqualTo(CrdsPolicy.Create);
    assertThat(spec.getUpgrade().getCrds()).isEqualTo(CrdsPolicy.Skip);
    assertThat(spec.getUpgrade().getRemediation().getOnExhausted()).isEqualTo(ExhaustedAction.ROLLBACK);
    assertThat(spec.getDriftDetection().getMode()).isEqualTo(DriftDetectionMode.ENABLED);
    assertThat(spec.getUninstall().getKeepResources()).isFalse();
  }
}
