package io.ocihelm.apply.hook;

import io.ocihelm.render.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which hooks an event runs and in which order, and which delete policies apply to each: the
 * pure part of Helm's {@code execHook}, apart from the cluster calls.
 */
public final class HookPlan {
  public static final String PRE_INSTALL = "pre-install";
  public static final String POST_INSTALL = "post-install";
  public static final String PRE_UPGRADE = "pre-upgrade";
  public static final String POST_UPGRADE = "post-upgrade";
  public static final String PRE_DELETE = "pre-delete";
  public static final String POST_DELETE = "post-delete";

  public static final String BEFORE_HOOK_CREATION = "before-hook-creation";
  public static final String HOOK_SUCCEEDED = "hook-succeeded";
  public static final String HOOK_FAILED = "hook-failed";

  // Helm compat: hooks arrive sorted by kind (install order); a stable sort by weight, equal
  // weights by name (Helm's hookByWeight), keeps kind order only among equal weight and name.
  private static final Comparator<Manifest> EXECUTION_ORDER =
      Comparator.comparingInt(Manifest::hookWeight).thenComparing(Manifest::name);

  private HookPlan() {}

  /** The hooks of {@code event} in the order Helm runs them. */
  public static List<Manifest> forEvent(List<Manifest> hooks, String event) {
    List<Manifest> selected = new ArrayList<>();
    for (Manifest hook : hooks) {
      if (hook.hookEvents().contains(event)) {
        selected.add(hook);
      }
    }
    selected.sort(EXECUTION_ORDER);
    return selected;
  }

  /** Helm compat: a hook that names no delete policy gets {@value #BEFORE_HOOK_CREATION}. */
  public static List<String> deletePolicies(Manifest hook) {
    return hook.hookDeletePolicies().isEmpty() ? List.of(BEFORE_HOOK_CREATION) : hook.hookDeletePolicies();
  }

  /**
   * Whether {@code policy} deletes {@code hook}. Helm compat: a CustomResourceDefinition hook is
   * never deleted (its deletion would garbage-collect every object of its kinds).
   */
  public static boolean deletes(Manifest hook, String policy) {
    return !"CustomResourceDefinition".equals(hook.kind()) && deletePolicies(hook).contains(policy);
  }
}
