package io.ocihelm.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One run of a test-bed tool (helm, kubectl, cosign): its command line, exit code and output. */
public record ToolRun(List<String> command, int exitCode, String stdout, String stderr) {

  /** Returns this run, or throws with the command's output when it failed. */
  public ToolRun requireSuccess() {
    if (exitCode != 0) {
      throw new IllegalStateException(
          "%s exited with %d%nstdout:%n%s%nstderr:%n%s".formatted(command, exitCode, stdout, stderr));
    }
    return this;
  }

  /**
   * Starts {@code builder}, writes {@code stdin} (nothing when null), reads both outputs while it
   * runs and waits up to {@code timeout}; a non-zero exit is a result, not an exception.
   */
  static ToolRun of(ProcessBuilder builder, String stdin, Duration timeout) {
    List<String> command = builder.command();
    try {
      Process process = builder.start();
      try (var input = process.getOutputStream()) {
        if (stdin != null) {
          input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
      }
      CompletableFuture<String> stdout = readAsync(process.getInputStream());
      CompletableFuture<String> stderr = readAsync(process.getErrorStream());
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      return new ToolRun(List.copyOf(command), process.exitValue(), stdout.join(), stderr.join());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static CompletableFuture<String> readAsync(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
