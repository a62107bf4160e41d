package io.ocihelm.template;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.TemplateFunctions;
import io.ocihelm.template.value.NamedMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs every conformance vector of ../shared/conformance/functions (the exact output of Helm
 * 4.1.4) through our engine, following the README's harness conventions, and prints a pass table
 * per category.
 *
 * <p>System properties: {@code -Dvectors=strings,lists} (categories), {@code -Dvector=strings-0011}
 * (one id, prints details), {@code -Dvectors.strict=syntax,builtins} (these categories must pass,
 * overriding the default strict set). A vector whose template calls a function nobody has
 * registered yet is <em>blocked</em>, not failed: it waits for its family, not for the engine.
 */
class FunctionVectorsTest {
  /** Categories that must pass (blocked vectors excepted); grows as categories reach 100 %. */
  private static final Set<String> DEFAULT_STRICT = Set.of("syntax", "builtins", "printf", "strings",
      "string_lists", "math", "dates", "defaults", "encoding", "lists", "dicts", "conversion", "regex",
      "crypto", "semver", "url_path", "random_shape", "flow", "yaml_json", "include_tpl", "files",
      "values", "idioms", "objects");

  private static final Path VECTORS = Path.of("..", "shared", "conformance", "functions");
  private static final Pattern NOT_DEFINED = Pattern.compile("function \"([^\"]+)\" not defined");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Vector(String category, String id, JsonNode json) {}

  enum Outcome { PASS, FAIL, BLOCKED }

  record Result(Vector vector, Outcome outcome, String detail, boolean finalMessageMatches) {}

  @Test
  void vectorsMatchHelm() throws IOException {
    Path dir = VECTORS.toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      fail("conformance vectors missing: " + dir + " (expected at ../shared/conformance/functions)");
    }
    Set<String> categories = csv(System.getProperty("vectors"));
    String onlyId = System.getProperty("vector");
    Set<String> strict = System.getProperty("vectors.strict") != null
        ? csv(System.getProperty("vectors.strict")) : DEFAULT_STRICT;

    List<Vector> vectors = load(dir, categories, onlyId);
    FunctionRegistry registry = TemplateFunctions.helm();
    List<Result> results = vectors.stream().map(v -> run(v, registry)).toList();

    Map<String, int[]> table = new TreeMap<>();
    for (Result r : results) {
      int[] row = table.computeIfAbsent(r.vector().category(), k -> new int[5]);
      row[0]++;
      row[r.outcome().ordinal() + 1]++;
      if (r.vector().json().has("error") && r.finalMessageMatches()) {
        row[4]++;
      }
    }
    StringBuilder report = new StringBuilder(String.format("%n%-14s %6s %6s %6s %8s %14s%n",
        "category", "total", "pass", "fail", "blocked", "errFinalMatch"));
    int[] sum = new int[5];
    table.forEach((cat, row) -> {
      report.append(String.format("%-14s %6d %6d %6d %8d %14d%n", cat, row[0], row[1], row[2], row[3], row[4]));
      for (int i = 0; i < 5; i++) {
        sum[i] += row[i];
      }
    });
    report.append(String.format("%-14s %6d %6d %6d %8d %14d%n", "TOTAL", sum[0], sum[1], sum[2], sum[3], sum[4]));
    System.out.println(report);

