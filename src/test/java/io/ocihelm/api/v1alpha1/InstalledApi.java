package io.ocihelm.api.v1alpha1;

import io.ocihelm.testbed.ToolRun;
import io.ocihelm.testbed.Kubectl;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.ocihelm.testbed.ControlPlane;
import java.time.Duration;

/**
 * Installs crds/ and deploy/ the way the README tells users to, once per control plane; the ITs of
 * this package share it (cluster-scoped objects cannot be per-test).
 */
final class InstalledApi {

  static final String CRD_NAME = "ocihelmreleases.ocihelm.io";

  private static ToolRun installation;

  private InstalledApi() {}

  /** The result of {@code kubectl apply --server-side -f crds/ -f deploy/}, run on first call. */
  static synchronized ToolRun install(ControlPlane controlPlane) {
    if (installation == null) {
      installation =
          new Kubectl(controlPlane.kubeconfig())
              .run("apply", "--server-side", "--field-manager=ocihelm-install", "-f", "crds/", "-f", "deploy/");
      if (installation.exitCode() == 0) {
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> isEstablished(controlPlane.adminClient().apiextensions().v1()
                .customResourceDefinitions().withName(CRD_NAME).get()));
      }
    }
    return installation;
  }

  private static boolean isEstablished(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** The smallest valid release: a chart repository and version. */
  static OciHelmRelease minimalRelease(String namespace, String name) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository("oci://ghcr.io/stefanprodan/charts/podinfo");
    chart.setVersion("6.7.1");
    spec.setChart(chart);
    release.setSpec(spec);
    return release;
  }
}
