package io.ocihelm.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocihelm.codec.GoYamlReader;
import io.ocihelm.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of ../shared/conformance/charts through the library (the CLI's code path, in
 * process): stdout must equal expected.yaml byte for byte, or for negative cases stderr must equal
 * expected-error.txt and the exit code match.
 *
 * <p>Strict: any mismatch fails its case. {@code -Dconformance.strict=false} turns the suite
 * report-only (a mismatch is reported as a skipped test and in the summary), for work in progress.
 * {@code -Dconformance.case=REGEX} runs a subset. The summary (pass count, failures by cause, first
 * difference per case) is printed and written to target/chart-conformance.txt.
 */
class ChartConformanceTest {
  static final Path CHARTS = Path.of("../shared/conformance/charts");
  static final boolean STRICT = !"false".equals(System.getProperty("conformance.strict"));
  static final Map<String, String> FAILURES = new ConcurrentHashMap<>();
  static final List<String> PASSED = java.util.Collections.synchronizedList(new ArrayList<>());

  static Stream<String> cases() throws IOException {
    String only = System.getProperty("conformance.case", "");
    try (Stream<Path> dirs = Files.list(CHARTS)) {
      return dirs.filter(d -> Files.exists(d.resolve("case.yaml")))
          .map(d -> d.getFileName().toString())
          .filter(c -> only.isEmpty() || c.matches(only))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** The helm template command line of a case, as ../shared/conformance/cli/check-charts.py builds it. */
  static List<String> args(Path dir, Map<String, Object> spec) {
    List<String> args = new ArrayList<>(List.of("template", String.valueOf(spec.get("release")),
        dir.resolve("chart.tgz").toString(), "--namespace", String.valueOf(spec.get("namespace")),
        "--kube-version", String.valueOf(spec.get("kubeVersion"))));
    if (spec.get("apiVersions") instanceof List<?> l) {
      l.forEach(v -> {
        args.add("--api-versions");
        args.add(String.valueOf(v));
      });
    }
    if (Boolean.TRUE.equals(spec.get("includeCrds"))) {
      args.add("--include-crds");
    }
    if (spec.get("extraArgs") instanceof List<?> l) {
      l.forEach(v -> args.add(String.valueOf(v)));
    }
    args.add("-f");
    args.add("values.yaml");
    return args;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersLikeHelm(String caseId) throws IOException {
    Path dir = CHARTS.resolve(caseId);
    Map<String, Object> spec = GoYamlReader.readMap(Files.readString(dir.resolve("case.yaml")));
    List<String> args = args(dir, spec);
    // -f values.yaml is resolved relative to the case directory, as in the recorded command.
    args.set(args.size() - 1, dir.resolve("values.yaml").toString());
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code;
    try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
        var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = runCatching(args, o, e);
    }
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = withoutWarnings(err.toString(StandardCharsets.UTF_8))
        .replace(dir.resolve("values.yaml").toString(), "values.yaml");
    String problem;
    if ("error".equals(spec.get("expect"))) {
      String expected = Files.readString(dir.resolve("expected-error.txt"));
      int expectedCode = ((Number) spec.get("exitCode")).intValue();
      if (code == 0) {
        problem = "helm failed, we succeeded";
      } else if (!stderr.equals(expected) || code != expectedCode) {
        problem = "error text differs: " + firstLine(stderr) + "  |  expected: " + firstLine(expected);
      } else {
        problem = null;
      }
    } else {
      String expected = Files.readString(dir.resolve("expected.yaml"));
      if (code != 0) {
        problem = "failed: " + lastLine(stderr);
      } else if (!stdout.equals(expected)) {
        problem = "output differs: " + firstDifference(expected, stdout);
      } else {
        problem = null;
      }
    }
    if (problem == null) {
      PASSED.add(caseId);
      return;
    }
    FAILURES.put(caseId, problem);
    if (STRICT) {
      assertThat(problem).as(caseId).isNull();
    }
    Assumptions.abort("report-only: " + problem);
  }

  private static int runCatching(List<String> args, PrintStream out, PrintStream err) {
    try {
      return Main.run(args.toArray(String[]::new), out, err);
    } catch (RuntimeException | StackOverflowError e) {
      err.println("crash: " + e);
      return 99;
    }
  }

  @AfterAll
  static void summary() {
    int total = PASSED.size() + FAILURES.size();
    StringBuilder sb = new StringBuilder();
    sb.append("\n=== chart conformance: ").append(PASSED.size()).append('/').append(total).append(" identical")
        .append(STRICT ? " (strict)" : " (report-only: -Dconformance.strict=false)").append('\n');
    Map<String, List<String>> byCause = new TreeMap<>();
    FAILURES.forEach((c, p) -> byCause.computeIfAbsent(cause(p), k -> new ArrayList<>()).add(c));
    byCause.entrySet().stream()
        .sorted((a, b) -> b.getValue().size() - a.getValue().size())
        .forEach(e -> sb.append(String.format("  %3d  %s%n", e.getValue().size(), e.getKey())));
    sb.append("--- per case\n");
    new TreeMap<>(FAILURES).forEach((c, p) -> sb.append("  ").append(c).append(": ")
        .append(p.length() > 220 ? p.substring(0, 220) + "…" : p).append('\n'));
    System.out.println(sb);
    try {
      Files.writeString(Path.of("target/chart-conformance.txt"), sb.toString());
    } catch (IOException e) {
      // the console copy is enough
    }
  }

  private static final Pattern NOT_DEFINED = Pattern.compile("function \"([^\"]+)\" not defined");

  /** A coarse cause for the summary table. */
  static String cause(String problem) {
    Matcher m = NOT_DEFINED.matcher(problem);
    if (m.find()) {
      return "function not defined: " + m.group(1);
    }
    if (problem.startsWith("output differs")) {
      return "output differs";
    }
    if (problem.startsWith("error text differs")) {
      return "error text differs";
    }
    if (problem.contains("crash:")) {
      return "crash: " + problem.replaceAll("(?s).*crash: ([\\w.$]+).*", "$1");
    }
    if (problem.contains("parse error")) {
      return "template parse error";
    }
    if (problem.contains("error calling")) {
      return "function error: " + problem.replaceAll("(?s).*error calling (\\w+).*", "$1");
    }
    return problem.length() > 90 ? problem.substring(0, 90) : problem;
  }

  private static String withoutWarnings(String stderr) {
    StringBuilder sb = new StringBuilder();
    for (String line : stderr.split("(?<=\n)")) {
      if (!line.startsWith("level=WARN")) {
        sb.append(line);
      }
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    return s.lines().findFirst().orElse("");
  }

  private static String lastLine(String s) {
    List<String> lines = s.strip().lines().toList();
    String joined = String.join(" ⏎ ", lines);
    return joined.length() > 300 ? joined.substring(0, 300) : joined;
  }

  /** Line number and the two versions of the first differing line. */
  static String firstDifference(String expected, String actual) {
    String[] e = expected.split("\n", -1);
    String[] a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<EOF>";
      String al = i < a.length ? a[i] : "<EOF>";
      if (!el.equals(al)) {
        return "line " + (i + 1) + ": expected [" + el + "] got [" + al + "]";
      }
    }
    return "(same lines, different bytes)";
  }
}
