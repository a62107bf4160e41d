package io.ocihelm.cli;

import io.ocihelm.chart.Chart;
import io.ocihelm.chart.ChartArchive;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.oci.BlobCache;
import io.ocihelm.oci.ChartPuller;
import io.ocihelm.oci.OciReference;
import io.ocihelm.oci.PulledChart;
import io.ocihelm.oci.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ocihelm show chart|values|readme|crds|all oci://…}: the output of {@code helm show}. */
@Command(
    name = "show",
    description = "show information of a chart",
    mixinStandardHelpOptions = true,
    subcommands = {
      ShowCommand.ChartPart.class,
      ShowCommand.ValuesPart.class,
      ShowCommand.ReadmePart.class,
      ShowCommand.CrdsPart.class,
      ShowCommand.AllParts.class
    })
public final class ShowCommand {

  /** What {@code helm show} prints, in its order. */
  enum Part { CHART, VALUES, README, CRDS }

  /** Options shared by the show subcommands. */
  abstract static class ShowPart implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CHART", description = "oci://host/path/name[:tag]")
    String chart;

    @Option(names = "--version", description = "version or constraint (default: latest stable)")
    String version;

    @Mixin RegistryFlags registry;

    @Spec CommandSpec spec;

    abstract List<Part> parts();

    @Override
    public Integer call() {
      PulledChart pulled;
      try (RegistryClient client = new RegistryClient(registry.toOptions())) {
        pulled = new ChartPuller(client, BlobCache.inMemory(64L << 20)).pull(OciReference.parse(chart), version);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(render(pulled, parts()));
      out.flush();
      return 0;
    }
  }

  @Command(name = "chart", description = "show the chart's definition")
  static final class ChartPart extends ShowPart {
    @Override
    List<Part> parts() {
      return List.of(Part.CHART);
    }
  }

  @Command(name = "values", description = "show the chart's values")
  static final class ValuesPart extends ShowPart {
    @Override
    List<Part> parts() {
      return List.of(Part.VALUES);
    }
  }

  @Command(name = "readme", description = "show the chart's README")
  static final class ReadmePart extends ShowPart {
    @Override
    List<Part> parts() {
      return List.of(Part.README);
    }
  }

  @Command(name = "crds", description = "show the chart's CRDs")
  static final class CrdsPart extends ShowPart {
    @Override
    List<Part> parts() {
      return List.of(Part.CRDS);
    }
  }

  @Command(name = "all", description = "show all information of the chart")
  static final class AllParts extends ShowPart {
    @Override
    List<Part> parts() {
      return List.of(Part.CHART, Part.VALUES, Part.README, Part.CRDS);
    }
  }

  /** Builds helm's output for the requested parts ("all" separates them with {@code ---}). */
  static String render(PulledChart pulled, List<Part> parts) {
    boolean all = parts.size() > 1;
    List<ChartFile> files = ChartArchive.read(new ByteArrayInputStream(pulled.archive()), ChartArchive.Limits.HELM_DEFAULTS);
    StringBuilder out = new StringBuilder();
    if (parts.contains(Part.CHART)) {
      out.append(MetadataYaml.write(pulled.config())).append('\n');
    }
    if (parts.contains(Part.VALUES)) {
      file(files, "values.yaml").ifPresent(values -> {
        if (all) {
          out.append("---\n");
        }
        out.append(values.text()).append('\n');
      });
    }
    if (parts.contains(Part.README)) {
      readme(files).ifPresent(readme -> {
        if (all) {
          out.append("---\n");
        }
        out.append(readme.text()).append('\n');
      });
    }
    if (parts.contains(Part.CRDS)) {
      Chart chart = new ChartLoader().loadArchive(new ByteArrayInputStream(pulled.archive()));
      for (Chart.Crd crd : chart.crdObjects()) {
        String text = crd.file().text();
        if (!text.startsWith("---")) {
          out.append("---\n");
        }
        out.append(text).append('\n');
      }
    }
    return out.toString();
  }

  private static Optional<ChartFile> file(List<ChartFile> files, String name) {
    return files.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  // Helm compat: the first of readme.md, readme.txt, readme (any case) at the chart's top level.
  private static Optional<ChartFile> readme(List<ChartFile> files) {
    for (String name : List.of("readme.md", "readme.txt", "readme")) {
      for (ChartFile f : files) {
        if (f.name().equalsIgnoreCase(name)) {
          return Optional.of(f);
        }
      }
    }
    return Optional.empty();
  }
}
