package io.ocihelm.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A long-running child process of the test JVM (etcd, kube-apiserver, a registry) whose whole
 * process tree is ended on {@link #close()}, at JVM exit, and even when the JVM is killed.
 *
 * <p>The last case is covered by a watchdog shell that polls the JVM's pid and kills the processes
 * still listed in a pid file once the JVM is gone (a killed failsafe fork runs no shutdown hooks).
 */
final class ManagedProcess implements AutoCloseable {

  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Set<ManagedProcess> LIVE = new LinkedHashSet<>();
  private static Path pidFile;

  private final String name;
  private final Process process;
  private final Path logFile;

  private ManagedProcess(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts {@code command} with stdout and stderr appended to {@code logFile}.
   *
   * @param extraEnv variables added to the inherited environment
   */
  static ManagedProcess start(String name, List<String> command, Path logFile, Map<String, String> extraEnv) {
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(extraEnv);
      ManagedProcess started;
      synchronized (ManagedProcess.class) {
        ensureGuards();
        started = new ManagedProcess(name, builder.start(), logFile);
        LIVE.add(started);
        writePidFile();
      }
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /**
   * Waits until {@code ready} holds, failing early (with the log tail) if the process exits.
   *
   * @return the time it took
   */
  Duration awaitReady(Duration timeout, Callable<Boolean> ready) {
    long start = System.nanoTime();
    try {
      Awaitility.await(name + " ready")
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(100))
          // Connection refused and the like mean "not yet"; a dead process means "never".
          .ignoreExceptionsMatching(e -> !(e instanceof ProcessExitedException))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new ProcessExitedException();
                }
                return ready.call();
              });
    } catch (ProcessExitedException e) {
      close();
      throw new IllegalStateException(
          name + " exited with " + process.exitValue() + " before it was ready; log " + logFile + ":\n" + logTail());
    } catch (ConditionTimeoutException e) {
      close();
      throw new IllegalStateException(
          name + " not ready after " + timeout + "; log " + logFile + ":\n" + logTail(), e);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Thrown while polling when the process died: stops the wait at once. */
  private final class ProcessExitedException extends RuntimeException {
    ProcessExitedException() {
      super(name + " exited");
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Path logFile() {
    return logFile;
  }

  /** The last lines of the process log, for failure messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** Ends the process and its descendants: SIGTERM, then SIGKILL after a grace period. */
  @Override
  public void close() {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception notEndedInTime) {
        handle.destroyForcibly();
      }
    }
    synchronized (ManagedProcess.class) {
      LIVE.remove(this);
      writePidFile();
    }
  }

  private static void ensureGuards() throws IOException {
    if (pidFile != null) {
      return;
    }
    pidFile = Files.createTempFile("ocihelm-testbed-", ".pids");
    long jvm = ProcessHandle.current().pid();
    // Runs after the JVM is gone: SIGKILL whatever is still listed, then remove the pid file.
    String script =
        "while kill -0 %d 2>/dev/null; do sleep 1; done; for p in $(cat '%s' 2>/dev/null); do kill -9 $p 2>/dev/null; done; rm -f '%s'"
            .formatted(jvm, pidFile, pidFile);
    new ProcessBuilder("setsid", "sh", "-c", script)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  List<ManagedProcess> remaining;
                  synchronized (ManagedProcess.class) {
                    remaining = new ArrayList<>(LIVE);
                  }
                  // Last started first: the apiserver goes before its etcd.
                  for (int i = remaining.size() - 1; i >= 0; i--) {
                    remaining.get(i).close();
                  }
                },
                "ocihelm-testbed-teardown"));
  }

  private static void writePidFile() {
    StringBuilder pids = new StringBuilder();
    for (ManagedProcess live : LIVE) {
      live.process.descendants().forEach(d -> pids.append(d.pid()).append('\n'));
      pids.append(live.process.pid()).append('\n');
    }
    try {
      Path temp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
      Files.writeString(temp, pids);
      Files.move(temp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record test-bed pids in " + pidFile, e);
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