    boolean verbose = onlyId != null || Boolean.getBoolean("vectors.verbose");
    List<Result> strictFailures = new ArrayList<>();
    for (Result r : results) {
      if (r.outcome() == Outcome.PASS) {
        continue;
      }
      boolean isStrict = strict.contains(r.vector().category()) && r.outcome() == Outcome.FAIL;
      if (isStrict) {
        strictFailures.add(r);
      }
      if (verbose || isStrict) {
        System.out.println("--- " + r.outcome() + " " + r.vector().id() + "\n" + r.detail());
      }
    }
    if (!strictFailures.isEmpty()) {
      fail(strictFailures.size() + " vectors of strict categories " + strict + " fail: "
          + strictFailures.stream().map(r -> r.vector().id()).collect(Collectors.joining(", ")));
    }
  }

  private static Set<String> csv(String s) {
    if (s == null || s.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).collect(Collectors.toSet());
  }

  private static List<Vector> load(Path dir, Set<String> categories, String onlyId) throws IOException {
    List<Vector> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        String category = f.getFileName().toString().replace(".jsonl", "");
        if (!categories.isEmpty() && !categories.contains(category)) {
          continue;
        }
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode json = JSON.readTree(line);
          String id = json.get("id").asText();
          if (onlyId == null || onlyId.equals(id)) {
            out.add(new Vector(category, id, json));
          }
        }
      }
    }
    return out;
  }

  // ---- one vector, as helm template renders it ----

  private static Result run(Vector v, FunctionRegistry registry) {
    JsonNode json = v.json();
    String actualOutput = null;
    String actualError = null;
    try {
      actualOutput = render(v, registry);
    } catch (TemplateException e) {
      actualError = e.getMessage();
    } catch (RuntimeException e) {
      actualError = e.getMessage();
      if (!(e instanceof io.ocihelm.chart.ChartLoadException)) {
        actualError = "INTERNAL " + e;
        StringBuilder trace = new StringBuilder(actualError);
        for (StackTraceElement el : e.getStackTrace()) {
          trace.append("\n  at ").append(el);
          if (trace.length() > 3000) {
            break;
          }
        }
        actualError = trace.toString();
      }
    }
    String expected = json.has("expected") ? json.get("expected").asText()
        : json.has("expectedBase64")
            ? new String(Base64.getDecoder().decode(json.get("expectedBase64").asText()), StandardCharsets.UTF_8)
            : null;
    String expectedError = json.has("error") ? json.get("error").asText() : null;

    String detail = "template: " + json.get("template").asText()
        + "\nexpected: " + (expectedError != null ? "ERROR " + expectedError : expected)
        + "\nactual:   " + (actualError != null ? "ERROR " + actualError : actualOutput);
    boolean pass = expectedError != null ? expectedError.equals(actualError)
        : actualError == null && expected.equals(actualOutput);
    if (pass) {
      return new Result(v, Outcome.PASS, detail, true);
    }
    boolean finalMatches = expectedError != null && actualError != null
        && finalMessage(expectedError).equals(finalMessage(actualError));
    if (actualError != null && isBlocked(actualError, registry)) {
      return new Result(v, Outcome.BLOCKED, detail, finalMatches);
    }
    return new Result(v, Outcome.FAIL, detail, finalMatches);
  }

  /** Blocked: the engine reported a function no family has registered yet. */
  private static boolean isBlocked(String error, FunctionRegistry registry) {
    Matcher m = NOT_DEFINED.matcher(error);
    while (m.find()) {
      String name = m.group(1);
      if (!registry.has(name) && !name.equals("env") && !name.equals("expandenv")) {
        return true;
      }
    }
    return false;
  }

  private static String finalMessage(String error) {
    String lastLine = error.substring(error.lastIndexOf('\n') + 1).strip();
    int i = lastLine.lastIndexOf(": ");
    return i < 0 ? lastLine : lastLine.substring(i + 2);
  }

  private static String render(Vector v, FunctionRegistry registry) {
    JsonNode json = v.json();
    String valuesYaml = json.has("valuesYaml") ? json.get("valuesYaml").asText()
        : json.has("values") ? json.get("values").toString() : "";
    Map<String, Object> values = VectorContext.loadValues(valuesYaml);

    String base = VectorContext.CHART + "/";
    String mainFile = base + "templates/" + v.id() + ".yaml";
    Map<String, String> templates = new LinkedHashMap<>();
    Map<String, String> otherFiles = new LinkedHashMap<>();
    if (json.has("files")) {
      Iterator<Map.Entry<String, JsonNode>> it = json.get("files").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("templates/")) {
          templates.put(base + e.getKey(), e.getValue().asText());
        } else {
          otherFiles.put(e.getKey(), e.getValue().asText());
        }
      }
    }
    templates.put(mainFile, json.get("template").asText());

    // Helm parses and renders deepest paths first, reverse lexical within a depth.
    List<String> order = new ArrayList<>(templates.keySet());
    order.sort(Comparator.comparingInt((String p) -> p.split("/").length).reversed()
        .thenComparing(Comparator.<String>reverseOrder()));

    TemplateSet set = TemplateSet.create(registry);
    for (String file : order) {
      set.parse(file, templates.get(file));
    }
    NamedMap top = VectorContext.topLevel(values, otherFiles);
    String mainOutput = null;
    for (String file : order) {
      String baseName = file.substring(file.lastIndexOf('/') + 1);
      if (baseName.startsWith("_")) {
        continue; // partials are not rendered
      }
      VectorContext.setTemplate(top, file);
      String out = set.execute(file, top);
      if (file.equals(mainFile)) {
        mainOutput = out;
      }
    }
    // Helm compat: engine.Render deletes every "<no value>" in a file's output.
    return mainOutput.replace("<no value>", "");
  }
}
