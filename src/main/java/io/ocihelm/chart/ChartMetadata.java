package io.ocihelm.chart;

import io.ocihelm.codec.CodecException;
import io.ocihelm.codec.GoYamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Chart.yaml, read as Helm reads it (through YAML→JSON into its Metadata struct). Mutable where Helm
 * mutates it while processing dependencies: an alias renames a subchart, disabled dependencies are
 * dropped.
 */
public final class ChartMetadata {

  /** One entry of {@code dependencies:} (Chart.yaml v2, requirements.yaml v1). */
  public static final class Dependency {
    public String name = "";
    public String version = "";
    public String repository = "";
    public String condition = "";
    public List<String> tags = new ArrayList<>();
    public boolean enabled;
    /** Entries are a String (exports form) or a Map with child/parent. */
    public List<Object> importValues = new ArrayList<>();
    public String alias = "";

    Dependency copy() {
      Dependency d = new Dependency();
      d.name = name;
      d.version = version;
      d.repository = repository;
      d.condition = condition;
      d.tags = new ArrayList<>(tags);
      d.enabled = enabled;
      d.importValues = new ArrayList<>(importValues);
      d.alias = alias;
      return d;
    }
  }

  /** One entry of {@code maintainers:}. */
  public record Maintainer(String name, String email, String url) {}

  public static final String API_V1 = "v1";
  public static final String API_V2 = "v2";
  private static final Pattern DEPENDENCY_NAME = Pattern.compile("^[a-zA-Z0-9._-]+$");

  public String name = "";
  public String home = "";
  public List<String> sources = new ArrayList<>();
  public String version = "";
  public String description = "";
  public List<String> keywords = new ArrayList<>();
  public List<Maintainer> maintainers = new ArrayList<>();
  public String icon = "";
  public String apiVersion = "";
  public String condition = "";
  public String tags = "";
  public String appVersion = "";
  public boolean deprecated;
  public Map<String, String> annotations = new LinkedHashMap<>();
  public String kubeVersion = "";
  public List<Dependency> dependencies = new ArrayList<>();
  public String type = "";

  /** Parses Chart.yaml; errors worded as Helm's loader words them. */
  public static ChartMetadata parse(String yaml) {
    Map<String, Object> map;
    try {
      map = GoYamlReader.readMap(yaml);
    } catch (CodecException e) {
      throw new ChartLoadException("cannot load Chart.yaml: " + e.getMessage());
    }
    ChartMetadata m = new ChartMetadata();
    m.name = string(map, "name");
    m.home = string(map, "home");
    m.sources = strings(map, "sources");
    m.version = string(map, "version");
    m.description = string(map, "description");
    m.keywords = strings(map, "keywords");
    for (Object o : list(map, "maintainers")) {
      if (o instanceof Map<?, ?> mm) {
        @SuppressWarnings("unchecked")
        Map<String, Object> mt = (Map<String, Object>) mm;
        m.maintainers.add(new Maintainer(string(mt, "name"), string(mt, "email"), string(mt, "url")));
      }
    }
    m.icon = string(map, "icon");
    m.apiVersion = string(map, "apiVersion");
    m.condition = string(map, "condition");
    m.tags = string(map, "tags");
    m.appVersion = appVersion(map);
    m.deprecated = Boolean.TRUE.equals(map.get("deprecated"));
    if (map.get("annotations") instanceof Map<?, ?> ann) {
      ann.forEach((k, v) -> m.annotations.put((String) k, v == null ? "" : v.toString()));
    }
    m.kubeVersion = string(map, "kubeVersion");
    m.dependencies = dependencies(map);
    m.type = string(map, "type");
    return m;
  }

  /** requirements.yaml (apiVersion v1 charts): only its dependencies. */
  void readRequirements(String yaml) {
    try {
      dependencies = dependencies(GoYamlReader.readMap(yaml));
    } catch (CodecException e) {
      throw new ChartLoadException("cannot load requirements.yaml: " + e.getMessage());
    }
  }

