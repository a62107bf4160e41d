package io.ocihelm.cli;

import io.ocihelm.chart.ChartArchive;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.oci.BlobCache;
import io.ocihelm.oci.ChartPuller;
import io.ocihelm.oci.OciReference;
import io.ocihelm.oci.PulledChart;
import io.ocihelm.oci.RegistryClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ocihelm pull oci://…}: writes the same {@code .tgz} bytes {@code helm pull} writes. */
@Command(name = "pull", description = "download a chart from an OCI registry", mixinStandardHelpOptions = true)
public final class PullCommand implements Callable<Integer> {
  // Helm compat: helm pull explains the '_' tag convention on stderr whenever the tag has one.
  private static final String UNDERSCORE_NOTICE = """
      %s contains an underscore.

      OCI artifact references (e.g. tags) do not support the plus sign (+). To support
      storing semantic versions, Helm adopts the convention of changing plus (+) to
      an underscore (_) in chart version tags when pushing to a registry and back to
      a plus (+) when pulling from a registry.
      """;

  @Parameters(index = "0", paramLabel = "CHART", description = "oci://host/path/name[:tag]")
  String chart;

  @Option(names = "--version", description = "version or constraint (default: latest stable)")
  String version;

  @Option(names = {"-d", "--destination"}, description = "directory to write the chart to", defaultValue = ".")
  Path destination;

  @Option(names = "--untar", description = "untar the chart after downloading it")
  boolean untar;

  @Option(names = "--untardir", description = "directory (under --destination) the chart is expanded into", defaultValue = ".")
  Path untarDir;

  @Mixin RegistryFlags registry;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    OciReference ref = OciReference.parse(chart);
    PulledChart pulled;
    try (RegistryClient client = new RegistryClient(registry.toOptions())) {
      pulled = new ChartPuller(client, BlobCache.inMemory(64L << 20)).pull(ref, version);
    }
    PrintWriter err = spec.commandLine().getErr();
    // Helm compat: helm prints these two lines on stderr.
    err.println("Pulled: " + pulled.reference().registry() + "/" + pulled.reference().repository() + ":"
        + pulled.reference().registryTag());
    err.println("Digest: " + pulled.digest());
    if (pulled.reference().registryTag().contains("_")) {
      err.print(UNDERSCORE_NOTICE.formatted(pulled.reference().registry() + "/" + pulled.reference().repository()
          + ":" + pulled.reference().registryTag()));
    }
    err.flush();
    if (untar) {
      expand(pulled);
    } else {
      Files.createDirectories(destination);
      Files.write(destination.resolve(pulled.archiveFileName()), pulled.archive());
    }
    return 0;
  }

  /** Helm's {@code --untar}: every file verbatim under {@code <destination>/<untardir>/<chart name>}. */
  private void expand(PulledChart pulled) throws IOException {
    Path base = untarDir.isAbsolute() ? untarDir : destination.resolve(untarDir);
    Path chartDir = base.resolve(pulled.name()).normalize();
    if (Files.exists(chartDir)) {
      throw new IOException("failed to untar: a file or directory with the name " + chartDir + " already exists");
    }
    List<ChartFile> files = ChartArchive.read(new ByteArrayInputStream(pulled.archive()), ChartArchive.Limits.HELM_DEFAULTS);
    for (ChartFile f : files) {
      Path out = chartDir.resolve(f.name()).normalize();
      if (!out.startsWith(chartDir)) {
        throw new IOException("chart file " + f.name() + " escapes the chart directory");
      }
      Files.createDirectories(out.getParent());
      Files.write(out, f.data());
    }
  }
}
