package io.ocihelm.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and broken chart archives: each gets a clear error and nothing is written anywhere. */
class ChartArchiveTest {

  private static final String CHART_YAML = "apiVersion: v2\nname: demo\nversion: 0.1.0\n";
  private static final ChartArchive.Limits SMALL = new ChartArchive.Limits(1 << 20, 256 << 10, 100);

  record BadArchive(String name, byte[] archive, ChartArchive.Limits limits, String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<BadArchive> badArchives() {
    return Stream.of(
        new BadArchive("parent traversal", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          file(t, "demo/../../etc/passwd", "x");
        }), ChartArchive.Limits.HELM_DEFAULTS, "chart illegally references parent directory"),
        new BadArchive("absolute path after the chart directory", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          file(t, "demo//etc/passwd", "x");
        }), ChartArchive.Limits.HELM_DEFAULTS, "chart illegally contains absolute paths"),
        new BadArchive("Windows drive path", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          file(t, "demo\\c:\\windows\\x", "x");
        }), ChartArchive.Limits.HELM_DEFAULTS, "chart contains illegally named files"),
        new BadArchive("file at archive root", tgz(t -> file(t, "Chart.yaml", CHART_YAML)),
            ChartArchive.Limits.HELM_DEFAULTS, "chart yaml not in base directory"),
        new BadArchive("symlink escaping the chart", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          link(t, "demo/templates/x.yaml", "../../../etc/passwd", TarArchiveEntry.LF_SYMLINK);
        }), ChartArchive.Limits.HELM_DEFAULTS, "chart illegally contains a link outside the chart: \"templates/x.yaml\""),
        new BadArchive("symlink to an absolute path", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          link(t, "demo/templates/x.yaml", "/etc/passwd", TarArchiveEntry.LF_SYMLINK);
        }), ChartArchive.Limits.HELM_DEFAULTS, "chart illegally contains a link to an absolute path: \"templates/x.yaml\""),
        new BadArchive("hard link escaping the chart", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          link(t, "demo/values.yaml", "demo/../../etc/shadow", TarArchiveEntry.LF_LINK);
        }), ChartArchive.Limits.HELM_DEFAULTS, "chart illegally contains a link outside the chart: \"values.yaml\""),
        new BadArchive("gzip bomb in one file", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          file(t, "demo/bomb.txt", "0".repeat(2 << 20));
        }), SMALL, "decompressed chart is larger than the maximum size 1048576"),
        new BadArchive("file over the per-file cap", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          file(t, "demo/big.txt", "0".repeat(300 << 10));
        }), SMALL, "decompressed chart file \"demo/big.txt\" is larger than the maximum file size 262144"),
        new BadArchive("many files summing over the chart cap", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          for (int i = 0; i < 5; i++) {
            file(t, "demo/f" + i + ".txt", "0".repeat(250 << 10));
          }
        }), SMALL, "decompressed chart is larger than the maximum size 1048576"),
        new BadArchive("thousands of files", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          for (int i = 0; i < 25_000; i++) {
            file(t, "demo/files/f" + i, "");
          }
        }), ChartArchive.Limits.HELM_DEFAULTS, "chart archive has more than the maximum of 20000 entries"),
        new BadArchive("not gzip", "plain text".getBytes(StandardCharsets.UTF_8),
            ChartArchive.Limits.HELM_DEFAULTS, "failed to read chart archive"),
        new BadArchive("empty archive", tgz(t -> {}), ChartArchive.Limits.HELM_DEFAULTS, "no files in chart archive"),
        new BadArchive("invalid Chart.yaml", tgz(t -> file(t, "demo/Chart.yaml", "name: [unclosed\n")),
            ChartArchive.Limits.HELM_DEFAULTS, "cannot load Chart.yaml: error converting YAML to JSON: yaml: line"),
        new BadArchive("Chart.yaml missing", tgz(t -> file(t, "demo/values.yaml", "a: 1\n")),
            ChartArchive.Limits.HELM_DEFAULTS, "Chart.yaml file is missing"),
        new BadArchive("Chart.yaml without version", tgz(t -> file(t, "demo/Chart.yaml", "apiVersion: v2\nname: demo\n")),
            ChartArchive.Limits.HELM_DEFAULTS, "validation: chart.metadata.version is required"),
        new BadArchive("invalid values.yaml", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          file(t, "demo/values.yaml", "x: .inf\n");
        }), ChartArchive.Limits.HELM_DEFAULTS,
            "cannot load values.yaml: cannot unmarshal yaml document: error converting YAML to JSON: json: unsupported value: +Inf"),
        new BadArchive("broken subchart", tgz(t -> {
          file(t, "demo/Chart.yaml", CHART_YAML);
          file(t, "demo/charts/sub/values.yaml", "a: 1\n");
        }), ChartArchive.Limits.HELM_DEFAULTS, "error unpacking subchart sub in demo: Chart.yaml file is missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badArchives")
  void rejectsWithClearErrorAndWritesNothing(BadArchive bad, @TempDir Path temp) throws IOException {
    Path archive = temp.resolve("chart.tgz");
    Files.write(archive, bad.archive());
    List<Path> before = listTree(temp);

    assertThatThrownBy(() -> new ChartLoader(bad.limits()).load(archive))
        .isInstanceOf(ChartLoadException.class)
        .hasMessageStartingWith(bad.error());

    assertThat(listTree(temp)).isEqualTo(before);
  }

  @Test
  void linkInsideTheChartReadsAsItsTarget() {
    byte[] archive = tgz(t -> {
      file(t, "demo/Chart.yaml", CHART_YAML);
      file(t, "demo/files/real.txt", "content");
      link(t, "demo/files/alias.txt", "real.txt", TarArchiveEntry.LF_SYMLINK);
    });
    Chart chart = new ChartLoader().loadArchive(new ByteArrayInputStream(archive));
    assertThat(chart.files()).extracting(ChartFile::name, ChartFile::text)
        .contains(org.assertj.core.groups.Tuple.tuple("files/alias.txt", "content"));
  }

  @Test
  void sortsFilesLikeHelm() {
    byte[] sub = tgz(t -> file(t, "sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 1.0.0\n"));
    byte[] archive = tgz(t -> {
      file(t, "demo/Chart.yaml", CHART_YAML);
      file(t, "demo/values.yaml", "replicas: 2\nno: x\n");
      file(t, "demo/values.schema.json", "{}");
      file(t, "demo/templates/a.yaml", "kind: A");
      file(t, "demo/crds/c.yaml", "kind: CustomResourceDefinition");
      file(t, "demo/README.md", "readme");
      bytes(t, "demo/charts/sub-1.0.0.tgz", sub);
    });
    Chart chart = new ChartLoader().loadArchive(new ByteArrayInputStream(archive));
    assertThat(chart.values()).containsEntry("replicas", 2.0).containsEntry("false", "x");
    assertThat(chart.schema()).isNotNull();
    assertThat(chart.templates()).extracting(ChartFile::name).containsExactly("templates/a.yaml");
    assertThat(chart.files()).extracting(ChartFile::name).containsExactly("crds/c.yaml", "README.md");
    assertThat(chart.dependencies()).extracting(Chart::fullPath).containsExactly("demo/charts/sub");
    assertThat(chart.crdObjects()).extracting(Chart.Crd::filename).containsExactly("demo/crds/c.yaml");
  }

  @Test
  void loadsADirectoryHonouringHelmignore(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Chart.yaml"), CHART_YAML);
    Files.writeString(dir.resolve(".helmignore"), "*.bak\nsecret/\n");
    Files.createDirectories(dir.resolve("templates"));
    Files.createDirectories(dir.resolve("secret"));
    Files.writeString(dir.resolve("templates/a.yaml"), "kind: A");
    Files.writeString(dir.resolve("templates/.hidden.yaml"), "kind: H");
    Files.writeString(dir.resolve("templates/a.yaml.bak"), "kind: B");
    Files.writeString(dir.resolve("secret/key"), "k");
    Chart chart = new ChartLoader().load(dir);
    assertThat(chart.templates()).extracting(ChartFile::name).containsExactly("templates/a.yaml");
    assertThat(chart.files()).extracting(ChartFile::name).containsExactly(".helmignore");
  }

  @Test
  void directoryLinkOutsideTheChartIsRefused(@TempDir Path dir, @TempDir Path outside) throws IOException {
    Files.writeString(dir.resolve("Chart.yaml"), CHART_YAML);
    Files.writeString(outside.resolve("secret"), "s");
    Files.createSymbolicLink(dir.resolve("stolen"), outside.resolve("secret"));
    assertThatThrownBy(() -> new ChartLoader().load(dir))
        .isInstanceOf(ChartLoadException.class)
        .hasMessage("chart contains a link outside the chart directory: stolen");
  }


  private static byte[] tgz(Consumer<TarArchiveOutputStream> body) {
    var out = new ByteArrayOutputStream();
    try (var gz = new GzipCompressorOutputStream(out);
        var tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      body.accept(tar);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private static void file(TarArchiveOutputStream tar, String name, String content) {
    bytes(tar, name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static void bytes(TarArchiveOutputStream tar, String name, byte[] data) {
    try {
      var e = new TarArchiveEntry(name, true);
      e.setSize(data.length);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static void link(TarArchiveOutputStream tar, String name, String target, byte type) {
    try {
      var e = new TarArchiveEntry(name, type, true);
      e.setLinkName(target);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static List<Path> listTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.sorted().toList();
    }
  }

}
