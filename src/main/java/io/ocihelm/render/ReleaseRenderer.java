package io.ocihelm.render;

import io.ocihelm.chart.Chart;
import io.ocihelm.chart.ChartLoadException;
import io.ocihelm.chart.Dependencies;
import io.ocihelm.chart.SchemaValidator;
import io.ocihelm.chart.Values;
import io.ocihelm.chart.VersionRange;
import io.ocihelm.template.TemplateException;
import io.ocihelm.template.TemplateSet;
import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.GoType;
import io.ocihelm.template.function.TemplateFunctions;
import io.ocihelm.template.value.NamedMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns a chart and user values into manifests, hooks and notes exactly as Helm 4's install
 * action does for {@code helm template}: installable check, dependency check and processing,
 * coalesced values and schema validation, kubeVersion check, one template namespace for the
 * whole chart tree rendered in Helm's order, {@code <no value>} removed, NOTES.txt set aside,
 * documents sorted. A plain library: no cluster, no Quarkus; {@code lookup} is injected.
 */
public final class ReleaseRenderer {
  private static final String NOTES_SUFFIX = "NOTES.txt";

  /** Everything one render needs. */
  public record Request(
      Chart chart,
      Map<String, Object> userValues,
      ReleaseInfo release,
      Capabilities capabilities,
      boolean skipSchemaValidation,
      Lookup lookup) {}

  private final VersionRange versions;
  private final Consumer<String> warnings;

  public ReleaseRenderer(VersionRange versions, Consumer<String> warnings) {
    this.versions = versions;
    this.warnings = warnings;
  }

  /**
   * @throws ChartLoadException for charts or values Helm refuses before rendering
   * @throws RenderException for failures while rendering (Helm's "Use --debug" class of errors)
   */
  public RenderedRelease render(Request request) {
    Chart chart = request.chart().copy();
    Map<String, String> files = renderFiles(chart, request);
    String notes = "";
    for (String name : new ArrayList<>(files.keySet())) {
      if (name.endsWith(NOTES_SUFFIX)) {
        if (name.equals(chart.name() + "/templates/" + NOTES_SUFFIX)) {
          notes = files.get(name);
        }
        files.remove(name);
      }
    }
    ManifestSorter.Sorted sorted = ManifestSorter.sort(files);
    return new RenderedRelease(sorted.manifests(), sorted.hooks(), notes, chart.crdObjects());
  }

  /**
   * The rendered template files by name, NOTES.txt included, before documents are sorted: the
   * part of {@link #render} that Helm's {@code engine.Render} (with dependency processing and
   * values) covers. Benchmarks compare it with Helm's engine alone.
   */
  public Map<String, String> renderTemplates(Request request) {
    return renderFiles(request.chart().copy(), request);
  }

  private Map<String, String> renderFiles(Chart chart, Request request) {
    String type = chart.metadata().type;
    if (!type.isEmpty() && !type.equals("application")) {
      throw new ChartLoadException(type + " charts are not installable");
    }
    Dependencies.checkPresent(chart);
    new Dependencies(versions, warnings).process(chart, request.userValues());
    Map<String, Object> values = new Values(warnings).coalesce(chart, request.userValues());
    if (!request.skipSchemaValidation()) {
      SchemaValidator.validate(chart, values);
    }
    String kubeConstraint = chart.metadata().kubeVersion;
    String kubeVersion = request.capabilities().kubeVersion().version();
    if (!kubeConstraint.isEmpty() && !versions.isCompatible(kubeConstraint, kubeVersion)) {
      throw new RenderException(
          "chart requires kubeVersion: " + kubeConstraint + " which is incompatible with Kubernetes " + kubeVersion,
          true);
    }
    return renderTemplates(chart, values, request);
  }

  /** Helm's engine.Render: parse everything into one set, execute the non-partials. */
  private Map<String, String> renderTemplates(Chart chart, Map<String, Object> values, Request request) {
    List<RenderContext.Renderable> all = new ArrayList<>();
    RenderContext.collect(
        chart, values, RenderContext.release(request.release()), request.capabilities(), "", all);
    Map<String, RenderContext.Renderable> byName = new HashMap<>();
    all.forEach(r -> byName.put(r.name(), r));
    List<String> order = new ArrayList<>(byName.keySet());
    // Helm compat: deepest paths first, and within a depth reverse lexical order (sortTemplates).
    order.sort(Comparator.comparingInt(ReleaseRenderer::slashes).thenComparing(Comparator.naturalOrder()));
    java.util.Collections.reverse(order);

    TemplateSet set = TemplateSet.create(functions(request.lookup()));
    try {
      for (String name : order) {
        set.parse(name, byName.get(name).text());
      }
      Map<String, String> rendered = new LinkedHashMap<>();
      for (String name : order) {
        if (RenderContext.baseName(name).startsWith("_")) {
          continue;
        }
        RenderContext.Renderable r = byName.get(name);
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("Name", name);
        template.put("BasePath", r.basePath());
        r.data().put("Template", new NamedMap(RenderContext.COMMON_VALUES, template));
        String out = set.execute(name, r.data());
        // Helm compat: every "<no value>" is deleted, even one a template printed on purpose.
        rendered.put(name, out.replace("<no value>", ""));
      }
      return rendered;
    } catch (TemplateException e) {
      throw new RenderException(e.getMessage(), true, e);
    }
  }

  private static FunctionRegistry functions(Lookup lookup) {
    FunctionRegistry registry = TemplateFunctions.helm();
    registry.override(
        "lookup",
        FunctionSignature.of(GoType.STRING, GoType.STRING, GoType.STRING, GoType.STRING),
        (ctx, args) -> {
          try {
            return lookup.lookup((String) args[0], (String) args[1], (String) args[2], (String) args[3]);
          } catch (Lookup.LookupException e) {
            throw new FunctionException(e.getMessage(), e);
          }
        });
    return registry;
  }

  private static int slashes(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '/') {
        n++;
      }
    }
    return n;
  }
}