  /** Helm's Metadata.Validate. */
  public void validate() {
    if (apiVersion.isEmpty()) {
      throw new ChartLoadException("validation: chart.metadata.apiVersion is required");
    }
    if (name.isEmpty()) {
      throw new ChartLoadException("validation: chart.metadata.name is required");
    }
    if (!name.equals(java.nio.file.Path.of(name).getFileName().toString()) || name.contains("..")) {
      throw new ChartLoadException("chart.metadata.name \"" + name + "\" is invalid");
    }
    if (version.isEmpty()) {
      throw new ChartLoadException("validation: chart.metadata.version is required");
    }
    if (!type.isEmpty() && !type.equals("application") && !type.equals("library")) {
      throw new ChartLoadException("validation: chart.metadata.type must be application or library");
    }
    for (Dependency d : dependencies) {
      if (d.name.isEmpty() || !DEPENDENCY_NAME.matcher(d.name).matches()) {
        throw new ChartLoadException("validation: dependency name \"" + d.name + "\" is invalid");
      }
      if (!d.alias.isEmpty() && !DEPENDENCY_NAME.matcher(d.alias).matches()) {
        throw new ChartLoadException("validation: dependency \"" + d.name + "\" has disallowed characters in the alias");
      }
    }
  }

  public boolean isLibrary() {
    return type.equals("library");
  }

  ChartMetadata copy() {
    ChartMetadata m = new ChartMetadata();
    m.name = name;
    m.home = home;
    m.sources = new ArrayList<>(sources);
    m.version = version;
    m.description = description;
    m.keywords = new ArrayList<>(keywords);
    m.maintainers = new ArrayList<>(maintainers);
    m.icon = icon;
    m.apiVersion = apiVersion;
    m.condition = condition;
    m.tags = tags;
    m.appVersion = appVersion;
    m.deprecated = deprecated;
    m.annotations = new LinkedHashMap<>(annotations);
    m.kubeVersion = kubeVersion;
    m.dependencies = new ArrayList<>(dependencies.stream().map(Dependency::copy).toList());
    m.type = type;
    return m;
  }

  private static List<Dependency> dependencies(Map<String, Object> map) {
    List<Dependency> out = new ArrayList<>();
    for (Object o : list(map, "dependencies")) {
      if (!(o instanceof Map<?, ?> raw)) {
        out.add(null);
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> dm = (Map<String, Object>) raw;
      Dependency d = new Dependency();
      d.name = string(dm, "name");
      d.version = string(dm, "version");
      d.repository = string(dm, "repository");
      d.condition = string(dm, "condition");
      d.tags = strings(dm, "tags");
      d.enabled = Boolean.TRUE.equals(dm.get("enabled"));
      d.importValues = new ArrayList<>(list(dm, "import-values"));
      d.alias = string(dm, "alias");
      out.add(d);
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }

  /**
   * Helm compat: Helm's loader accepts an unquoted numeric appVersion (it re-reads the raw YAML for
   * it), so 1.10 would stay "1.10"; after our float64 step we can only print the number back.
   */
  private static String appVersion(Map<String, Object> map) {
    Object v = map.get("appVersion");
    if (v instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
    return string(map, "appVersion");
  }

  private static String string(Map<String, Object> map, String key) {
    Object v = map.get(key);
    if (v == null) {
      return "";
    }
    if (v instanceof String s) {
      return s;
    }
    throw new ChartLoadException(
        "cannot load Chart.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
            + GoYamlReader.jsonKind(v) + " into Go struct field Metadata." + key + " of type string");
  }

  private static List<String> strings(Map<String, Object> map, String key) {
    List<String> out = new ArrayList<>();
    for (Object o : list(map, key)) {
      out.add(o == null ? "" : o.toString());
    }
    return out;
  }

  private static List<?> list(Map<String, Object> map, String key) {
    return map.get(key) instanceof List<?> l ? l : List.of();
  }
}
