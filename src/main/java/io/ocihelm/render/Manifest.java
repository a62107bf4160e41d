package io.ocihelm.render;

import java.util.List;

/**
 * One rendered YAML document with the template path it came from ({@code # Source:}), its kind
 * and name, and for a hook its events ({@code pre-install}, {@code test}, ...), its {@code
 * helm.sh/hook-weight} and its {@code helm.sh/hook-delete-policy} values as Helm reads them;
 * plain manifests have no events, weight 0 and no policies.
 */
public record Manifest(
    String path, String content, String kind, String name, List<String> hookEvents, int hookWeight,
    List<String> hookDeletePolicies) {
  public Manifest {
    hookEvents = List.copyOf(hookEvents);
    hookDeletePolicies = List.copyOf(hookDeletePolicies);
  }

  /** A document without hook weight or delete policies (a plain manifest when no events). */
  public Manifest(String path, String content, String kind, String name, List<String> hookEvents) {
    this(path, content, kind, name, hookEvents, 0, List.of());
  }

  public boolean isHook() {
    return !hookEvents.isEmpty();
  }

  public boolean isTestHook() {
    return hookEvents.contains("test");
  }
}
