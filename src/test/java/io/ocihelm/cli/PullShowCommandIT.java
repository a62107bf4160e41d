package io.ocihelm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocihelm.oci.HelmCharts;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ocihelm pull} and {@code ocihelm show} next to the real helm on the same registry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PullShowCommandIT {
  private Registry registry;
  private Helm helm;
  private Path work;

  record Run(int exitCode, String stdout, String stderr) {}

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    work = tempDir;
    registry = Registry.shared(Registry.Variant.ANONYMOUS);
    helm = Helm.isolated(work.resolve("helm"));
    Path src = work.resolve("src");
    Files.createDirectories(src);
    Path chart = src.resolve("showme");
    helm.run("create", chart.toString()).requireSuccess();
    Files.createDirectories(chart.resolve("crds"));
    Files.writeString(chart.resolve("crds/a.yaml"), "apiVersion: v1\nkind: A\n");
    Files.writeString(chart.resolve("crds/b.yml"), "---\nkind: B");
    Files.writeString(chart.resolve("README.md"), "# Show me\n\nA chart.");
    Files.writeString(chart.resolve("Chart.yaml"), Files.readString(chart.resolve("Chart.yaml"))
        .replaceFirst("(?m)^description: .*$", "description: A description long enough to be folded by the YAML emitter of helm when it prints the chart")
        + "keywords: [a, \"1.0\", \"yes\", \"*star\", \"with: colon\", \"-dash\", \"2024-01-02\", \"1:20\"]\n"
        + "maintainers:\n  - name: Jo\n    email: jo@example.com\nannotations:\n  b: \"2\"\n  a: \"true\"\n"
        + "kubeVersion: \">=1.20.0-0\"\nhome: https://example.com\nsources: [\"https://example.com/src\"]\n");
    helm.run("package", chart.toString(), "--destination", src.toString()).requireSuccess();
    HelmCharts.push(helm, src.resolve("showme-0.1.0.tgz"), registry, "cli");
    for (String v : List.of("1.0.0", "1.1.0+build.7")) {
      HelmCharts.push(helm, HelmCharts.packageChart(helm, "pullme", v, null, src), registry, "cli");
    }
  }

  private Run ocihelm(String... args) {
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int code = Main.run(args, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    return new Run(code, out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  static Stream<String> versions() {
    return Stream.of("", "1.0.0", "^1", "1.1.0+build.7");
  }

  @ParameterizedTest(name = "pull --version [{0}]")
  @MethodSource("versions")
  void pullWritesHelmsBytesAndMessages(String version) throws Exception {
    Path ours = Files.createTempDirectory(work, "ours-");
    Path helms = Files.createTempDirectory(work, "helms-");
    String ref = registry.ociReference("cli/pullme");
    Run run = ocihelm("pull", ref, "--version", version, "--plain-http", "--destination", ours.toString());
    var helm = this.helm.run("pull", ref, "--version", version, "--plain-http", "--destination", helms.toString());
    assertThat(run.exitCode()).as(run.stderr()).isEqualTo(helm.exitCode()).isZero();
    assertThat(run.stderr()).isEqualTo(helm.stderr());
    assertThat(run.stdout()).isEqualTo(helm.stdout());
    List<Path> helmFiles = list(helms);
    assertThat(list(ours)).extracting(p -> p.getFileName().toString())
        .containsExactlyElementsOf(helmFiles.stream().map(p -> p.getFileName().toString()).toList());
    assertThat(Files.readAllBytes(ours.resolve(helmFiles.get(0).getFileName())))
        .isEqualTo(Files.readAllBytes(helmFiles.get(0)));
  }

  @Test
  void untarExpandsTheSameFilesAsHelm() throws Exception {
    Path ours = Files.createTempDirectory(work, "ours-");
    Path helms = Files.createTempDirectory(work, "helms-");
    String ref = registry.ociReference("cli/showme");
    assertThat(ocihelm("pull", ref, "--untar", "--plain-http", "-d", ours.toString()).exitCode()).isZero();
    assertThat(helm.run("pull", ref, "--untar", "--plain-http", "-d", helms.toString()).exitCode()).isZero();
    List<String> helmTree = tree(helms);
    assertThat(tree(ours)).isEqualTo(helmTree);
    for (String f : helmTree) {
      if (Files.isRegularFile(helms.resolve(f))) {
        assertThat(Files.readAllBytes(ours.resolve(f))).as(f).isEqualTo(Files.readAllBytes(helms.resolve(f)));
      }
    }
  }

  static Stream<String> parts() {
    return Stream.of("chart", "values", "readme", "crds", "all");
  }

  @ParameterizedTest(name = "show {0}")
  @MethodSource("parts")
  void showPrintsWhatHelmPrints(String part) throws Exception {
    String ref = registry.ociReference("cli/showme");
    Run run = ocihelm("show", part, ref, "--plain-http");
    var helm = this.helm.run("show", part, ref, "--plain-http");
    assertThat(helm.exitCode()).isZero();
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo(helm.stdout());
  }

  @Test
  void missingVersionFailsLikeHelm() throws Exception {
    Run run = ocihelm("pull", registry.ociReference("cli/pullme"), "--version", ">9", "--plain-http", "-d", work.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stderr()).startsWith("Error: could not locate a version matching provided version string >9");
  }

  private static List<Path> list(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static List<String> tree(Path dir) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().forEach(out::add);
    }
    return out;
  }
}
