package io.ocihelm.assess;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When is a released object healthy? kstatus' rules (the ones {@code kubectl wait}, Flux and
 * {@code helm --wait} in helm 4 use), read from the live object only:
 *
 * <ul>
 *   <li>every kind: not being deleted, and {@code status.observedGeneration} (when present) has
 *       caught up with {@code metadata.generation};
 *   <li>Deployment, StatefulSet, DaemonSet, ReplicaSet: their controller has observed the current
 *       generation and every desired replica is updated, ready and available;
 *   <li>Pod Running and Ready, or Succeeded; Job Complete; PersistentVolumeClaim Bound; a Service
 *       of type LoadBalancer has an ingress address; APIService Available; CRD Established;
 *   <li>anything else: a Stalled condition is a failure, Reconciling=True or Ready other than
 *       True is progress; no conditions at all means current once it exists.
 * </ul>
 */
public final class HealthRules {

  /**
   * Kinds that have no status to wait for: current as soon as they exist. Right after a successful
   * apply their health is known without reading them back (no API call per ConfigMap).
   */
  private static final Set<String> CURRENT_WHEN_PRESENT = Set.of(
      "/ConfigMap", "/Secret", "/ServiceAccount", "/LimitRange", "/Endpoints",
      "rbac.authorization.k8s.io/Role", "rbac.authorization.k8s.io/ClusterRole",
      "rbac.authorization.k8s.io/RoleBinding", "rbac.authorization.k8s.io/ClusterRoleBinding",
      "networking.k8s.io/NetworkPolicy", "networking.k8s.io/IngressClass",
      "scheduling.k8s.io/PriorityClass", "storage.k8s.io/StorageClass",
      "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
      "admissionregistration.k8s.io/MutatingWebhookConfiguration");

  private HealthRules() {}

  /** Whether the kind's health depends on more than its existence (its status, its spec). */
  public static boolean dependsOnState(String apiVersion, String kind) {
    return !CURRENT_WHEN_PRESENT.contains(group(apiVersion) + "/" + kind);
  }

  public static Health assess(GenericKubernetesResource object) {
    if (object.getMetadata() != null && object.getMetadata().getDeletionTimestamp() != null) {
      return Health.inProgress("being deleted");
    }
    Optional<Health> stale = staleGeneration(object);
    if (stale.isPresent()) {
      return stale.get();
    }
    String group = group(object.getApiVersion());
    return switch (group + "/" + object.getKind()) {
      case "apps/Deployment" -> deployment(object);
      case "apps/StatefulSet" -> statefulSet(object);
      case "apps/DaemonSet" -> daemonSet(object);
      case "apps/ReplicaSet" -> replicaSet(object);
      case "/Pod" -> pod(object);
      case "batch/Job" -> job(object);
      case "/PersistentVolumeClaim" -> persistentVolumeClaim(object);
      case "/Service" -> service(object);
      case "apiregistration.k8s.io/APIService" -> conditionTrue(object, "Available", "not Available");
      case "apiextensions.k8s.io/CustomResourceDefinition" -> customResourceDefinition(object);
      default -> generic(object);
    };
  }

  // kstatus: a controller that reports observedGeneration has not seen the latest spec yet.
  private static Optional<Health> staleGeneration(GenericKubernetesResource object) {
    Object observed = object.get("status", "observedGeneration");
    Long generation = object.getMetadata() == null ? null : object.getMetadata().getGeneration();
    if (observed == null || generation == null || number(observed) >= generation) {
      return Optional.empty();
    }
    return Optional.of(Health.inProgress(
        "generation " + generation + " not yet observed (observed " + number(observed) + ")"));
  }

  /** Workloads have no observedGeneration until their controller has seen them at all. */
  private static Optional<Health> notObserved(GenericKubernetesResource object) {
    return object.get("status", "observedGeneration") == null
        ? Optional.of(Health.inProgress("not yet observed by its controller"))
        : Optional.empty();
  }

