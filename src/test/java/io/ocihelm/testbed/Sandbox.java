package io.ocihelm.testbed;

import java.util.List;

/**
 * The main job until the operator exists ({@code e2e/sandbox.sh}): starts the test bed's control
 * plane and an anonymous registry, prints how to reach them, and runs until interrupted (Ctrl-C,
 * SIGTERM); everything stops with it. With {@code --once} it stops right after starting.
 */
public final class Sandbox {

  private Sandbox() {}

  public static void main(String[] args) throws InterruptedException {
    ControlPlane controlPlane = ControlPlane.shared();
    Registry registry = Registry.shared(Registry.Variant.ANONYMOUS);
    System.out.printf(
        """
        ocihelm sandbox is up (all on 127.0.0.1).
          Kubernetes API : %s (ready in %d ms, %s)
          kubeconfig     : %s
                           e.g. %s --kubeconfig %s get namespaces
          OCI registry   : %s (plain HTTP, anonymous; ready in %d ms)
                           e.g. %s push mychart-0.1.0.tgz %s --plain-http
          logs           : %s

        The ocihelm operator is not there yet: nothing reconciles OciHelmRelease objects in this sandbox.
        Press Ctrl-C to stop; everything started here stops with it.
        %n""",
        controlPlane.apiServerUrl(),
        controlPlane.startupTime().toMillis(),
        controlPlane.adminClient().getKubernetesVersion().getGitVersion(),
        controlPlane.kubeconfig(),
        Tool.KUBECTL.path(),
        controlPlane.kubeconfig(),
        registry.url(),
        registry.startupTime().toMillis(),
        Tool.HELM.path(),
        registry.ociReference("charts"),
        controlPlane.kubeconfig().getParent().getParent());
    if (List.of(args).contains("--once")) {
      // Smoke mode for scripts: prove the sandbox starts, then stop it.
      System.exit(0);
    }
    Thread.currentThread().join();
  }
}
