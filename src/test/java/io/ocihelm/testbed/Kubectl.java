package io.ocihelm.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl with a given kubeconfig, for what a user types: {@code apply}, {@code wait},
 * {@code get ohr}. Short-lived commands only (long-running processes are {@link ManagedProcess}es).
 */
public final class Kubectl {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final Path kubeconfig;

  /** The result of one kubectl invocation. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {

    /** Returns this result, or throws with the command's output when it failed. */
    public Result requireSuccess() {
      if (exitCode != 0) {
        throw new IllegalStateException(
            "%s exited with %d%nstdout:%n%s%nstderr:%n%s".formatted(command, exitCode, stdout, stderr));
      }
      return this;
    }
  }

  public Kubectl(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  /** kubectl as the control plane's admin. */
  public static Kubectl admin(ControlPlane controlPlane) {
    return new Kubectl(controlPlane.kubeconfig());
  }

  /** Runs {@code kubectl --kubeconfig … args…}; never throws for a non-zero exit. */
  public Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Tool.KUBECTL.path().toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      CompletableFuture<String> stdout = readAsync(process.getInputStream());
      CompletableFuture<String> stderr = readAsync(process.getErrorStream());
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + TIMEOUT);
      }
      return new Result(command, process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static CompletableFuture<String> readAsync(java.io.InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
