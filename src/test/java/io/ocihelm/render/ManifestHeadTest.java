package io.ocihelm.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.codec.CodecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The head Helm's sorter reads from each document, and the fast scanner's one-sided contract:
 * whenever {@link HeadScanner} answers, the full read answers the same; otherwise it declines.
 */
class ManifestHeadTest {
  /**
   * Helm 4.1.4's verdict on one-template charts ({@code helm template r ./c}, template
   * {@code c/templates/x.yaml} = the document): the error after "YAML parse error on
   * c/templates/x.yaml: ", or for accepted documents the hook value helm logged ("skipping unknown
   * hooks hookTypes=...") or none.
   */
  static Stream<Arguments> helmVerdicts() {
    return Stream.of(
        Arguments.of("float-overflow-is-a-string", "x: 1e400\n", "kind= name= hook=null"),
        // a null or numeric hook annotation is present: "" and "5" are unknown events
        Arguments.of("hook-null", "kind: A\nmetadata:\n  name: h\n  annotations:\n    helm.sh/hook: ~\n",
            "kind=A name=h hook="),
        Arguments.of("hook-number", "metadata:\n  annotations:\n    helm.sh/hook: 5\n", "kind= name= hook=5"),
        Arguments.of("kind-array", "kind: [a]\n", "error unmarshaling JSON: while decoding JSON: json: "
            + "cannot unmarshal array into Go struct field SimpleHead.kind of type string"),
        Arguments.of("metadata-number", "metadata: 5\n", "error unmarshaling JSON: while decoding JSON: json: "
            + "cannot unmarshal number into Go struct field SimpleHead.metadata of type struct { Name string "
            + "\"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }"),
        Arguments.of("top-level-sequence", "- a\n", "error unmarshaling JSON: while decoding JSON: json: "
            + "cannot unmarshal array into Go value of type util.SimpleHead"),
        Arguments.of("api-version-array", "apiVersion: [1]\nkind: {a: 1}\n", "error unmarshaling JSON: while "
            + "decoding JSON: json: cannot unmarshal array into Go struct field SimpleHead.apiVersion of type string"),
        // the first type error in sorted key order wins
        Arguments.of("first-error-sorted", "metadata:\n  name: [1]\nkind: [2]\n", "error unmarshaling JSON: while "
            + "decoding JSON: json: cannot unmarshal array into Go struct field SimpleHead.kind of type string"),
        Arguments.of("upper-key-sorts-first", "metadata: [1]\nKind: [2]\n", "error unmarshaling JSON: while "
            + "decoding JSON: json: cannot unmarshal array into Go struct field SimpleHead.kind of type string"),
        Arguments.of("annotation-array", "metadata:\n  annotations:\n    a: [1]\n", "error unmarshaling JSON: while "
            + "decoding JSON: json: cannot unmarshal array into Go struct field .metadata.annotations of type string"),
        Arguments.of("annotations-array", "metadata:\n  annotations: [1]\n", "error unmarshaling JSON: while "
            + "decoding JSON: json: cannot unmarshal array into Go struct field .metadata.annotations of type "
            + "map[string]string"),
        Arguments.of("infinity", "x: .inf\n", "error converting YAML to JSON: json: unsupported value: +Inf"),
        Arguments.of("null-key", "~: 1\n",
            "error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: 1"),
        Arguments.of("mapping-in-value", "a: b: c\n",
            "error converting YAML to JSON: yaml: mapping values are not allowed in this context"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helmVerdicts")
  void readsLikeHelm(String id, String doc, String expected) {
    assertThat(verdict(() -> ManifestHead.readFully(doc))).isEqualTo(expected);
    assertThat(verdict(() -> ManifestHead.read(doc))).isEqualTo(expected);
  }

  /**
   * The kind Helm sorts by, seen through its output order: helm 4.1.4 rendering templates a.yaml
   * and b.yaml printed them in this order (unknown kinds sort by name, stably; Pod before them).
   * sigs.k8s.io/yaml turns numbers and bools bound for SimpleHead.kind into strings, and
   * encoding/json matches "KIND"/"Kind" to the field (of two, the later in sorted key order wins).
   */
  static Stream<Arguments> helmOrders() {
    return Stream.of(
        Arguments.of("hex-int-is-31", "kind: \"30\"\n", "kind: 0x1F\n", "a.yaml b.yaml"),
        Arguments.of("float-is-shortest-g", "kind: \"1.0\"\n", "kind: 1.0\n", "b.yaml a.yaml"),
        Arguments.of("nan-is-NaN", "kind: NaM\n", "kind: .nan\n", "a.yaml b.yaml"),
        Arguments.of("big-int-in-decimal", "kind: \"12345678901234\"\n", "kind: 12345678901234\n", "a.yaml b.yaml"),
        Arguments.of("yes-is-true", "kind: \"trud\"\n", "kind: yes\n", "a.yaml b.yaml"),
        Arguments.of("upper-case-field", "kind: Zzz\n", "KIND: Pod\n", "b.yaml a.yaml"),
        Arguments.of("later-sorted-key-wins", "kind: Zzz\n", "Kind: Pod\nkind: Zzzz\n", "a.yaml b.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helmOrders")
  void sortsByTheKindHelmReads(String id, String a, String b, String expectedOrder) {
    var sorted = ManifestSorter.sort(Map.of("c/templates/a.yaml", a, "c/templates/b.yaml", b));
    assertThat(String.join(" ", sorted.manifests().stream()
        .map(m -> m.path().substring(m.path().lastIndexOf('/') + 1)).toList())).isEqualTo(expectedOrder);
  }

  @Test
  void caseInsensitiveFieldsMakeAHook() {
    var sorted = ManifestSorter.sort(Map.of(
        "c/templates/x.yaml", "Metadata:\n  Annotations:\n    helm.sh/hook: pre-install\n"));
    assertThat(sorted.hooks()).extracting(Manifest::hookEvents).containsExactly(List.of("pre-install"));
  }

  @Test
  void nullOrUnknownHookDropsTheDocument() {
    var sorted = ManifestSorter.sort(Map.of(
        "c/templates/a.yaml", "kind: A\nmetadata:\n  name: n\n  annotations:\n    helm.sh/hook: ~\n",
        "c/templates/b.yaml", "kind: B\n"));
    assertThat(sorted.hooks()).isEmpty();
    assertThat(sorted.manifests()).extracting(Manifest::kind).containsExactly("B");
  }

  static Stream<String> corpusCases() throws IOException {
    try (Stream<Path> dirs = Files.list(ManifestSorterTest.CHARTS)) {
      return dirs.filter(d -> Files.exists(d.resolve("expected.yaml")))
          .map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  /** Every document Helm printed for the corpus: the scanner declines or agrees with the full read. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusCases")
  void scannerAgreesOnCorpus(String caseId) {
    for (String[] doc : ManifestSorterTest.documents(ManifestSorterTest.read(
        ManifestSorterTest.CHARTS.resolve(caseId).resolve("expected.yaml")))) {
      ManifestHead fast = HeadScanner.scan(doc[1]);
      if (fast != null) {
        assertThat(fast).as(doc[0]).isEqualTo(ManifestHead.readFully(doc[1]));
      }
    }
  }

  /** The scanner takes the common documents (otherwise it would not save anything). */
  @Test
  void scannerTakesMostCorpusDocuments() throws IOException {
    int taken = 0;
    int total = 0;
    for (String caseId : corpusCases().toList()) {
      for (String[] doc : ManifestSorterTest.documents(ManifestSorterTest.read(
          ManifestSorterTest.CHARTS.resolve(caseId).resolve("expected.yaml")))) {
        total++;
        taken += HeadScanner.scan(doc[1]) != null ? 1 : 0;
      }
    }
    assertThat(taken).as("documents scanned of %d", total).isGreaterThan(total * 9 / 10);
  }

  private static final String NOISE = " :-#\"'\n|>{}[]&*!?,%@`x0.~\t\\\u00a0";

  /**
   * Small corpus documents damaged at random (characters inserted, deleted, lines re-indented):
   * whatever the scanner accepts, the full read must accept with the same head.
   */
  @Test
  void scannerNeverAcceptsWhatTheFullReadDoesNot() throws IOException {
    List<String> docs = new ArrayList<>();
    for (String caseId : corpusCases().toList()) {
      for (String[] doc : ManifestSorterTest.documents(ManifestSorterTest.read(
          ManifestSorterTest.CHARTS.resolve(caseId).resolve("expected.yaml")))) {
        if (doc[1].length() < 3000) {
          docs.add(doc[1]);
        }
      }
    }
    Random random = new Random(42);
    int accepted = 0;
    // more rounds when hunting: -DmanifestHead.mutations=500000
    int rounds = Integer.getInteger("manifestHead.mutations", 5_000);
    for (int round = 0; round < rounds; round++) {
      String doc = ManifestSorter.goTrimSpace(mutate(docs.get(random.nextInt(docs.size())), random));
      ManifestHead fast = HeadScanner.scan(doc);
      if (fast == null) {
        continue;
      }
      accepted++;
      String full = verdict(() -> ManifestHead.readFully(doc));
      assertThat(full).as("scanner accepted:\n%s", doc).isEqualTo(describe(fast));
    }
    assertThat(accepted).isGreaterThan(rounds / 20);
  }

  private static String mutate(String doc, Random random) {
    StringBuilder b = new StringBuilder(doc);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits && b.length() > 0; i++) {
      int at = random.nextInt(b.length());
      switch (random.nextInt(4)) {
        case 0 -> b.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
        case 1 -> b.deleteCharAt(at);
        case 2 -> {
          int lineStart = b.lastIndexOf("\n", at) + 1;
          b.insert(lineStart, random.nextBoolean() ? " " : "  ");
        }
        default -> {
          int lineStart = b.lastIndexOf("\n", at) + 1;
          if (b.length() > lineStart && b.charAt(lineStart) == ' ') {
            b.deleteCharAt(lineStart);
          }
        }
      }
    }
    return b.toString();
  }

  private static String verdict(java.util.function.Supplier<ManifestHead> read) {
    try {
      return describe(read.get());
    } catch (CodecException e) {
      return e.getMessage();
    }
  }

  private static String describe(ManifestHead h) {
    String weightAndPolicy = h.hookWeight() == null && h.hookDeletePolicy() == null ? ""
        : " weight=" + h.hookWeight() + " policy=" + h.hookDeletePolicy();
    return "kind=" + h.kind() + " name=" + h.name() + " hook=" + h.hook() + weightAndPolicy;
  }

  @Test
  void invalidYamlKeepsHelmsMessage() {
    assertThatThrownBy(() -> ManifestHead.read("x: 1\na: b: c\n"))
        .isInstanceOf(CodecException.class)
        .hasMessage("error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context");
  }
}
