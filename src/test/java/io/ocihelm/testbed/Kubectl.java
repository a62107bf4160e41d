package io.ocihelm.testbed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real kubectl with a given kubeconfig, for what a user types: {@code apply}, {@code wait},
 * {@code get ohr}. Short-lived commands only (long-running processes are {@link ManagedProcess}es).
 */
public final class Kubectl {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final Path kubeconfig;

  public Kubectl(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  /** kubectl as the control plane's admin. */
  public static Kubectl admin(ControlPlane controlPlane) {
    return new Kubectl(controlPlane.kubeconfig());
  }

  /** Runs {@code kubectl --kubeconfig … args…}; never throws for a non-zero exit. */
  public ToolRun run(String... args) {
    return runWithInput(null, args);
  }

  /** As {@link #run}, with {@code stdin} (may be null) piped in, e.g. for {@code apply -f -}. */
  public ToolRun runWithInput(String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Tool.KUBECTL.path().toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    return ToolRun.of(new ProcessBuilder(command), stdin, TIMEOUT);
  }
}
