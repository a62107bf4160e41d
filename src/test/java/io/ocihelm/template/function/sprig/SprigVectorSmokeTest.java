package io.ocihelm.template.function.sprig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocihelm.codec.GoYamlReader;
import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.GoType;
import io.ocihelm.template.value.NamedMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the oracle vectors of the Sprig categories whose template is a single simple pipeline
 * ({@code {{ fn "lit" 1 (fn2 ...) | fn3 }}}) through a test-only mini evaluator, so the function
 * bodies are checked against Helm's real output before the executor exists. Vectors that need the
 * real engine (argument-conversion errors, printf, toJson, YAML values, ...) are skipped here and
 * covered by FunctionVectorsTest once the executor is on main.
 */
class SprigVectorSmokeTest {
  private static final Path VECTORS = Path.of("../shared/conformance/functions");
  private static final List<String> CATEGORIES = List.of(
      "strings", "string_lists", "math", "conversion", "defaults", "lists", "dicts", "encoding",
      "regex", "url_path", "random_shape", "semver");

  private final FunctionRegistry registry = new FunctionRegistry();

  SprigVectorSmokeTest() {
    StringFunctions.register(registry);
    StringListFunctions.register(registry);
    MathFunctions.register(registry);
    ConversionFunctions.register(registry);
    DefaultFunctions.register(registry);
    ListFunctions.register(registry);
    DictFunctions.register(registry);
    EncodingFunctions.register(registry);
    RegexFunctions.register(registry);
    UrlPathFunctions.register(registry);
    RandomFunctions.register(registry, RandomGenerator.of("L64X128MixRandom"));
    SemverFunctions.register(registry);
  }

  /** A vector the mini evaluator cannot run. */
  private static final class Unsupported extends RuntimeException {
    Unsupported(String why) {
      super(why, null, false, false);
    }
  }

  record Vector(String id, JsonNode json) {
    @Override
    public String toString() {
      return id + " " + json.get("template").asText();
    }
  }

