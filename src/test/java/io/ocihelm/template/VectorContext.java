package io.ocihelm.template;

import io.ocihelm.chart.ChartLoader;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.GoType;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.GoSlice;
import io.ocihelm.template.value.NamedMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stand-in for the render engineer's top-level render context, built per the conformance README
 * "Harness conventions" (.Values, .Release, .Chart, .Capabilities, .Template, .Files). The
 * harness switches to render's real context once it lands on main.
 */
final class VectorContext {
  private VectorContext() {}

  static final String CHART = "conformance";

  /** Helm's top-level data for one chart render (shared by all files, like Helm's vals). */
  static NamedMap topLevel(Map<String, Object> values, Map<String, String> files) {
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("Values", new NamedMap("common.Values", values));
    Map<String, Object> release = new LinkedHashMap<>();
    release.put("Name", "t");
    release.put("Namespace", "ns");
    release.put("Revision", 1L);
    release.put("IsInstall", true);
    release.put("IsUpgrade", false);
    release.put("Service", "Helm");
    top.put("Release", release);
    top.put("Chart", chart());
    top.put("Capabilities", capabilities());
    top.put("Files", new FilesStandIn(files));
    top.put("Subcharts", new LinkedHashMap<String, Object>());
    return new NamedMap("common.Values", top);
  }

  static void setTemplate(NamedMap top, String file) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("Name", file);
    t.put("BasePath", CHART + "/templates");
    top.put("Template", new NamedMap("common.Values", t));
  }

  static Map<String, Object> loadValues(String yaml) {
    return ChartLoader.loadValues(yaml);
  }

  private static Map<String, Object> chart() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("APIVersion", "v2");
    c.put("Annotations", new LinkedHashMap<>(Map.of("team", "core")));
    c.put("AppVersion", "4.5.6");
    c.put("Condition", "");
    c.put("Dependencies", new ArrayList<>());
    c.put("Deprecated", false);
    c.put("Description", "Conformance test chart");
    c.put("Home", "https://example.com/conformance");
    c.put("Icon", "");
    c.put("IsRoot", true);
    c.put("Keywords", new ArrayList<>(List.of("alpha", "beta")));
    c.put("KubeVersion", "");
    c.put("Maintainers", new ArrayList<>());
    c.put("Name", CHART);
    c.put("Sources", new ArrayList<>());
    c.put("Tags", "");
    c.put("Type", "application");
    c.put("Version", "1.2.3");
    return c;
  }

  private static GoObject capabilities() {
    GoObject kube = new SimpleObject("common.KubeVersion", Map.of(
        "Version", "v1.31.0", "Major", "1", "Minor", "31", "GitVersion", "v1.31.0"), "v1.31.0");
    GoObject helm = new SimpleObject("common.HelmVersion", Map.of("Version", "v4.1.4"), "v4.1.4");
    GoObject apiVersions = new GoObject() {
      @Override
      public String goTypeName() {
        return "common.VersionSet";
      }

      @Override
      public String goString() {
        return "[v1]";
      }

      @Override
      public Member member(String name) {
        return name.equals("Has")
            ? new Method(FunctionSignature.of(GoType.STRING), (ctx, args) -> args[0].equals("v1"))
            : null;
      }
    };
    return new SimpleObject("*common.Capabilities",
        Map.of("KubeVersion", kube, "HelmVersion", helm, "APIVersions", apiVersions), "");
  }

  /** A struct with plain fields. */
  record SimpleObject(String goTypeName, Map<String, Object> fields, String goString) implements GoObject {
    @Override
    public Member member(String name) {
      Object v = fields.get(name);
      return v == null ? null : new Field(v);
    }
  }

  /** Just enough of Helm's engine.files for the language vectors (render owns the real one). */
  static final class FilesStandIn implements GoObject {
    private final Map<String, String> files;

    FilesStandIn(Map<String, String> files) {
      this.files = files;
    }

    @Override
    public String goTypeName() {
      return "engine.files";
    }

    @Override
    public String goKind() {
      return "map"; // engine.files is a map[string][]byte
    }

    @Override
    public String goString() {
      return "map[]";
    }

    @Override
    public Member member(String name) {
      return switch (name) {
        case "Get" -> new Method(FunctionSignature.of(GoType.STRING),
            (ctx, args) -> files.getOrDefault((String) args[0], ""));
        case "GetBytes" -> new Method(FunctionSignature.of(GoType.STRING),
            (ctx, args) -> files.getOrDefault((String) args[0], "").getBytes(StandardCharsets.UTF_8));
        case "Lines" -> new Method(FunctionSignature.of(GoType.STRING), (ctx, args) -> {
          String s = files.get((String) args[0]);
          if (s == null) {
            return GoSlice.ofStrings(List.of());
          }
          return GoSlice.ofStrings(List.of(s.split("\n", -1)));
        });
        default -> null;
      };
    }
  }
}
