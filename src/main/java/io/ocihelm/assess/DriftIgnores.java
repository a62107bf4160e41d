package io.ocihelm.assess;

import io.ocihelm.api.v1alpha1.DriftIgnoreRule;
import io.ocihelm.api.v1alpha1.ResourceSelector;
import io.ocihelm.apply.Inventory;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code spec.driftDetection.ignore}: per released object, the JSON pointers that may differ from
 * the recorded manifest. A pointer covers itself and everything below it ({@code /spec} covers
 * {@code /spec/replicas}); a rule without a target covers every object.
 */
public final class DriftIgnores {
  public static final DriftIgnores NONE = new DriftIgnores(List.of());

  private final List<DriftIgnoreRule> rules;

  public DriftIgnores(List<DriftIgnoreRule> rules) {
    this.rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** Whether a pointer of {@code entry} is ignored. */
  public Predicate<String> forObject(Inventory.Entry entry) {
    List<String> paths = paths(entry);
    if (paths.isEmpty()) {
      return pointer -> false;
    }
    return pointer -> paths.stream().anyMatch(p -> pointer.equals(p) || pointer.startsWith(p.endsWith("/") ? p : p + "/"));
  }

  /** The ignored pointers of {@code entry}, as the rules give them. */
  public List<String> paths(Inventory.Entry entry) {
    return rules.stream()
        .filter(rule -> selects(rule.getTarget(), entry))
        .flatMap(rule -> rule.getPaths().stream())
        .distinct()
        .toList();
  }

  static boolean selects(ResourceSelector target, Inventory.Entry entry) {
    if (target == null) {
      return true;
    }
    String apiVersion = entry.apiVersion();
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    return matches(target.getGroup(), group)
        && matches(target.getVersion(), version)
        && matches(target.getKind(), entry.kind())
        && matches(target.getName(), entry.name())
        && matches(target.getNamespace(), entry.namespace());
  }

  private static boolean matches(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }
}