  private static Health deployment(GenericKubernetesResource d) {
    Optional<Health> unobserved = notObserved(d);
    if (unobserved.isPresent()) {
      return unobserved.get();
    }
    Optional<Map<String, Object>> progressing = condition(d, "Progressing");
    if (progressing.isPresent() && "ProgressDeadlineExceeded".equals(progressing.get().get("reason"))) {
      return Health.failed("progress deadline exceeded");
    }
    long desired = replicas(d);
    long current = count(d, "replicas");
    long updated = count(d, "updatedReplicas");
    long ready = count(d, "readyReplicas");
    long available = count(d, "availableReplicas");
    if (updated < desired) {
      return Health.inProgress(updated + " of " + desired + " replicas updated");
    }
    if (current > updated) {
      return Health.inProgress((current - updated) + " old replicas pending termination");
    }
    if (ready < desired) {
      return Health.inProgress(ready + " of " + desired + " replicas ready");
    }
    if (available < desired) {
      return Health.inProgress(available + " of " + desired + " replicas available");
    }
    if (!isTrue(condition(d, "Available"))) {
      return Health.inProgress("not Available");
    }
    return Health.current();
  }

  private static Health statefulSet(GenericKubernetesResource s) {
    Optional<Health> unobserved = notObserved(s);
    if (unobserved.isPresent()) {
      return unobserved.get();
    }
    long desired = replicas(s);
    long current = count(s, "replicas");
    long ready = count(s, "readyReplicas");
    if (current > desired) {
      return Health.inProgress((current - desired) + " replicas pending termination");
    }
    if (ready < desired) {
      return Health.inProgress(ready + " of " + desired + " replicas ready");
    }
    // OnDelete: pods are only replaced when someone deletes them; nothing to wait for.
    if ("OnDelete".equals(s.get("spec", "updateStrategy", "type"))) {
      return Health.current();
    }
    Object partition = s.get("spec", "updateStrategy", "rollingUpdate", "partition");
    if (partition != null) {
      long wanted = Math.max(0, desired - number(partition));
      long updated = count(s, "updatedReplicas");
      return updated < wanted
          ? Health.inProgress(updated + " of " + wanted + " replicas updated (partition " + number(partition) + ")")
          : Health.current();
    }
    long updated = count(s, "updatedReplicas");
    if (updated < desired) {
      return Health.inProgress(updated + " of " + desired + " replicas updated");
    }
    Object currentRevision = s.get("status", "currentRevision");
    Object updateRevision = s.get("status", "updateRevision");
    if (updateRevision != null && !updateRevision.equals(currentRevision)) {
      return Health.inProgress("rolling update to revision " + updateRevision + " in progress");
    }
    return Health.current();
  }

  private static Health daemonSet(GenericKubernetesResource d) {
    Optional<Health> unobserved = notObserved(d);
    if (unobserved.isPresent()) {
      return unobserved.get();
    }
    long desired = count(d, "desiredNumberScheduled");
    for (String field : List.of("currentNumberScheduled", "updatedNumberScheduled", "numberReady", "numberAvailable")) {
      long have = count(d, field);
      if (have < desired) {
        return Health.inProgress(field + " " + have + " of " + desired);
      }
    }
    return Health.current();
  }

  private static Health replicaSet(GenericKubernetesResource r) {
    Optional<Health> unobserved = notObserved(r);
    if (unobserved.isPresent()) {
      return unobserved.get();
    }
    Optional<Map<String, Object>> replicaFailure = condition(r, "ReplicaFailure");
    if (isTrue(replicaFailure)) {
      return Health.failed("ReplicaFailure: " + replicaFailure.get().getOrDefault("message", ""));
    }
    long desired = replicas(r);
    long current = count(r, "replicas");
    long ready = count(r, "readyReplicas");
    long available = count(r, "availableReplicas");
    if (current > desired) {
      return Health.inProgress((current - desired) + " replicas pending termination");
    }
    if (ready < desired) {
      return Health.inProgress(ready + " of " + desired + " replicas ready");
    }
    if (available < desired) {
      return Health.inProgress(available + " of " + desired + " replicas available");
    }
    return Health.current();
  }

