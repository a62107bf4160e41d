package io.ocihelm.cli;

import io.ocihelm.chart.Chart;
import io.ocihelm.chart.ChartLoadException;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.chart.SemverRange;
import io.ocihelm.chart.StrVals;
import io.ocihelm.chart.Values;
import io.ocihelm.codec.GoYamlReader;
import io.ocihelm.codec.CodecException;
import io.ocihelm.oci.BlobCache;
import io.ocihelm.oci.ChartPuller;
import io.ocihelm.oci.OciReference;
import io.ocihelm.oci.PulledChart;
import io.ocihelm.oci.RegistryClient;
import io.ocihelm.render.Capabilities;
import io.ocihelm.render.Lookup;
import io.ocihelm.render.ReleaseInfo;
import io.ocihelm.render.ReleaseRenderer;
import io.ocihelm.render.RenderException;
import io.ocihelm.render.RenderedRelease;
import io.ocihelm.render.TemplateOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ocihelm template [NAME] CHART}: renders like {@code helm template} and prints the same
 * bytes on stdout; errors go to stderr as {@code Error: ...} with exit code 1.
 */
@Command(name = "template", description = "Locally render templates, like helm template.")
public final class TemplateCommand implements Callable<Integer> {
  private static final Pattern RELEASE_NAME =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

  @Parameters(arity = "1..2", paramLabel = "[NAME] CHART")
  List<String> positional = new ArrayList<>();

  @Option(names = {"-f", "--values"}, split = ",", description = "values YAML file(s)")
  List<String> valueFiles = new ArrayList<>();

  @Option(names = "--set", description = "set values (key=value, comma separated)")
  List<String> set = new ArrayList<>();

  @Option(names = "--set-string")
  List<String> setString = new ArrayList<>();

  @Option(names = "--set-file")
  List<String> setFile = new ArrayList<>();

  @Option(names = "--set-json")
  List<String> setJson = new ArrayList<>();

  @Option(names = {"-n", "--namespace"}, defaultValue = "default")
  String namespace;

  @Option(names = "--version", description = "chart version constraint (oci:// charts)")
  String version;

  @Option(names = "--kube-version")
  String kubeVersion;

  @Option(names = {"-a", "--api-versions"}, split = ",")
  List<String> apiVersions = new ArrayList<>();

  @Option(names = "--include-crds")
  boolean includeCrds;

  @Option(names = "--skip-tests")
  boolean skipTests;

  @Option(names = "--skip-schema-validation")
  boolean skipSchemaValidation;

  @Option(names = {"-s", "--show-only"})
  List<String> showOnly = new ArrayList<>();

  @Option(names = "--is-upgrade")
  boolean isUpgrade;

  @Mixin RegistryFlags registry;

  private final PrintStream out;
  private final PrintStream err;

  TemplateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    String name = positional.size() == 2 ? positional.get(0) : "release-name";
    String chartRef = positional.getLast();
    try {
      if (!RELEASE_NAME.matcher(name).matches() || name.length() > 53) {
        throw new ChartLoadException("release name \"" + name + "\": invalid release name, must match regex "
            + RELEASE_NAME.pattern() + " and the length must not be longer than 53");
      }
      Chart chart = chartRef.startsWith("oci://") ? pull(chartRef) : new ChartLoader().load(Path.of(chartRef));
      Map<String, Object> values = userValues();
      Capabilities caps = Capabilities.forTemplate(kubeVersion, apiVersions, Capabilities.DEFAULT_API_VERSIONS);
      var renderer = new ReleaseRenderer(new SemverRange(), this::warn);
      RenderedRelease release = renderer.render(new ReleaseRenderer.Request(
          chart, values, new ReleaseInfo(name, namespace, 1, !isUpgrade, isUpgrade), caps, skipSchemaValidation,
          Lookup.NONE));
      String text = TemplateOutput.format(release, new TemplateOutput.Options(includeCrds, skipTests, showOnly));
      out.print(text);
      out.flush();
      return 0;
    } catch (RenderException e) {
      err.print("Error: " + e.getMessage() + (e.suggestsDebug() ? "\n\nUse --debug flag to render out invalid YAML" : "") + "\n");
      return 1;
    } catch (ChartLoadException | StrVals.StrValsException | IllegalArgumentException e) {
      err.print("Error: " + e.getMessage() + "\n");
      return 1;
    }
  }

  /**
   * Fetches an {@code oci://} chart with the same puller as {@code ocihelm pull}; registry failures
   * reach Main's handler and print as {@code Error: ...} like helm's.
   */
  private Chart pull(String chartRef) {
    PulledChart pulled;
    try (RegistryClient client = new RegistryClient(registry.toOptions())) {
      pulled = new ChartPuller(client, BlobCache.inMemory(64L << 20)).pull(OciReference.parse(chartRef), version);
    }
    // Helm compat: helm template reports the pull on stderr, as helm pull does.
    String tagged = pulled.reference().registry() + "/" + pulled.reference().repository() + ":"
        + pulled.reference().registryTag();
    err.println("Pulled: " + tagged);
    err.println("Digest: " + pulled.digest());
    err.flush();
    return new ChartLoader().loadArchive(new ByteArrayInputStream(pulled.archive()));
  }

  /** Helm's values.Options.MergeValues: -f files, --set-json, --set, --set-string, --set-file. */
  private Map<String, Object> userValues() {
    Map<String, Object> base = new LinkedHashMap<>();
    for (String file : valueFiles) {
      String text = readFile(file);
      try {
        base = Values.mergeMaps(base, GoYamlReader.readMap(text));
      } catch (CodecException e) {
        throw new ChartLoadException("failed to parse " + file + ": cannot unmarshal yaml document: " + e.getMessage());
      }
    }
    for (String value : setJson) {
      String trimmed = value.strip();
      try {
        if (trimmed.startsWith("{")) {
          Object parsed = GoYamlReader.read(trimmed);
          if (!(parsed instanceof Map<?, ?>)) {
            throw new ChartLoadException("failed parsing --set-json data JSON: " + value);
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) parsed;
          base = Values.mergeMaps(base, m);
        } else {
          StrVals.parseJson(value, base);
        }
      } catch (CodecException | StrVals.StrValsException e) {
        throw new ChartLoadException("failed parsing --set-json data " + value);
      }
    }
    for (String value : set) {
      try {
        StrVals.parseInto(value, base);
      } catch (StrVals.StrValsException e) {
        throw new ChartLoadException("failed parsing --set data: " + e.getMessage());
      }
    }
    for (String value : setString) {
      try {
        StrVals.parseIntoString(value, base);
      } catch (StrVals.StrValsException e) {
        throw new ChartLoadException("failed parsing --set-string data: " + e.getMessage());
      }
    }
    for (String value : setFile) {
      try {
        StrVals.parseIntoFile(value, base, path -> readFile(path));
      } catch (StrVals.StrValsException e) {
        throw new ChartLoadException("failed parsing --set-file data: " + e.getMessage());
      }
    }
    return base;
  }

  private static String readFile(String file) {
    try {
      return file.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ChartLoadException("open " + file + ": no such file or directory");
    } catch (IOException e) {
      throw new ChartLoadException("open " + file + ": " + e.getMessage());
    }
  }

  private void warn(String message) {
    // Helm 4 logs coalescing warnings through slog; stderr is not part of success output.
    err.println("level=WARN msg=\"" + message.replace("\"", "\\\"") + "\"");
  }
}
