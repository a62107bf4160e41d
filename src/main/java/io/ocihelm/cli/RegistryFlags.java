package io.ocihelm.cli;

import io.ocihelm.oci.CredentialStore;
import io.ocihelm.oci.Credentials;
import io.ocihelm.oci.DockerConfig;
import io.ocihelm.oci.InvalidReferenceException;
import io.ocihelm.oci.RegistryOptions;
import io.ocihelm.oci.TlsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Helm's registry flags ({@code --username}, {@code --registry-config}, {@code --plain-http},
 * {@code --ca-file}, …), shared by every command that reads {@code oci://} charts.
 */
public final class RegistryFlags {
  @Option(names = "--username", description = "chart repository username")
  String username;

  @Option(names = "--password", description = "chart repository password")
  String password;

  @Option(names = "--registry-config", description = "path to the registry config file (helm's, docker's format)")
  Path registryConfig;

  @Option(names = "--plain-http", description = "use insecure HTTP connections for the chart download")
  boolean plainHttp;

  @Option(names = "--ca-file", description = "verify certificates of HTTPS-enabled servers using this CA bundle")
  Path caFile;

  @Option(names = "--cert-file", description = "identify HTTPS client using this SSL certificate file")
  Path certFile;

  @Option(names = "--key-file", description = "identify HTTPS client using this SSL key file")
  Path keyFile;

  @Option(names = "--insecure-skip-tls-verify", description = "skip tls certificate checks for the chart download")
  boolean insecureSkipTlsVerify;

  /** Registry options as helm would connect: flags first, then helm's and docker's config files. */
  public RegistryOptions toOptions() {
    TlsOptions tls = new TlsOptions(plainHttp, insecureSkipTlsVerify, read(caFile), read(certFile), read(keyFile));
    return RegistryOptions.defaults().withTls(host -> tls).withCredentials(credentials());
  }

  private CredentialStore credentials() {
    if (username != null || password != null) {
      return CredentialStore.of(Credentials.basic(username == null ? "" : username, password == null ? "" : password));
    }
    if (registryConfig != null) {
      return Files.exists(registryConfig) ? DockerConfig.load(registryConfig) : CredentialStore.ANONYMOUS;
    }
    return fromFile(helmRegistryConfig()).orElse(fromFile(dockerConfig()));
  }

  private static CredentialStore fromFile(Path file) {
    return file != null && Files.isRegularFile(file) ? DockerConfig.load(file) : CredentialStore.ANONYMOUS;
  }

  /** {@code $HELM_REGISTRY_CONFIG}, else {@code $HELM_CONFIG_HOME/registry/config.json}, else XDG's. */
  private static Path helmRegistryConfig() {
    String explicit = System.getenv("HELM_REGISTRY_CONFIG");
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(explicit);
    }
    String configHome = System.getenv("HELM_CONFIG_HOME");
    if (configHome == null || configHome.isEmpty()) {
      String xdg = System.getenv("XDG_CONFIG_HOME");
      configHome = (xdg == null || xdg.isEmpty() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(xdg))
          .resolve("helm").toString();
    }
    return Path.of(configHome, "registry", "config.json");
  }

  private static Path dockerConfig() {
    String dir = System.getenv("DOCKER_CONFIG");
    return (dir == null || dir.isEmpty() ? Path.of(System.getProperty("user.home"), ".docker") : Path.of(dir))
        .resolve("config.json");
  }

  private static String read(Path file) {
    if (file == null) {
      return null;
    }
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new InvalidReferenceException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
