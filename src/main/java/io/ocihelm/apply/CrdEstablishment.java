package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/**
 * Waits for CustomResourceDefinitions to be Established (their kinds served) before objects of
 * those kinds are applied, and tells discovery caches that the served kinds changed. The wait is a
 * watch on the one CRD, so it returns as soon as the condition appears (usually milliseconds),
 * bounded by the release's timeout.
 */
public final class CrdEstablishment {
  public static final String API_GROUP = "apiextensions.k8s.io";
  public static final String KIND = "CustomResourceDefinition";

  private final KubernetesClient client;
  private final Runnable servedKindsChanged;

  /** @param servedKindsChanged called once CRDs are established (e.g. to refresh .Capabilities) */
  public CrdEstablishment(KubernetesClient client, Runnable servedKindsChanged) {
    this.client = client;
    this.servedKindsChanged = servedKindsChanged;
  }

  /** True for a CustomResourceDefinition object of any apiextensions version. */
  public static boolean isCrd(String apiVersion, String kind) {
    return KIND.equals(kind) && apiVersion != null && apiVersion.startsWith(API_GROUP + "/");
  }

  /**
   * @throws ApplyException (terminal) when a CRD is not Established within {@code timeout}, or
   *     reports NamesAccepted=False (its names clash with another CRD)
   */
  public void await(Collection<String> names, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      for (String name : names) {
        Inventory.Entry entry = new Inventory.Entry("apiextensions.k8s.io/v1", KIND, "", name);
        long left = Math.max(1, deadline - System.nanoTime());
        CustomResourceDefinition crd;
        try {
          crd = client.apiextensions().v1().customResourceDefinitions().withName(name)
              .waitUntilCondition(c -> c == null || settled(c), left, TimeUnit.NANOSECONDS);
        } catch (KubernetesClientTimeoutException e) {
          throw new ApplyException(entry, "not Established within " + timeout, false, e);
        } catch (KubernetesClientException e) {
          throw ServerSideApplier.classify(entry, e);
        }
        if (crd == null) {
          throw new ApplyException(entry, "deleted while waiting for it to be Established", true, null);
        }
        if (!hasCondition(crd, "Established", "True")) {
          throw new ApplyException(entry, "not Established: " + message(crd, "NamesAccepted"), false, null);
        }
      }
    } finally {
      servedKindsChanged.run();
    }
  }

  private static boolean settled(CustomResourceDefinition crd) {
    return hasCondition(crd, "Established", "True") || hasCondition(crd, "NamesAccepted", "False");
  }

  private static boolean hasCondition(CustomResourceDefinition crd, String type, String status) {
    return crd.getStatus() != null && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && status.equals(c.getStatus()));
  }

  private static String message(CustomResourceDefinition crd, String type) {
    return crd.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .map(c -> c.getReason() + ": " + c.getMessage())
        .findFirst().orElse("no " + type + " condition");
  }
}
