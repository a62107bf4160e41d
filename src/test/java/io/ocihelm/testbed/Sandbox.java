package io.ocihelm.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The main job ({@code e2e/sandbox.sh}): the product as a user runs it, on the test bed.
 *
 * <ol>
 *   <li>a control plane and an anonymous OCI registry on 127.0.0.1;
 *   <li>the sample chart {@code e2e/sample-chart} packaged and pushed with the real helm;
 *   <li>the CRD and the operator's RBAC applied with kubectl ({@code crds/}, {@code deploy/});
 *   <li>the operator, {@code bin/ocihelm operator}, as a local process with the token of the
 *       ServiceAccount of {@code deploy/} (so the shipped RBAC is all it has), watching all
 *       namespaces;
 *   <li>the sample release {@code e2e/sample-release.yaml} applied, {@code kubectl wait
 *       --for=condition=Ready}, {@code kubectl get ohr}, and the time from create to Ready.
 * </ol>
 *
 * It then runs until interrupted (Ctrl-C, SIGTERM); every process started here stops with it.
 * With {@code --once} it stops right after showing the Ready release (exit code 0), or fails with
 * exit code 1 and the operator's log tail.
 */
public final class Sandbox {

  private static final String SAMPLE_NAMESPACE = "demo";
  private static final String SAMPLE_RELEASE = "sample";

  private Sandbox() {}

  public static void main(String[] args) throws InterruptedException {
    boolean once = List.of(args).contains("--once");
    try {
      run();
    } catch (RuntimeException e) {
      System.err.println("\nThe sandbox failed: " + e.getMessage());
      System.exit(1);
    }
    if (once) {
      // Smoke mode for scripts and CI: everything was shown; the shutdown hooks stop the processes.
      System.exit(0);
    }
    Thread.currentThread().join();
  }

  private static void run() {
    step("control plane and OCI registry on 127.0.0.1");
    ControlPlane controlPlane = ControlPlane.shared();
    Registry registry = Registry.shared(Registry.Variant.ANONYMOUS);
    Path runDir = controlPlane.kubeconfig().getParent().getParent();
    Kubectl kubectl = Kubectl.admin(controlPlane);
    System.out.printf(
        "    Kubernetes API %s (%s, ready in %.1f s)%n    OCI registry   %s (plain HTTP, anonymous, ready in %.1f s)%n",
        controlPlane.apiServerUrl(),
        controlPlane.adminClient().getKubernetesVersion().getGitVersion(),
        seconds(controlPlane.startupTime()),
        registry.url(),
        seconds(registry.startupTime()));

    step("helm package e2e/sample-chart && helm push sample-0.1.0.tgz " + registry.ociReference("charts") + " --plain-http");
    Helm helm = Helm.isolated(runDir.resolve("helm"));
    helm.run("package", Path.of("e2e/sample-chart").toAbsolutePath().toString(), "--destination", runDir.toString()).requireSuccess();
    ToolRun pushed = helm.push(runDir.resolve("sample-0.1.0.tgz"), registry, "charts").requireSuccess();
    indent(pushed.stdout() + pushed.stderr());

    step("kubectl " + String.join(" ", OperatorProcess.installArguments()));
    OperatorProcess operator = OperatorProcess.start(controlPlane, List.of());
    System.out.printf(
        "==> bin/ocihelm operator  (KUBECONFIG=%s: the token of ServiceAccount %s/%s; all namespaces)%n"
            + "    ready in %.1f s (JVM start, Quarkus boot, informers synced), pid %d, log %s%n",
        operator.kubeconfig(), OperatorProcess.NAMESPACE, OperatorProcess.SERVICE_ACCOUNT,
        seconds(operator.startupTime()), operator.pid(), operator.logFile());

    Path release = runDir.resolve("sample-release.yaml");
    write(release, read(Path.of("e2e/sample-release.yaml")).replace("REGISTRY_HOST", registry.host()));
    step("kubectl create namespace " + SAMPLE_NAMESPACE + " && kubectl apply -f e2e/sample-release.yaml  (registry filled in: " + release + ")");
    kubectl.run("create", "namespace", SAMPLE_NAMESPACE).requireSuccess();
    long created = System.nanoTime();
    indent(kubectl.run("apply", "-f", release.toString()).requireSuccess().stdout());
    step("kubectl wait --for=condition=Ready ohr/" + SAMPLE_RELEASE + " -n " + SAMPLE_NAMESPACE + " --timeout=120s");
    ToolRun waited = kubectl.run(
        "wait", "--for=condition=Ready", "ohr/" + SAMPLE_RELEASE, "-n", SAMPLE_NAMESPACE, "--timeout=120s");
    Duration createToReady = Duration.ofNanos(System.nanoTime() - created);
    if (waited.exitCode() != 0) {
      indent(kubectl.run("get", "ohr", "-A").stdout());
      throw new IllegalStateException("the sample release did not become Ready: " + waited.stderr().strip()
          + "\noperator log (" + operator.logFile() + "):\n" + operator.logTail());
    }
    indent(waited.stdout());
    step("kubectl get ohr -A");
    indent(kubectl.run("get", "ohr", "-A").requireSuccess().stdout());
    step("kubectl get configmap,service,serviceaccount,role,rolebinding -n " + SAMPLE_NAMESPACE + " -l app.kubernetes.io/instance=" + SAMPLE_RELEASE);
    indent(kubectl.run("get", "configmap,service,serviceaccount,role,rolebinding", "-n", SAMPLE_NAMESPACE,
        "-l", "app.kubernetes.io/instance=" + SAMPLE_RELEASE).requireSuccess().stdout());
    step("helm list -n " + SAMPLE_NAMESPACE + "  (the release records are Helm's)");
    indent(helm.withKubeconfig(controlPlane.kubeconfig()).run("list", "-n", SAMPLE_NAMESPACE).requireSuccess().stdout());

    System.out.printf(
        """

        create -> Ready: %d ms  (kubectl apply until kubectl wait returned; the operator was already running)

        The sandbox is up (all on 127.0.0.1):
          export KUBECONFIG=%s
          export PATH=%s:$PATH
          kubectl get ohr -A                      # the release, Ready=True
          kubectl edit ohr sample -n demo         # change spec.values: the operator upgrades
          helm history sample -n demo             # revisions recorded as Helm's release Secrets
          helm push <chart>.tgz %s --plain-http   # more charts
          operator log: %s
          all logs    : %s
        Press Ctrl-C to stop; everything started here stops with it.
        %n""",
        createToReady.toMillis(),
        controlPlane.kubeconfig(),
        Tool.KUBECTL.path().getParent(),
        registry.ociReference("charts"),
        operator.logFile(),
        runDir);
  }

  private static void step(String what) {
    System.out.println("==> " + what);
  }

  private static void indent(String text) {
    text.lines().filter(line -> !line.isBlank()).forEach(line -> System.out.println("    " + line));
  }

  private static double seconds(Duration duration) {
    return duration.toMillis() / 1000.0;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
