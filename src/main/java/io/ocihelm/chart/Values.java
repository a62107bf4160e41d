package io.ocihelm.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Helm's value coalescing: user values over chart defaults, null deleting a key, globals copied
 * down to every subchart, subchart defaults under the subchart's name (or alias). Maps are plain
 * {@code Map<String, Object>} of Go values; the caller's maps are never modified.
 *
 * <p>Two modes, as in Helm: <em>coalesce</em> (a null in the higher-priority map deletes the key)
 * and <em>merge</em> (nulls are kept; used for import-values and for a subchart's own defaults).
 */
public final class Values {
  public static final String GLOBAL_KEY = "global";

  private final Consumer<String> warnings;

  /** @param warnings receives Helm's coalescing warnings (Helm prints them on stderr) */
  public Values(Consumer<String> warnings) {
    this.warnings = warnings;
  }

  /** {@code CoalesceValues}: a copy of {@code user} with the chart tree's defaults beneath it. */
  public Map<String, Object> coalesce(Chart chart, Map<String, Object> user) {
    return coalesce(chart, deepCopyMap(user), "", false);
  }

  /** {@code MergeValues}: like {@link #coalesce} but nulls survive. */
  public Map<String, Object> merge(Chart chart, Map<String, Object> user) {
    return coalesce(chart, deepCopyMap(user), "", true);
  }

  private Map<String, Object> coalesce(Chart chart, Map<String, Object> dest, String prefix, boolean merge) {
    coalesceValues(chart, dest, prefix, merge);
    return coalesceDeps(chart, dest, prefix, merge);
  }

  private Map<String, Object> coalesceDeps(Chart chart, Map<String, Object> dest, String prefix, boolean merge) {
    for (Chart sub : chart.dependencies()) {
      Object existing = dest.get(sub.name());
      if (existing == null && !dest.containsKey(sub.name())) {
        dest.put(sub.name(), new LinkedHashMap<String, Object>());
      } else if (!(existing instanceof Map<?, ?>)) {
        throw new ChartLoadException("type mismatch on " + sub.name() + ": %!t(" + goPrintType(existing) + ")");
      }
      Map<String, Object> subValues = asMap(dest.get(sub.name()));
      String subPrefix = concatPrefix(prefix, chart.name());
      coalesceGlobals(subValues, dest, subPrefix);
      dest.put(sub.name(), coalesce(sub, subValues, subPrefix, merge));
    }
    return dest;
  }

  /** Copies the globals of {@code src} into {@code dest}'s globals (dest's own take precedence for tables). */
  private void coalesceGlobals(Map<String, Object> dest, Map<String, Object> src, String prefix) {
    Map<String, Object> dg;
    Object destGlobal = dest.get(GLOBAL_KEY);
    if (destGlobal == null && !dest.containsKey(GLOBAL_KEY)) {
      dg = new LinkedHashMap<>();
    } else if (destGlobal instanceof Map<?, ?>) {
      dg = asMap(destGlobal);
    } else {
      warnings.accept("warning: skipping globals because destination " + GLOBAL_KEY + " is not a table.");
      return;
    }
    Map<String, Object> sg;
    Object srcGlobal = src.get(GLOBAL_KEY);
    if (srcGlobal == null && !src.containsKey(GLOBAL_KEY)) {
      sg = new LinkedHashMap<>();
    } else if (srcGlobal instanceof Map<?, ?>) {
      sg = asMap(srcGlobal);
    } else {
      warnings.accept("warning: skipping globals because source " + GLOBAL_KEY + " is not a table.");
      return;
    }
    for (var e : sg.entrySet()) {
      String key = e.getKey();
      Object val = e.getValue();
      if (val instanceof Map<?, ?>) {
        Map<String, Object> vv = deepCopyMap(asMap(val));
        Object destv = dg.get(key);
        if (destv == null && !dg.containsKey(key)) {
          dg.put(key, vv);
        } else if (!(destv instanceof Map<?, ?>)) {
          warnings.accept("Conflict: cannot merge map onto non-map for \"" + key + "\". Skipping.");
        } else {
          // Helm compat: globals merge top-down here, the parent's table winning over the child's.
          coalesceTablesFullKey(vv, asMap(destv), concatPrefix(prefix, key), true);
          dg.put(key, vv);
        }
      } else if (dg.get(key) instanceof Map<?, ?>) {
        warnings.accept("key " + key + " is table. Skipping");
      } else {
        dg.put(key, val);
      }
    }
    dest.put(GLOBAL_KEY, dg);
  }

  /** The chart's own defaults beneath {@code v}. */
  private void coalesceValues(Chart chart, Map<String, Object> v, String prefix, boolean merge) {
    String subPrefix = concatPrefix(prefix, chart.name());
    Map<String, Object> defaults = deepCopyMap(chart.values());
    for (var e : defaults.entrySet()) {
      String key = e.getKey();
      Object val = e.getValue();
      if (v.containsKey(key)) {
        Object value = v.get(key);
        if (value == null && !merge) {
          v.remove(key);
        } else if (value instanceof Map<?, ?> dest) {
          if (!(val instanceof Map<?, ?> src)) {
            if (val != null) {
              warnings.accept("warning: skipped value for " + subPrefix + "." + key + ": Not a table.");
            }
          } else {
            boolean childMerge = merge || chart.dependencies().stream().anyMatch(d -> d.name().equals(key));
            coalesceTablesFullKey(asMap(dest), asMap(src), concatPrefix(subPrefix, key), childMerge);
          }
        }
      } else {
        v.put(key, val);
      }
    }
  }

  /** {@code CoalesceTables}: src beneath dst, nulls in dst deleting. Modifies and returns dst. */
  public Map<String, Object> coalesceTables(Map<String, Object> dst, Map<String, Object> src) {
    return coalesceTablesFullKey(dst, src, "", false);
  }

  /** {@code MergeTables}: src beneath dst, nulls kept. Modifies and returns dst. */
  public Map<String, Object> mergeTables(Map<String, Object> dst, Map<String, Object> src) {
    return coalesceTablesFullKey(dst, src, "", true);
  }

  private Map<String, Object> coalesceTablesFullKey(
      Map<String, Object> dst, Map<String, Object> src, String prefix, boolean merge) {
    if (src == null) {
      return dst;
    }
    if (dst == null) {
      return src;
    }
    // Helm compat: a null in dst is first copied into src, so it reaches the loop below.
    for (var e : dst.entrySet()) {
      if (e.getValue() == null) {
        src.put(e.getKey(), null);
      }
    }
    for (var e : src.entrySet()) {
      String key = e.getKey();
      Object val = e.getValue();
      String fullKey = concatPrefix(prefix, key);
      boolean present = dst.containsKey(key);
      Object dv = dst.get(key);
      if (present && !merge && dv == null) {
        dst.remove(key);
      } else if (!present) {
        dst.put(key, val);
      } else if (val instanceof Map<?, ?> srcTable) {
        if (dv instanceof Map<?, ?> dstTable) {
          coalesceTablesFullKey(asMap(dstTable), asMap(srcTable), fullKey, merge);
        } else {
          warnings.accept("warning: cannot overwrite table with non table for " + fullKey + " (" + goPrint(val) + ")");
        }
      } else if (dv instanceof Map<?, ?> && val != null) {
        warnings.accept(
            "warning: destination for " + fullKey + " is a table. Ignoring non-table value (" + goPrint(val) + ")");
      }
    }
    return dst;
  }

  /** The CLI's {@code mergeMaps}: b over a, recursing only where both sides are maps. */
  public static Map<String, Object> mergeMaps(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> out = new LinkedHashMap<>(a);
    for (var e : b.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> bv && out.get(e.getKey()) instanceof Map<?, ?> av) {
        out.put(e.getKey(), mergeMaps(asMap(av), asMap(bv)));
        continue;
      }
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  /** {@code Values.PathValue}: the value at a dotted path, empty when any step is missing. */
  public static Optional<Object> pathValue(Map<String, Object> values, String path) {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    String[] keys = path.split("\\.", -1);
    Map<String, Object> table = values;
    for (int i = 0; i < keys.length - 1; i++) {
      if (!(table.get(keys[i]) instanceof Map<?, ?> next)) {
        return Optional.empty();
      }
      table = asMap(next);
    }
    String last = keys[keys.length - 1];
    if (!table.containsKey(last)) {
      return Optional.empty();
    }
    return Optional.of(Optional.ofNullable(table.get(last))).map(o -> o.orElse(NULL));
  }

  /** Marker returned by {@link #pathValue} for a key that is present with a null value. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "<nil>";
    }
  };

  /** {@code Values.Table}: the map at a dotted path, empty when missing or not a map. */
  public static Optional<Map<String, Object>> table(Map<String, Object> values, String path) {
    Map<String, Object> table = values;
    for (String key : path.split("\\.", -1)) {
      if (!(table.get(key) instanceof Map<?, ?> next)) {
        return Optional.empty();
      }
      table = asMap(next);
    }
    return Optional.of(table);
  }

  /** Deep copy of a Go value tree (maps and lists copied, scalars shared). */
  public static Object deepCopy(Object v) {
    if (v instanceof Map<?, ?> m) {
      return deepCopyMap(asMap(m));
    }
    if (v instanceof List<?> l && !(v instanceof io.ocihelm.template.value.GoSlice)) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(deepCopy(o));
      }
      return out;
    }
    return v;
  }

  public static Map<String, Object> deepCopyMap(Map<String, Object> m) {
    if (m == null) {
      return new LinkedHashMap<>();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : m.entrySet()) {
      out.put(e.getKey(), deepCopy(e.getValue()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  private static String concatPrefix(String a, String b) {
    return a.isEmpty() ? b : a + "." + b;
  }

  private static String goPrintType(Object o) {
    return o == null ? "<nil>" : io.ocihelm.template.value.GoTypes.typeName(o) + "=" + o;
  }

  private static String goPrint(Object o) {
    return o == null ? "<nil>" : String.valueOf(o);
  }
}
