package io.ocihelm.oci;

import java.nio.file.Path;

/** Public face of {@link LocalRegistry} for ITs in other packages (the CLI's). */
public final class LocalRegistryAccess implements AutoCloseable {
  private final LocalRegistry registry;

  /** A finished helm run. */
  public record HelmRun(int exitCode, String stdout, String stderr) {}

  private LocalRegistryAccess(LocalRegistry registry) {
    this.registry = registry;
  }

  public static LocalRegistryAccess startAnonymous(Path dir) throws Exception {
    return new LocalRegistryAccess(LocalRegistry.start(LocalRegistry.Variant.ANONYMOUS, dir));
  }

  public String ociReference(String repository) {
    return registry.ociReference(repository);
  }

  public HelmRun helm(String... args) throws Exception {
    LocalRegistry.HelmResult r = registry.helm(args);
    return new HelmRun(r.exitCode(), r.stdout(), r.stderr());
  }

  public Path packageChart(String name, String version, Path workDir) throws Exception {
    return registry.packageChart(name, version, null, workDir);
  }

  public String push(Path tgz, String prefix) throws Exception {
    return registry.push(tgz, prefix);
  }

  @Override
  public void close() {
    registry.close();
  }
}