  static Stream<Vector> vectors() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Vector> out = new ArrayList<>();
    for (String category : CATEGORIES) {
      for (String line : Files.readAllLines(VECTORS.resolve(category + ".jsonl"))) {
        JsonNode vector = json.readTree(line);
        out.add(new Vector(vector.get("id").asText(), vector));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matchesHelm(Vector vector) {
    String mismatch;
    try {
      mismatch = run(vector.json(), new ObjectMapper());
    } catch (Unsupported e) {
      Assumptions.abort("needs the real executor: " + e.getMessage());
      return;
    }
    assertThat(mismatch).as(vector.id()).isNull();
  }

  // null when the vector passes, else a description of the mismatch.
  private String run(JsonNode vector, ObjectMapper json) {
    if (vector.has("files")) throw new Unsupported("files");
    String template = vector.get("template").asText();
    if (!template.startsWith("{{ ") || !template.endsWith(" }}") || template.indexOf("{{", 2) >= 0) {
      throw new Unsupported("shape");
    }
    Object values = vector.has("values") ? toValue(vector.get("values"), true) : new LinkedHashMap<>();
    if (vector.has("valuesYaml")) {
      values = new NamedMap("common.Values", GoYamlReader.readMap(vector.get("valuesYaml").asText()));
    }
    Parser parser = new Parser(template.substring(3, template.length() - 3), values);
    String expectedError = vector.has("error") ? vector.get("error").asText() : null;
    if (expectedError != null && !expectedError.contains("error calling ")) throw new Unsupported("executor error");
    Object result;
    try {
      result = parser.pipeline();
      if (!parser.atEnd()) throw new Unsupported("trailing");
    } catch (FunctionException e) {
      if (expectedError == null) return "unexpected error: " + e.getMessage();
      String wanted = expectedError.substring(expectedError.lastIndexOf("error calling ")).replaceFirst("^error calling [A-Za-z0-9]+: ", "");
      return wanted.equals(e.getMessage()) ? null : "error " + e.getMessage() + " != " + wanted;
    }
    if (expectedError != null) return "expected error " + expectedError;
    String text = result == null ? "" : GoValueText.sprint(result);
    text = text.replace("<no value>", "");
    if (vector.has("expectedBase64")) {
      byte[] want = java.util.Base64.getDecoder().decode(vector.get("expectedBase64").asText());
      byte[] got = io.ocihelm.template.value.GoStringBytes.encode(text);
      return java.util.Arrays.equals(want, got) ? null : "bytes differ";
    }
    String expected = vector.get("expected").asText();
    return expected.equals(text) ? null : "got " + json.valueToTree(text) + " want " + json.valueToTree(expected);
  }

  private static Object toValue(JsonNode node, boolean top) {
    if (node.isNull()) return null;
    if (node.isTextual()) return node.asText();
    if (node.isBoolean()) return node.asBoolean();
    if (node.isNumber()) return node.asDouble();
    if (node.isArray()) {
      List<Object> out = new ArrayList<>();
      node.forEach(n -> out.add(toValue(n, false)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), toValue(e.getValue(), false)));
    return top ? new NamedMap("common.Values", out) : out;
  }

  /** pipeline := command ('|' command)* ; command := name arg* | arg ; arg := literal | (pipeline) | .Values.x */
  private final class Parser {
    private final String s;
    private final Object values;
    private int i;

    Parser(String s, Object values) {
      this.s = s;
      this.values = values;
    }

    boolean atEnd() {
      skip();
      return i >= s.length();
    }

    private void skip() {
      while (i < s.length() && s.charAt(i) == ' ') i++;
    }

    Object pipeline() {
      Object value = command(null, false);
      skip();
      while (i < s.length() && s.charAt(i) == '|') {
        i++;
        value = command(value, true);
        skip();
      }
      return value;
    }

    private Object command(Object piped, boolean hasPiped) {
      skip();
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
      String name = s.substring(start, i);
      if (name.isEmpty() || Character.isDigit(name.charAt(0)) || name.equals("nil") || name.equals("true") || name.equals("false")) {
        i = start;
        if (hasPiped) throw new Unsupported("pipe into value");
        return argument().value();
      }
      var function = registry.lookup(name).orElseThrow(() -> new Unsupported("function " + name));
      List<Arg> args = new ArrayList<>();
      while (true) {
        skip();
        if (i >= s.length() || s.charAt(i) == '|' || s.charAt(i) == ')') break;
        args.add(argument());
      }
      if (hasPiped) args.add(new Arg(piped, false));
      var signature = function.signature();
      int fixed = signature.parameters().size();
      if (signature.isVariadic() ? args.size() < fixed : args.size() != fixed) throw new Unsupported("arity");
      Object[] converted = new Object[args.size()];
      for (int k = 0; k < args.size(); k++) {
        GoType type = k < fixed ? signature.parameters().get(k) : signature.variadic();
        converted[k] = convert(args.get(k), type);
      }
      return function.body().call(null, converted);
    }

    private Object convert(Arg arg, GoType type) {
      Object v = arg.value();
      return switch (type) {
        case ANY -> v;
        case STRING -> {
          if (v instanceof String) yield v;
          throw new Unsupported("string conversion");
        }
        case INT, INT64, UINT32 -> {
          if (v instanceof Long) yield v;
          if (v instanceof io.ocihelm.template.value.Int64 x) yield x.value();
          if (arg.constant() && v instanceof Double d && d == Math.rint(d)) yield (long) (double) d;
          throw new Unsupported("int conversion");
        }
        case FLOAT64 -> {
          if (v instanceof Double) yield v;
          if (arg.constant() && v instanceof Long l) yield (double) l;
          throw new Unsupported("float conversion");
        }
        case BOOL -> {
          if (v instanceof Boolean) yield v;
          throw new Unsupported("bool conversion");
        }
        case MAP -> {
          if (v == null || v instanceof Map) yield v;
          throw new Unsupported("map conversion");
        }
        default -> throw new Unsupported("type " + type);
      };
    }

    // A field, or a method: called with the rest of the command's arguments.
    private Object member(Object target, String name) {
      if (target instanceof Map<?, ?> m) return m.get(name);
      if (!(target instanceof io.ocihelm.template.value.GoObject o)) throw new Unsupported("member");
      var member = o.member(name);
      if (member == null) throw new Unsupported("missing member");
      if (member instanceof io.ocihelm.template.value.GoObject.Field f) return f.value();
      var method = (io.ocihelm.template.value.GoObject.Method) member;
      List<Arg> args = new ArrayList<>();
      while (true) {
        skip();
        if (i >= s.length() || s.charAt(i) == '|' || s.charAt(i) == ')') break;
        args.add(argument());
      }
      if (args.size() != method.signature().parameters().size()) throw new Unsupported("arity");
      Object[] converted = new Object[args.size()];
      for (int k = 0; k < args.size(); k++) converted[k] = convert(args.get(k), method.signature().parameters().get(k));
      return method.function().call(null, converted);
    }

    private record Arg(Object value, boolean constant) {}

    private Arg argument() {
      skip();
      char c = s.charAt(i);
      if (c == '(') {
        i++;
        Object v = pipeline();
        skip();
        if (i >= s.length() || s.charAt(i) != ')') throw new Unsupported("paren");
        i++;
        while (i < s.length() && s.charAt(i) == '.') {
          int start = ++i;
          while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) i++;
          v = member(v, s.substring(start, i));
        }
        return new Arg(v, false);
      }
      if (c == '"') {
        // Go string literal: bytes, with \x escapes that may form invalid UTF-8.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        i++;
        while (s.charAt(i) != '"') {
          char ch = s.charAt(i++);
          if (ch == '\\') {
            char e = s.charAt(i++);
            switch (e) {
              case 'n' -> out.write('\n');
              case 't' -> out.write('\t');
              case '\\' -> out.write('\\');
              case '"' -> out.write('"');
              case 'x' -> {
                out.write(Integer.parseInt(s.substring(i, i + 2), 16));
                i += 2;
              }
              default -> throw new Unsupported("escape");
            }
          } else {
            int cp = s.codePointAt(i - 1);
            i += Character.charCount(cp) - 1;
            out.writeBytes(new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
        }
        i++;
        return new Arg(io.ocihelm.template.value.GoStringBytes.decode(out.toByteArray()), true);
      }
      if (c == '.') {
        int start = i;
        while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != ')') i++;
        String[] path = s.substring(start + 1, i).split("\\.");
        if (!path[0].equals("Values")) throw new Unsupported("field");
        Object v = values;
        for (int k = 1; k < path.length; k++) {
          if (!(v instanceof Map<?, ?> m)) throw new Unsupported("path");
          v = m.get(path[k]);
        }
        return new Arg(v, false);
      }
      int start = i;
      while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != ')' && s.charAt(i) != '|') i++;
      String word = s.substring(start, i);
      switch (word) {
        case "nil":
          return new Arg(null, true);
        case "true":
          return new Arg(true, true);
        case "false":
          return new Arg(false, true);
        default:
      }
      if (word.matches("-?\\d+")) {
        try {
          return new Arg(Long.parseLong(word), true);
        } catch (NumberFormatException e) {
          throw new Unsupported("big int");
        }
      }
      if (word.matches("-?[\\d.]+(e[+-]?\\d+)?")) return new Arg(Double.parseDouble(word), true);
      throw new Unsupported("literal " + word);
    }
  }
}
