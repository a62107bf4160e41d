package io.ocihelm.apply.hook;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an applied hook has finished, read the way Helm's kube client reads it: a Job is done
 * with condition Complete=True and failed with Failed=True; a Pod is done in phase Succeeded and
 * failed in phase Failed; every other kind is done once applied.
 */
public sealed interface HookStatus {
  record Running() implements HookStatus {}

  record Succeeded() implements HookStatus {}

  record Failed(String message) implements HookStatus {}

  /** True for the kinds Helm waits on; others finish when applied. */
  static boolean isAwaited(String kind) {
    return "Job".equals(kind) || "Pod".equals(kind);
  }

  static HookStatus of(GenericKubernetesResource live) {
    String name = live.getMetadata().getName();
    Map<String, Object> status = map(live.getAdditionalProperties().get("status"));
    return switch (live.getKind()) {
      case "Job" -> job(name, status);
      case "Pod" -> pod(name, status);
      default -> new Succeeded();
    };
  }

  // Helm compat: the first of Complete/Failed found True in the conditions decides ("job %s failed: %s").
  private static HookStatus job(String name, Map<String, Object> status) {
    Object conditions = status.get("conditions");
    if (conditions instanceof List<?> list) {
      for (Object item : list) {
        Map<String, Object> condition = map(item);
        if (!"True".equals(condition.get("status"))) {
          continue;
        }
        if ("Complete".equals(condition.get("type"))) {
          return new Succeeded();
        }
        if ("Failed".equals(condition.get("type"))) {
          return new Failed("job " + name + " failed: " + Optional.ofNullable(condition.get("reason")).orElse(""));
        }
      }
    }
    return new Running();
  }

  private static HookStatus pod(String name, Map<String, Object> status) {
    Object phase = status.get("phase");
    if ("Succeeded".equals(phase)) {
      return new Succeeded();
    }
    if ("Failed".equals(phase)) {
      return new Failed("pod " + name + " failed");
    }
    return new Running();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}
