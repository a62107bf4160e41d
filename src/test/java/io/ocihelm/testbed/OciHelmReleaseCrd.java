package io.ocihelm.testbed;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The checked-in OciHelmRelease CRD on the test bed's API server, as `kubectl apply -f crds/` does. */
public final class OciHelmReleaseCrd {
  private static final Path CRD = Path.of("crds/ocihelmreleases.ocihelm.io-v1.yml");
  private static final Duration ESTABLISHED_WITHIN = Duration.ofSeconds(60);

  private OciHelmReleaseCrd() {}

  /** Applies the CRD (server-side, forced: every IT applies the same file) and waits until it is Established. */
  public static void install(KubernetesClient admin) {
    CustomResourceDefinition crd;
    try (InputStream in = Files.newInputStream(CRD)) {
      crd = admin.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    admin.resource(crd).fieldManager("ocihelm-test").forceConflicts().serverSideApply();
    await().atMost(ESTABLISHED_WITHIN).until(() -> {
      CustomResourceDefinition live = admin.apiextensions().v1().customResourceDefinitions()
          .withName(crd.getMetadata().getName()).get();
      return live.getStatus() != null && live.getStatus().getConditions().stream()
          .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
    });
  }
}
