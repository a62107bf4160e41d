package io.ocihelm.oci;

import io.ocihelm.testbed.ToolRun;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Charts made and pushed by the real helm on a test-bed registry, and our client set up for it. */
public final class HelmCharts {
  private HelmCharts() {}

  /** helm create + version + package; {@code extraFile} (may be null) becomes files/blob.bin. */
  public static Path packageChart(Helm helm, String name, String version, byte[] extraFile, Path workDir) {
    try {
      Path chartDir = workDir.resolve(name + "-" + version.replace('+', '_'));
      Files.createDirectories(workDir);
      helm.run("create", chartDir.toString()).requireSuccess();
      Path chartYaml = chartDir.resolve("Chart.yaml");
      Files.writeString(chartYaml, Files.readString(chartYaml)
          .replaceFirst("(?m)^name: .*$", "name: " + name)
          .replaceFirst("(?m)^version: .*$", "version: " + version));
      if (extraFile != null) {
        Files.createDirectories(chartDir.resolve("files"));
        Files.write(chartDir.resolve("files/blob.bin"), extraFile);
      }
      Path dest = workDir.resolve("pkg-" + name + "-" + version.replace('+', '_'));
      helm.run("package", chartDir.toString(), "--destination", dest.toString()).requireSuccess();
      return dest.resolve(name + "-" + version + ".tgz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** helm push into {@code oci://host/prefix}; returns the manifest digest helm printed. */
  public static String push(Helm helm, Path tgz, Registry registry, String prefix) {
    ToolRun r = helm.push(tgz, registry, prefix).requireSuccess();
    return digestIn(r.stdout() + r.stderr());
  }

  public static String digestIn(String helmOutput) {
    for (String line : helmOutput.split("\n")) {
      if (line.startsWith("Digest: ")) {
        return line.substring("Digest: ".length()).strip();
      }
    }
    throw new AssertionError("no digest in helm output: " + helmOutput);
  }

  /** helm with the registry's connection flags appended. */
  public static ToolRun helm(Helm helm, Registry registry, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(Helm.connectionFlags(registry));
    return helm.run(all.toArray(String[]::new));
  }

  /** How our client reaches this registry (plain HTTP, or TLS trusting its CA). */
  public static TlsOptions tls(Registry registry) {
    if (registry.plainHttp()) {
      return TlsOptions.PLAIN_HTTP;
    }
    try {
      String ca = registry.caFile().isPresent() ? Files.readString(registry.caFile().get()) : null;
      return new TlsOptions(false, false, ca, null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Our client for this registry, with the registry's own credentials (if any). */
  public static RegistryOptions options(Registry registry) {
    CredentialStore credentials = registry.credentials()
        .map(c -> CredentialStore.of(Credentials.basic(c.username(), c.password())))
        .orElse(CredentialStore.ANONYMOUS);
    TlsOptions tls = tls(registry);
    return RegistryOptions.defaults().withTls(h -> tls).withCredentials(credentials);
  }
}
