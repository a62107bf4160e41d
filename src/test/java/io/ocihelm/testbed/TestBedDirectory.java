package io.ocihelm.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Working directories of test-bed components: {@code <base>/run-<jvm pid>/<component>-<n>}, where
 * base is the system property {@code ocihelm.testbed.dir} or {@code target/testbed}. They are kept
 * after the run (logs, configs, certificates help to debug a failure) and go with {@code mvn clean}.
 */
final class TestBedDirectory {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestBedDirectory() {}

  static Path create(String component) {
    Path base = Path.of(System.getProperty("ocihelm.testbed.dir", "target/testbed")).toAbsolutePath();
    Path dir = base.resolve("run-" + ProcessHandle.current().pid()).resolve(component + "-" + COUNTER.incrementAndGet());
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create test-bed directory " + dir, e);
    }
  }
}
