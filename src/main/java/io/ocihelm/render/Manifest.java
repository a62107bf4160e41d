package io.ocihelm.render;

import java.util.List;

/**
 * One rendered YAML document with the template path it came from ({@code # Source:}), its kind
 * and name, and for a hook its events ({@code pre-install}, {@code test}, ...); plain manifests
 * have no events.
 */
public record Manifest(String path, String content, String kind, String name, List<String> hookEvents) {
  public Manifest {
    hookEvents = List.copyOf(hookEvents);
  }

  public boolean isHook() {
    return !hookEvents.isEmpty();
  }

  public boolean isTestHook() {
    return hookEvents.contains("test");
  }
}
