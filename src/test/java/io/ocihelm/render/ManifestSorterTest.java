package io.ocihelm.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ordering and formatting against Helm's own output: every expected.yaml of the corpus is taken
 * apart into per-template documents (in their output order), handed to the sorter as rendered
 * files, and must come back byte-identical.
 */
class ManifestSorterTest {
  static final Path CHARTS = Path.of("../shared/conformance/charts");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CHARTS)) {
      return dirs.filter(d -> Files.exists(d.resolve("expected.yaml")))
          .filter(d -> !read(d.resolve("case.yaml")).contains("includeCrds: true"))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reassemblesHelmOutput(String caseId) {
    String expected = read(CHARTS.resolve(caseId).resolve("expected.yaml"));
    Map<String, String> files = new LinkedHashMap<>();
    List<String[]> docs = documents(expected);
    // A document whose text itself starts with "---" cannot be told apart once re-joined.
    org.junit.jupiter.api.Assumptions.assumeFalse(docs.stream().anyMatch(d -> d[1].startsWith("---")));
    for (String[] doc : docs) {
      files.merge(doc[0], doc[1], (a, b) -> a + "\n---\n" + b);
    }
    ManifestSorter.Sorted sorted = ManifestSorter.sort(files);
    RenderedRelease release = new RenderedRelease(sorted.manifests(), sorted.hooks(), "", List.of());
    assertThat(TemplateOutput.format(release, TemplateOutput.Options.defaults())).isEqualTo(expected);
  }

  @Test
  void emptyReleaseIsOneNewline() {
    var release = new RenderedRelease(List.of(), List.of(), "", List.of());
    assertThat(TemplateOutput.format(release, TemplateOutput.Options.defaults())).isEqualTo("\n");
  }

  @Test
  void splitsLikeHelm() {
    assertThat(ManifestSorter.split("\n---\na: 1\n---\nb: 2\n---\n\nc: 3\n  ---\nd"))
        .containsExactly("a: 1", "b: 2", "c: 3\n  ---\nd");
  }

  // Expected texts are helm 4.1.4's for the same template (libyaml omits "line N:" on the first line).
  @Test
  void invalidYamlNamesTheTemplate() {
    assertThatThrownBy(() -> ManifestSorter.sort(Map.of("c/templates/x.yaml", "a: b: c\n")))
        .isInstanceOf(RenderException.class)
        .hasMessage("YAML parse error on c/templates/x.yaml: error converting YAML to JSON: yaml: "
            + "mapping values are not allowed in this context");
    assertThatThrownBy(() -> ManifestSorter.sort(Map.of("c/templates/x.yaml", "x: 1\na: b: c\n")))
        .isInstanceOf(RenderException.class)
        .hasMessage("YAML parse error on c/templates/x.yaml: error converting YAML to JSON: yaml: line 2: "
            + "mapping values are not allowed in this context");
  }

  @Test
  void skipsTestHooksAndSelectsShowOnly() {
    var sorted = ManifestSorter.sort(Map.of(
        "c/templates/svc.yaml", "kind: Service\nmetadata:\n  name: s",
        "c/templates/tests/t.yaml",
        "kind: Pod\nmetadata:\n  name: t\n  annotations:\n    helm.sh/hook: test",
        "c/templates/x.yaml", "kind: Job\nmetadata:\n  annotations:\n    helm.sh/hook: unknown-event"));
    var release = new RenderedRelease(sorted.manifests(), sorted.hooks(), "", List.of());
    assertThat(TemplateOutput.format(release, new TemplateOutput.Options(false, true, List.of())))
        .isEqualTo("---\n# Source: c/templates/svc.yaml\nkind: Service\nmetadata:\n  name: s\n");
    assertThat(TemplateOutput.format(release, new TemplateOutput.Options(false, false, List.of("templates/tests/*"))))
        .startsWith("---\n# Source: c/templates/tests/t.yaml\nkind: Pod");
    assertThatThrownBy(() -> TemplateOutput.format(release, new TemplateOutput.Options(false, false, List.of("nope.yaml"))))
        .hasMessage("could not find template nope.yaml in chart");
  }

  /** (path, content) of each document of a helm template output, in output order. */
  static List<String[]> documents(String output) {
    List<String[]> docs = new ArrayList<>();
    String marker = "---\n# Source: ";
    int at = output.indexOf(marker);
    while (at >= 0) {
      int next = output.indexOf("\n" + marker, at);
      String doc = next < 0 ? output.substring(at) : output.substring(at, next + 1);
      String body = doc.substring(marker.length());
      int nl = body.indexOf('\n');
      String path = body.substring(0, nl);
      String content = body.substring(nl + 1);
      docs.add(new String[] {path, content.substring(0, content.length() - 1)});
      at = next < 0 ? -1 : next + 1;
    }
    return docs;
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
