package io.ocihelm.chart;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Helm's dependency processing before a render: checks that declared dependencies are present,
 * applies aliases, drops subcharts disabled by {@code condition} or {@code tags}, and imports
 * values from children into parents ({@code import-values}, both forms).
 */
public final class Dependencies {
  private final VersionRange versions;
  private final Values values;
  private final Consumer<String> warnings;

  public Dependencies(VersionRange versions, Consumer<String> warnings) {
    this.versions = versions;
    this.values = new Values(warnings);
    this.warnings = warnings;
  }

  /** {@code action.CheckDependencies}: every declared dependency must be in charts/. */
  public static void checkPresent(Chart chart) {
    List<String> missing = new ArrayList<>();
    for (ChartMetadata.Dependency d : chart.metadata().dependencies) {
      if (chart.dependencies().stream().noneMatch(c -> c.name().equals(d.name))) {
        missing.add(d.name);
      }
    }
    if (!missing.isEmpty()) {
      throw new ChartLoadException(
          "An error occurred while checking for chart dependencies. You may need to run `helm dependency build`"
              + " to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: "
              + String.join(", ", missing));
    }
  }

  /** {@code ProcessDependencies} with merge: enabled-ness, aliases, then import-values. Mutates the chart. */
  public void process(Chart chart, Map<String, Object> userValues) {
    processEnabled(chart, userValues, "");
    processImportValues(chart);
  }

  private void processEnabled(Chart c, Map<String, Object> v, String path) {
    List<ChartMetadata.Dependency> declared = c.metadata().dependencies;
    if (declared.isEmpty()) {
      return;
    }
    List<Chart> kept = new ArrayList<>();
    // Subcharts present in charts/ but not declared are kept as they are, ahead of declared ones.
    outer:
    for (Chart existing : c.dependencies()) {
      for (ChartMetadata.Dependency req : declared) {
        if (existing.name().equals(req.name) && versions.isCompatible(req.version, existing.metadata().version)) {
          continue outer;
        }
      }
      kept.add(existing);
    }
    for (ChartMetadata.Dependency req : declared) {
      aliasDependency(c.dependencies(), req).ifPresent(kept::add);
      if (!req.alias.isEmpty()) {
        req.name = req.alias;
      }
    }
    c.setDependencies(kept);
    declared.forEach(d -> d.enabled = true);
    Map<String, Object> cvals = values.coalesce(c, v);
    processTags(declared, cvals);
    processConditions(declared, cvals, path);
    Set<String> disabled = new HashSet<>();
    for (ChartMetadata.Dependency d : declared) {
      if (!d.enabled) {
        disabled.add(d.name);
      }
    }
    List<Chart> enabled = c.dependencies().stream().filter(d -> !disabled.contains(d.name())).toList();
    for (Chart t : enabled) {
      processEnabled(t, cvals, path + t.name() + ".");
    }
    c.metadata().dependencies =
        new ArrayList<>(declared.stream().filter(d -> !disabled.contains(d.name)).toList());
    c.setDependencies(enabled);
  }

  private Optional<Chart> aliasDependency(List<Chart> charts, ChartMetadata.Dependency dep) {
    for (Chart c : charts) {
      if (c.name().equals(dep.name) && versions.isCompatible(dep.version, c.metadata().version)) {
        return Optional.of(c.aliasCopy(dep.alias));
      }
    }
    return Optional.empty();
  }

  private void processTags(List<ChartMetadata.Dependency> reqs, Map<String, Object> cvals) {
    Optional<Map<String, Object>> tags = Values.table(cvals, "tags");
    if (tags.isEmpty()) {
      return;
    }
    for (ChartMetadata.Dependency r : reqs) {
      boolean hasTrue = false;
      boolean hasFalse = false;
      for (String k : r.tags) {
        if (tags.get().containsKey(k)) {
          if (tags.get().get(k) instanceof Boolean b) {
            if (b) {
              hasTrue = true;
            } else {
              hasFalse = true;
            }
          } else {
            warnings.accept("Warning: Tag '" + k + "' for chart " + r.name + " returned non-bool value");
          }
        }
      }
      if (!hasTrue && hasFalse) {
        r.enabled = false;
      } else if (hasTrue || !hasFalse) {
        r.enabled = true;
      }
    }
  }

  private void processConditions(List<ChartMetadata.Dependency> reqs, Map<String, Object> cvals, String path) {
    for (ChartMetadata.Dependency r : reqs) {
      for (String cond : r.condition.strip().split(",", -1)) {
        if (cond.isEmpty()) {
          continue;
        }
        Optional<Object> value = Values.pathValue(cvals, path + cond);
        if (value.isPresent()) {
          if (value.get() instanceof Boolean b) {
            r.enabled = b;
            break;
          }
          warnings.accept("Warning: Condition path '" + cond + "' for chart " + r.name + " returned non-bool value");
        }
      }
    }
  }

  /** Children first, then this chart: values exported by a child land beneath the parent's own. */
  private void processImportValues(Chart c) {
    for (Chart d : c.dependencies()) {
      processImportValues(d);
    }
    if (c.metadata().dependencies.isEmpty()) {
      return;
    }
    Map<String, Object> cvals = values.merge(c, Map.of());
    Map<String, Object> b = new LinkedHashMap<>();
    for (ChartMetadata.Dependency r : c.metadata().dependencies) {
      List<Object> normalized = new ArrayList<>();
      for (Object riv : r.importValues) {
        if (riv instanceof Map<?, ?> iv) {
          String child = String.valueOf(iv.get("child"));
          String parent = String.valueOf(iv.get("parent"));
          normalized.add(Map.of("child", child, "parent", parent));
          Optional<Map<String, Object>> table = Values.table(cvals, r.name + "." + child);
          if (table.isEmpty()) {
            warnings.accept("Warning: ImportValues missing table from chart " + r.name);
            continue;
          }
          b = values.mergeTables(b, pathToMap(parent, Values.deepCopyMap(table.get())));
        } else if (riv instanceof String iv) {
          String child = "exports." + iv;
          normalized.add(Map.of("child", child, "parent", "."));
          Optional<Map<String, Object>> table = Values.table(cvals, r.name + "." + child);
          if (table.isEmpty()) {
            warnings.accept("Warning: ImportValues missing table");
            continue;
          }
          b = values.mergeTables(b, Values.deepCopyMap(table.get()));
        }
      }
      r.importValues = normalized;
    }
    c.setValues(values.mergeTables(Values.deepCopyMap(cvals), b));
  }

  /** {@code pathToMap}: "a.b" with data d → {a: {b: d}}; "." → d itself. */
  private static Map<String, Object> pathToMap(String path, Map<String, Object> data) {
    if (path.equals(".")) {
      return data;
    }
    String[] parts = path.split("\\.", -1);
    Map<String, Object> result = data;
    for (int i = parts.length - 1; i >= 0; i--) {
      if (parts[i].isEmpty()) {
        continue;
      }
      Map<String, Object> wrap = new LinkedHashMap<>();
      wrap.put(parts[i], result);
      result = wrap;
    }
    return result;
  }
}
