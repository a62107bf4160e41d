package io.ocihelm.oci;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Assumptions;

/**
 * Interim stand-in for the test bed's registry harness (branch {@code testbed},
 * {@code io.ocihelm.testbed.Registry}/{@code Helm}): a real distribution registry on 127.0.0.1,
 * anonymous or htpasswd, and the real helm, both from the test-bed tools cache. Same method names
 * as the test bed's, so the ITs move over when it lands on main.
 */
final class LocalRegistry implements AutoCloseable {
  enum Variant { ANONYMOUS, BASIC_AUTH }

  record Credentials(String username, String password) {}

  record HelmResult(int exitCode, String stdout, String stderr) {
    HelmResult requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError("helm failed (" + exitCode + "): " + stderr + stdout);
      }
      return this;
    }
  }

  private final Path dir;
  private final int port;
  private final Credentials credentials;
  private final Process process;

  static Path toolsBin() {
    String configured = System.getProperty("ocihelm.tools.dir", System.getenv("OCIHELM_TOOLS_DIR"));
    Path cache = configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "ocihelm", "tools");
    return cache.resolve("bin");
  }

  static LocalRegistry start(Variant variant, Path dir) throws IOException {
    Path binary = toolsBin().resolve("registry");
    Assumptions.assumeTrue(Files.isExecutable(binary), "registry not provisioned (e2e/provision.sh)");
    return new LocalRegistry(variant, dir, binary);
  }

  private LocalRegistry(Variant variant, Path dir, Path binary) throws IOException {
    this.dir = dir;
    this.port = freePort();
    String config = """
        version: 0.1
        log: {level: error, accesslog: {disabled: true}}
        storage: {filesystem: {rootdirectory: %s}, delete: {enabled: true}}
        http: {addr: 127.0.0.1:%d, secret: %s}
        """.formatted(dir.resolve("storage"), port, randomHex(16));
    if (variant == Variant.BASIC_AUTH) {
      credentials = new Credentials("ocihelm", "s3cret-" + randomHex(4));
      String hash = OpenBSDBCrypt.generate("2y", credentials.password().toCharArray(), randomBytes(16), 4);
      Path htpasswd = Files.writeString(dir.resolve("htpasswd"), credentials.username() + ":" + hash + "\n");
      config += "auth: {htpasswd: {realm: ocihelm, path: %s}}\n".formatted(htpasswd);
    } else {
      credentials = null;
    }
    Path configFile = Files.writeString(dir.resolve("config.yml"), config);
    process = new ProcessBuilder(binary.toString(), "serve", configFile.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("registry.log").toFile())
        .start();
    HttpClient http = HttpClient.newHttpClient();
    await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
      int status = http.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/")).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
      return status == 200 || status == 401;
    });
  }

  String host() {
    return "127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  String ociReference(String repository) {
    return "oci://" + host() + "/" + repository;
  }

  java.util.Optional<Credentials> credentials() {
    return java.util.Optional.ofNullable(credentials);
  }

  /** Runs the real helm (4.1.4) with isolated config/cache and this registry's connection flags appended. */
  HelmResult helm(String... args) throws IOException, InterruptedException {
    Path helm = toolsBin().resolve("helm");
    Assumptions.assumeTrue(Files.isExecutable(helm), "helm not provisioned (e2e/provision.sh)");
    List<String> command = new ArrayList<>(List.of(helm.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("HELM_CONFIG_HOME", dir.resolve("helm/config").toString());
    pb.environment().put("HELM_CACHE_HOME", dir.resolve("helm/cache").toString());
    pb.environment().put("HELM_DATA_HOME", dir.resolve("helm/data").toString());
    Path out = Files.createTempFile(dir, "helm-", ".out");
    Path err = Files.createTempFile(dir, "helm-", ".err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("helm timed out: " + command);
    }
    return new HelmResult(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** {@code helm registry login} when this registry has credentials. */
  void login() throws IOException, InterruptedException {
    if (credentials != null) {
      helm("registry", "login", host(), "--username", credentials.username(), "--password",
          credentials.password(), "--plain-http").requireSuccess();
    }
  }

  /** helm create + version + package; {@code extraFile} bytes (may be null) go to files/blob.bin. */
  Path packageChart(String name, String version, byte[] extraFile, Path workDir) throws Exception {
    Path chartDir = workDir.resolve(name + "-" + version.replace('+', '_'));
    Files.createDirectories(workDir);
    helm("create", chartDir.toString()).requireSuccess();
    Path chartYaml = chartDir.resolve("Chart.yaml");
    String text = Files.readString(chartYaml)
        .replaceFirst("(?m)^name: .*$", "name: " + name)
        .replaceFirst("(?m)^version: .*$", "version: " + version);
    Files.writeString(chartYaml, text);
    if (extraFile != null) {
      Files.createDirectories(chartDir.resolve("files"));
      Files.write(chartDir.resolve("files/blob.bin"), extraFile);
    }
    Path dest = workDir.resolve("pkg-" + name + "-" + version.replace('+', '_'));
    helm("package", chartDir.toString(), "--destination", dest.toString()).requireSuccess();
    return dest.resolve(name + "-" + version + ".tgz");
  }

  /** helm push into {@code oci://host/prefix}; returns the manifest digest helm printed. */
  String push(Path tgz, String prefix) throws Exception {
    HelmResult r = helm("push", tgz.toString(), ociReference(prefix), "--plain-http").requireSuccess();
    return digestIn(r.stdout() + r.stderr());
  }

  static String digestIn(String helmOutput) {
    for (String line : helmOutput.split("\n")) {
      if (line.startsWith("Digest: ")) {
        return line.substring("Digest: ".length()).strip();
      }
    }
    throw new AssertionError("no digest in helm output: " + helmOutput);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String randomHex(int bytes) {
    return HexFormat.of().formatHex(randomBytes(bytes));
  }

  private static byte[] randomBytes(int count) {
    byte[] b = new byte[count];
    new SecureRandom().nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

}
