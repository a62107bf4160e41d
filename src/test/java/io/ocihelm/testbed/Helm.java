package io.ocihelm.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The real helm CLI with a private home (config, cache, data, registry credentials), so tests never
 * read or write the user's helm or docker settings, nor each other's.
 *
 * <pre>{@code
 * Helm helm = Helm.isolated(tempDir);                       // helm 4.1.4; Helm.isolated(Tool.HELM3, dir) for 3.17.3
 * Path chart = helm.createAndPackage("demo", "0.1.0", tempDir);
 * helm.login(registry);                                     // no-op for anonymous variants
 * helm.push(chart, registry, "charts");                     // -> oci://127.0.0.1:PORT/charts/demo:0.1.0
 * }</pre>
 */
public final class Helm {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final Tool tool;
  private final Path executable;
  private final Path home;
  private Path kubeconfig;
  private Helm(Tool tool, Path executable, Path home) {
    this.tool = tool;
    this.executable = executable;
    this.home = home;
  }

  /** Helm 4.1.4 with its home under {@code home} (created if missing). */
  public static Helm isolated(Path home) {
    return isolated(Tool.HELM, home);
  }

  /** {@code tool} ({@link Tool#HELM} or {@link Tool#HELM3}) with its home under {@code home}. */
  public static Helm isolated(Tool tool, Path home) {
    if (tool != Tool.HELM && tool != Tool.HELM3) {
      throw new IllegalArgumentException(tool + " is not helm");
    }
    return new Helm(tool, tool.path(), home);
  }

  /** Points helm at a cluster, e.g. {@link ControlPlane#kubeconfig()}. */
  public Helm withKubeconfig(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
    return this;
  }

  /** Runs {@code helm args…}; never throws for a non-zero exit (see {@link ToolRun#requireSuccess()}). */
  public ToolRun run(String... args) {
    return execute(null, Arrays.asList(args));
  }

  private ToolRun execute(String stdin, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    Map<String, String> env = builder.environment();
    env.put("HOME", home.toString());
    env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
    env.put("XDG_DATA_HOME", home.resolve("data").toString());
    env.put("HELM_CONFIG_HOME", home.resolve("config/helm").toString());
    env.put("HELM_CACHE_HOME", home.resolve("cache/helm").toString());
    env.put("HELM_DATA_HOME", home.resolve("data/helm").toString());
    env.put("HELM_REGISTRY_CONFIG", home.resolve("config/helm/registry/config.json").toString());
    env.put("DOCKER_CONFIG", home.resolve("docker").toString());
    env.remove("HELM_NAMESPACE");
    env.remove("HELM_KUBECONTEXT");
    if (kubeconfig != null) {
      env.put("KUBECONFIG", kubeconfig.toString());
    } else {
      // Never the user's cluster.
      env.put("KUBECONFIG", home.resolve("no-cluster.kubeconfig").toString());
    }
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + home, e);
    }
    return ToolRun.of(builder, stdin, TIMEOUT);
  }

  /**
   * {@code helm create name} (helm's starter chart) with {@code version}, then {@code helm package};
   * returns the {@code .tgz}.
   */
  public Path createAndPackage(String name, String version, Path workDir) {
    Path chartDir = workDir.resolve(name);
    run("create", chartDir.toString()).requireSuccess();
    try {
      Path chartYaml = chartDir.resolve("Chart.yaml");
      String text = Files.readString(chartYaml).replaceFirst("(?m)^version: .*$", "version: " + version);
      Files.writeString(chartYaml, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run("package", chartDir.toString(), "--destination", workDir.toString()).requireSuccess();
    return workDir.resolve(name + "-" + version + ".tgz");
  }

  /** {@code helm registry login} when the registry needs credentials; a no-op otherwise. */
  public void login(Registry registry) {
    registry.credentials()
        .ifPresent(
            credentials -> {
              List<String> args = new ArrayList<>(List.of("registry", "login", registry.host()));
              args.addAll(List.of("--username", credentials.username(), "--password-stdin"));
              if (tool == Tool.HELM3 && registry.plainHttp()) {
                // Helm compat: helm 3's login has no --plain-http; --insecure lets it fall back to HTTP.
                args.add("--insecure");
              } else {
                args.addAll(connectionFlags(registry));
              }
              execute(credentials.password(), args).requireSuccess();
            });
  }

  /**
   * {@code helm push chart oci://host/repositoryPrefix} with the flags the variant needs; returns
   * the result (helm prints the pushed reference and digest).
   */
  public ToolRun push(Path chartTgz, Registry registry, String repositoryPrefix) {
    List<String> args = new ArrayList<>(List.of("push", chartTgz.toString(), registry.ociReference(repositoryPrefix)));
    args.addAll(connectionFlags(registry));
    return run(args.toArray(String[]::new));
  }

  /** {@code --plain-http} or {@code --ca-file …}, as {@code registry} needs. */
  public static List<String> connectionFlags(Registry registry) {
    if (registry.plainHttp()) {
      return List.of("--plain-http");
    }
    return registry.caFile().map(ca -> List.of("--ca-file", ca.toString())).orElse(List.of());
  }
}
