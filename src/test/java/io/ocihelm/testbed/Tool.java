package io.ocihelm.testbed;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The external programs the test bed runs, located in the cache that {@code e2e/provision.sh} fills.
 *
 * <p>The cache directory is {@code $OCIHELM_TOOLS_DIR} (or the system property {@code
 * ocihelm.tools.dir}), default {@code ~/.cache/ocihelm/tools}; binaries live in its {@code bin/}.
 * {@link #path()} fails at once, naming the provisioning command, when a tool is missing.
 */
public enum Tool {
  ETCD("etcd"),
  KUBE_APISERVER("kube-apiserver"),
  KUBE_CONTROLLER_MANAGER("kube-controller-manager"),
  KUBECTL("kubectl"),
  /** Helm 4.1.4, the version that produced the conformance data. */
  HELM("helm"),
  /** Helm 3.17.3, for compatibility tests. */
  HELM3("helm3"),
  /** The CNCF distribution registry (Debian's docker-registry). */
  REGISTRY("registry"),
  /** cosign v2.6.5, the oracle for chart signatures (spec.verify.cosign). */
  COSIGN("cosign");

  /** The command that installs every tool; quoted in failure messages. */
  public static final String PROVISION_COMMAND = "e2e/provision.sh";

  private final String fileName;

  Tool(String fileName) {
    this.fileName = fileName;
  }

  /** The tools cache directory (not only {@code bin/}). */
  public static Path cacheDir() {
    String configured = System.getProperty("ocihelm.tools.dir", System.getenv("OCIHELM_TOOLS_DIR"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "ocihelm", "tools");
  }

  /**
   * The executable of this tool.
   *
   * @throws IllegalStateException when the tool is not provisioned; the message names {@link
   *     #PROVISION_COMMAND}
   */
  public Path path() {
    return pathIn(cacheDir());
  }

  Path pathIn(Path cacheDir) {
    Path binary = cacheDir.resolve("bin").resolve(fileName);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "test-bed tool '%s' not found at %s: run %s first (set OCIHELM_TOOLS_DIR to use another cache)"
              .formatted(fileName, binary, PROVISION_COMMAND));
    }
    return binary;
  }
}