  private static Health pod(GenericKubernetesResource p) {
    Object phase = p.get("status", "phase");
    if ("Succeeded".equals(phase)) {
      return Health.current();
    }
    if ("Failed".equals(phase)) {
      Object message = p.get("status", "message");
      return Health.failed("pod failed" + (message == null ? "" : ": " + message));
    }
    if ("Running".equals(phase) && isTrue(condition(p, "Ready"))) {
      return Health.current();
    }
    return Health.inProgress(phase == null ? "not yet scheduled" : "phase " + phase + ", not Ready");
  }

  private static Health job(GenericKubernetesResource j) {
    Optional<Map<String, Object>> failed = condition(j, "Failed");
    if (isTrue(failed)) {
      return Health.failed("job failed: " + failed.get().getOrDefault("message", failed.get().getOrDefault("reason", "")));
    }
    return isTrue(condition(j, "Complete")) ? Health.current() : Health.inProgress("not Complete");
  }

  private static Health persistentVolumeClaim(GenericKubernetesResource c) {
    Object phase = c.get("status", "phase");
    return "Bound".equals(phase) ? Health.current() : Health.inProgress(phase == null ? "not Bound" : "phase " + phase + ", not Bound");
  }

  private static Health service(GenericKubernetesResource s) {
    if (!"LoadBalancer".equals(s.get("spec", "type"))) {
      return Health.current();
    }
    Object ingress = s.get("status", "loadBalancer", "ingress");
    return ingress instanceof List<?> list && !list.isEmpty()
        ? Health.current()
        : Health.inProgress("load balancer has no ingress address yet");
  }

  private static Health customResourceDefinition(GenericKubernetesResource crd) {
    Optional<Map<String, Object>> names = condition(crd, "NamesAccepted");
    if (names.isPresent() && "False".equals(names.get().get("status"))) {
      return Health.failed("names not accepted: " + names.get().getOrDefault("message", ""));
    }
    return conditionTrue(crd, "Established", "not Established");
  }

  private static Health conditionTrue(GenericKubernetesResource object, String type, String otherwise) {
    Optional<Map<String, Object>> condition = condition(object, type);
    if (isTrue(condition)) {
      return Health.current();
    }
    return Health.inProgress(condition.map(c -> c.get("message")).map(m -> otherwise + ": " + m).orElse(otherwise));
  }

  private static Health generic(GenericKubernetesResource object) {
    Optional<Map<String, Object>> stalled = condition(object, "Stalled");
    if (isTrue(stalled)) {
      return Health.failed("Stalled: " + stalled.get().getOrDefault("message", stalled.get().getOrDefault("reason", "")));
    }
    Optional<Map<String, Object>> reconciling = condition(object, "Reconciling");
    if (isTrue(reconciling)) {
      return Health.inProgress("Reconciling: " + reconciling.get().getOrDefault("message", ""));
    }
    Optional<Map<String, Object>> ready = condition(object, "Ready");
    if (ready.isPresent() && !isTrue(ready)) {
      return Health.inProgress("Ready=" + ready.get().get("status")
          + Optional.ofNullable(ready.get().get("message")).map(m -> ": " + m).orElse(""));
    }
    return Health.current();
  }

  private static String group(String apiVersion) {
    int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  // Kubernetes defaults spec.replicas to 1 for workloads.
  private static long replicas(GenericKubernetesResource object) {
    Object replicas = object.get("spec", "replicas");
    return replicas == null ? 1 : number(replicas);
  }

  private static long count(GenericKubernetesResource object, String statusField) {
    Object value = object.get("status", statusField);
    return value == null ? 0 : number(value);
  }

  private static long number(Object value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> condition(GenericKubernetesResource object, String type) {
    if (!(object.get("status", "conditions") instanceof List<?> conditions)) {
      return Optional.empty();
    }
    return conditions.stream()
        .filter(c -> c instanceof Map<?, ?> map && type.equals(map.get("type")))
        .map(c -> (Map<String, Object>) c)
        .findFirst();
  }

  private static boolean isTrue(Optional<Map<String, Object>> condition) {
    return condition.map(c -> "True".equals(c.get("status"))).orElse(false);
  }
}
