package io.ocihelm.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged operator as a user runs it outside the cluster: {@code bin/ocihelm operator} (the
 * Quarkus application built by {@code ./mvnw package}) with a kubeconfig for the ServiceAccount of
 * {@code deploy/}, so the shipped RBAC is what the operator gets and nothing more.
 *
 * <p>{@link #start} installs what the operator needs first: the CRD ({@code crds/}), its namespace,
 * ServiceAccount and RBAC ({@code deploy/00..02}; not the Deployment, which would never run here).
 * The process listens on 127.0.0.1 only (the launcher's default; a free port, for its health
 * endpoints) and is ended with the test bed like every {@link ManagedProcess}.
 */
public final class OperatorProcess implements AutoCloseable {

  /** The operator's identity, from {@code deploy/}. */
  public static final String NAMESPACE = "ocihelm-system";

  public static final String SERVICE_ACCOUNT = "ocihelm";

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final List<String> INSTALL_FILES =
      List.of("crds/", "deploy/00-namespace.yaml", "deploy/01-serviceaccount.yaml", "deploy/02-rbac.yaml");

  private final ManagedProcess process;
  private final Path kubeconfig;
  private final URI healthUrl;
  private final Duration startupTime;

  private OperatorProcess(ManagedProcess process, Path kubeconfig, URI healthUrl, Duration startupTime) {
    this.process = process;
    this.kubeconfig = kubeconfig;
    this.healthUrl = healthUrl;
    this.startupTime = startupTime;
  }

  /** The {@code kubectl apply} arguments that install the CRD and the operator's RBAC. */
  public static List<String> installArguments() {
    // Forced: installing the operator takes its CRD and RBAC over from whoever applied them before
    // (an older install, a test), as an upgrade of the operator would.
    List<String> args = new ArrayList<>(List.of("apply", "--server-side", "--force-conflicts", "--field-manager=ocihelm-install"));
    INSTALL_FILES.forEach(file -> args.addAll(List.of("-f", file)));
    return args;
  }

  /**
   * Installs the CRD and RBAC, then starts {@code bin/ocihelm operator} and waits until it is ready
   * (informers synced).
   *
   * @param watchNamespaces the namespaces to watch ({@code WATCH_NAMESPACE}); empty for all
   * @throws IllegalStateException when the launcher's artifact is missing (run {@code ./mvnw
   *     package}) or the operator does not become ready
   */
  public static OperatorProcess start(ControlPlane controlPlane, List<String> watchNamespaces) {
    Path repo = Path.of("").toAbsolutePath();
    Path launcher = repo.resolve("bin/ocihelm");
    if (!Files.isRegularFile(repo.resolve("target/quarkus-app/quarkus-run.jar"))) {
      throw new IllegalStateException("target/quarkus-app/quarkus-run.jar not found: build it with ./mvnw package -DskipTests");
    }
    Kubectl.admin(controlPlane).run(installArguments().toArray(String[]::new)).requireSuccess();
    Path dir = TestBedDirectory.create("operator");
    Path kubeconfig = controlPlane.writeServiceAccountKubeconfig(
        NAMESPACE, SERVICE_ACCOUNT, Duration.ofHours(24), dir.resolve("operator.kubeconfig"));
    int port = LoopbackPort.free();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KUBECONFIG", kubeconfig.toString());
    // The same JDK as this JVM (the launcher runs $JAVA_HOME/bin/java).
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // A free port so that several operators coexist; the launcher keeps them on loopback.
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    if (!watchNamespaces.isEmpty()) {
      env.put("WATCH_NAMESPACE", String.join(",", watchNamespaces));
    }
    long started = System.nanoTime();
    ManagedProcess process =
        ManagedProcess.start("ocihelm-operator", List.of(launcher.toString(), "operator"), dir.resolve("operator.log"), env);
    URI health = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    process.awaitReady(START_TIMEOUT, () -> http.send(
        HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    return new OperatorProcess(process, kubeconfig, health, Duration.ofNanos(System.nanoTime() - started));
  }

  /** The kubeconfig the operator runs with (the ServiceAccount's token). */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** Where the operator's readiness is reported. */
  public URI healthUrl() {
    return healthUrl;
  }

  /** From process start to ready (JVM start, Quarkus boot, informers synced). */
  public Duration startupTime() {
    return startupTime;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path logFile() {
    return process.logFile();
  }

  /** Everything the operator logged so far. */
  public String log() {
    try {
      return Files.readString(process.logFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines of the log, for failure messages. */
  public String logTail() {
    return process.logTail();
  }

  @Override
  public void close() {
    process.close();
  }
}
