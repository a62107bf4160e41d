package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.ocihelm.render.ManifestSorter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's install order by kind, the list {@link ManifestSorter#INSTALL_ORDER} already holds (one
 * copy of the fact); kinds it does not know go last, alphabetically; the sort is stable, so
 * objects of one kind keep the order the chart rendered them in.
 */
public final class ApplyOrder {
  private static final Map<String, Integer> RANK = new HashMap<>();

  static {
    for (int i = 0; i < ManifestSorter.INSTALL_ORDER.size(); i++) {
      RANK.put(ManifestSorter.INSTALL_ORDER.get(i), i);
    }
  }

  private static final Comparator<String> KIND_ORDER =
      Comparator.<String>comparingInt(kind -> RANK.getOrDefault(kind, Integer.MAX_VALUE))
          .thenComparing(kind -> RANK.containsKey(kind) ? "" : kind);

  private ApplyOrder() {}

  public static <T extends HasMetadata> List<T> install(List<T> objects) {
    return objects.stream().sorted(Comparator.comparing(HasMetadata::getKind, KIND_ORDER)).toList();
  }

  /** Inventory entries in the order an uninstall or prune deletes them: install order reversed. */
  public static List<Inventory.Entry> deletion(List<Inventory.Entry> entries) {
    return entries.stream()
        .sorted(Comparator.comparing(Inventory.Entry::kind, KIND_ORDER).reversed())
        .toList();
  }
}
