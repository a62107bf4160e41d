package io.ocihelm.apply;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one revision applied: entries sorted by apiVersion, kind, namespace, name, so the same
 * render always yields the same inventory (and the same status, which is then not re-written).
 */
public record Inventory(List<Entry> entries) {

  /** One applied object; {@code namespace} is "" for cluster-scoped kinds. */
  public record Entry(String apiVersion, String kind, String namespace, String name) {
    public Entry {
      namespace = namespace == null ? "" : namespace;
    }

    @Override
    public String toString() {
      return apiVersion + " " + kind + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
  }

  static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::apiVersion)
          .thenComparing(Entry::kind)
          .thenComparing(Entry::namespace)
          .thenComparing(Entry::name);

  public static final Inventory EMPTY = new Inventory(List.of());

  public Inventory {
    entries = entries.stream().distinct().sorted(ORDER).toList();
  }

  public static Inventory of(Collection<Entry> entries) {
    return new Inventory(List.copyOf(entries));
  }

  /** Entries of this inventory that {@code next} no longer has: what a prune deletes. */
  public List<Entry> missingFrom(Inventory next) {
    Set<Entry> kept = new HashSet<>(next.entries);
    return entries.stream().filter(e -> !kept.contains(e)).toList();
  }
}
