package io.ocihelm.api.v1alpha1;

import io.ocihelm.testbed.ControlPlane;
import io.ocihelm.testbed.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl against the test bed's API server as cluster admin: the ITs check what users see
 * (error messages, printer columns) through the tool they see it with.
 */
final class Kubectl {

  record Result(int exitCode, String stdout, String stderr) {
    Result requireSuccess() {
      if (exitCode != 0) {
        throw new AssertionError("kubectl failed (" + exitCode + "):\n" + stderr + stdout);
      }
      return this;
    }
  }

  private final ControlPlane controlPlane;

  Kubectl(ControlPlane controlPlane) {
    this.controlPlane = controlPlane;
  }

  Result run(String... args) {
    return runWithInput(null, args);
  }

  /** Runs kubectl with {@code stdin} (may be null) piped in. */
  Result runWithInput(String stdin, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Tool.KUBECTL.path().toString());
    command.add("--kubeconfig=" + controlPlane.kubeconfig());
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("kubectl", ".out");
      Path err = Files.createTempFile("kubectl", ".err");
      try {
        Process process =
            new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try (var input = process.getOutputStream()) {
          if (stdin != null) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
          }
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("kubectl did not finish in 60s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }
}
