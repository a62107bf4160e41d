package io.ocihelm.e2e;

import io.ocihelm.testbed.ToolRun;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main job's sample chart ({@code e2e/sample-chart}) at any version, packaged and pushed with
 * the real helm, as a user publishes a chart.
 */
final class SampleChart {
  static final Path SOURCE = Path.of("e2e/sample-chart").toAbsolutePath();
  private static final Pattern DIGEST = Pattern.compile("Digest: (sha256:[0-9a-f]{64})");

  private SampleChart() {}

  /** {@code helm package} of the sample chart with {@code version}; returns the .tgz. */
  static Path packaged(Helm helm, Path workDir, String version) {
    Path copy = workDir.resolve("src-" + version).resolve("sample");
    copyTree(SOURCE, copy);
    try {
      Path chartYaml = copy.resolve("Chart.yaml");
      Files.writeString(chartYaml, Files.readString(chartYaml).replaceFirst("(?m)^version: .*$", "version: " + version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    helm.run("package", copy.toString(), "--destination", workDir.toString()).requireSuccess();
    return workDir.resolve("sample-" + version + ".tgz");
  }

  /** {@code helm push}; returns the manifest digest helm printed. */
  static String push(Helm helm, Path tgz, Registry registry, String repositoryPrefix) {
    ToolRun pushed = helm.push(tgz, registry, repositoryPrefix).requireSuccess();
    Matcher digest = DIGEST.matcher(pushed.stdout() + pushed.stderr());
    if (!digest.find()) {
      throw new IllegalStateException("helm push printed no digest: " + pushed);
    }
    return digest.group(1);
  }

  /**
   * Pushes the same .tgz again after touching its mtime: helm records it as the image's creation
   * time, so the same version gets a new manifest digest (DESIGN.md §4).
   */
  static String repush(Helm helm, Path tgz, Registry registry, String repositoryPrefix) {
    try {
      Files.setLastModifiedTime(tgz, FileTime.from(Instant.now().plusSeconds(3600)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return push(helm, tgz, registry, repositoryPrefix);
  }

  private static void copyTree(Path from, Path to) {
    try {
      Files.walkFileTree(from, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Files.createDirectories(to.resolve(from.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.copy(file, to.resolve(from.relativize(file).toString()));
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
