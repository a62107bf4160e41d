package io.ocihelm.api.v1alpha1;

import io.ocihelm.testbed.ToolRun;
import io.ocihelm.testbed.Kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.testbed.ControlPlane;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@code kubectl get ohr} and {@code kubectl wait} show for a release whose status the test
 * writes, playing the operator (as Strimzi's MockKube plays missing controllers).
 */
@ExtendWith(TestBed.class)
class PrinterColumnsIT {

  private static final String DIGEST =
      "sha256:9f2a3c1d7e4b5a6c8d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e";
  private static final String MESSAGE = "Helm install succeeded for podinfo 6.7.1";

  @Test
  void kubectlGetShowsReadyStatusChartVersionDigestAge(ControlPlane controlPlane, TestNamespace ns) {
    InstalledApi.install(controlPlane).requireSuccess();
    markReady(controlPlane.adminClient(), ns.name(), "podinfo");

    ToolRun get = new Kubectl(controlPlane.kubeconfig()).run("get", "ohr", "-n", ns.name()).requireSuccess();

    List<String> lines = get.stdout().lines().toList();
    assertThat(lines.getFirst().split("\\s+"))
        .containsExactly("NAME", "READY", "STATUS", "CHART", "VERSION", "DIGEST", "AGE");
    assertThat(lines.get(1))
        .startsWith("podinfo")
        .contains("True", MESSAGE, " podinfo ", "6.7.1", "9f2a3c1d7e4b")
        .doesNotContain(DIGEST);

    ToolRun wide = new Kubectl(controlPlane.kubeconfig()).run("get", "ohr", "-n", ns.name(), "-o", "wide").requireSuccess();
    assertThat(wide.stdout()).contains("REPOSITORY", "oci://ghcr.io/stefanprodan/charts/podinfo");
  }

  @Test
  void kubectlWaitForConditionReady(ControlPlane controlPlane, TestNamespace ns) {
    InstalledApi.install(controlPlane).requireSuccess();
    markReady(controlPlane.adminClient(), ns.name(), "podinfo");

    ToolRun wait = new Kubectl(controlPlane.kubeconfig())
        .run("wait", "--for=condition=Ready", "ohr/podinfo", "-n", ns.name(), "--timeout=20s");

    assertThat(wait.exitCode()).as(wait.stderr()).isZero();
    assertThat(wait.stdout()).contains("ocihelmrelease.ocihelm.io/podinfo condition met");
  }

  private static void markReady(KubernetesClient admin, String namespace, String name) {
    OciHelmRelease release = admin.resource(InstalledApi.minimalRelease(namespace, name)).create();
    OciHelmReleaseStatus status = new OciHelmReleaseStatus();
    status.setObservedGeneration(release.getMetadata().getGeneration());
    status.setConditions(List.of(new Condition(ConditionType.Ready, ConditionStatus.True, Reason.Succeeded,
        MESSAGE, release.getMetadata().getGeneration(), Instant.now().toString())));
    ChartStatus chart = new ChartStatus();
    chart.setName("podinfo");
    chart.setVersion("6.7.1");
    chart.setAppVersion("6.7.1");
    chart.setDigest(DIGEST);
    status.setChart(chart);
    release.setStatus(status);
    admin.resource(release).updateStatus();
  }
}
