package io.ocihelm.reconciler;

import static io.ocihelm.reconciler.ReconcileTriggersIT.awaitReady;
import static io.ocihelm.reconciler.ReconcileTriggersIT.base64;
import static io.ocihelm.reconciler.ReconcileTriggersIT.get;
import static io.ocihelm.reconciler.ReconcileTriggersIT.meta;
import static io.ocihelm.reconciler.ReconcileTriggersIT.pushDemoChart;
import static io.ocihelm.reconciler.ReconcileTriggersIT.reference;
import static io.ocihelm.reconciler.ReconcileTriggersIT.releaseRecord;
import static io.ocihelm.reconciler.ReconcileTriggersIT.rendered;
import static io.ocihelm.reconciler.ReconcileTriggersIT.requestReconcile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.ValuesSourceKind;
import io.ocihelm.testbed.ControlPlane;
import io.ocihelm.testbed.OperatorProcess;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same triggers as {@link ReconcileTriggersIT}, through the packaged operator (Quarkus builds
 * the controller configuration from the annotations at build time): a valuesFrom Secret change and
 * the reconcile-requested-at annotation each start a release promptly, with interval 10m.
 */
@ExtendWith(TestBed.class)
class PackagedOperatorTriggersIT {
  private static final Duration PROMPTLY = Duration.ofSeconds(30);

  @Test
  void aValuesSecretChangeAndTheAnnotationReconcileThePackagedOperatorsRelease(
      KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp) throws IOException {
    String repository = pushDemoChart(registry, ns, tmp);
    try (OperatorProcess operator = OperatorProcess.start(ControlPlane.shared(), List.of(ns.name()))) {
      admin.resource(new SecretBuilder().withMetadata(meta(ns, "demo-secret-values"))
          .addToData("values.yaml", base64("greeting: hello\n")).build()).create();
      OciHelmRelease release = ReconcileTriggersIT.release(ns, "demo", repository, "0.1.0");
      release.getSpec().setValuesFrom(new ArrayList<>(List.of(reference(ValuesSourceKind.Secret, "demo-secret-values"))));
      admin.resource(release).create();
      awaitReady(admin, ns, "demo");
      assertThat(rendered(admin, ns)).containsEntry("greeting", "hello");

      admin.secrets().inNamespace(ns.name()).withName("demo-secret-values")
          .edit(s -> new SecretBuilder(s).addToData("values.yaml", base64("greeting: bye\n")).build());
      await().atMost(PROMPTLY).until(() -> "bye".equals(rendered(admin, ns).get("greeting")));
      await().atMost(PROMPTLY).until(() -> releaseRecord(admin, ns, 2));

      requestReconcile(admin, ns, "2026-11-26T02:00:00Z");
      await().atMost(PROMPTLY).until(() -> "2026-11-26T02:00:00Z".equals(
          get(admin, ns, "demo").getStatus().getLastHandledReconcileAt()));
      await().atMost(PROMPTLY).until(() -> releaseRecord(admin, ns, 3));
      assertThat(operator.isAlive()).as("operator log: %s", operator.logFile()).isTrue();
    }
  }
}
