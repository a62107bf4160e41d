package io.ocihelm.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec half of the oracle: vectors of the form {@code {{ toYaml .Values.x }}} (and the other
 * printers) checked by reading values.yaml with {@link GoYamlReader} and printing with the codec,
 * without the template engine.
 */
class CodecVectorsTest {
  private static final Path VECTORS = Path.of("../shared/conformance/functions");
  private static final Pattern SIMPLE = Pattern.compile(
      "^\\{\\{ (toYaml|toYamlPretty|mustToYaml|toJson|mustToJson|toRawJson|mustToRawJson|toPrettyJson) "
          + "(?:\\.Values\\.(\\w+)|\\(index \\.Values \"([^\"]+)\"\\))"
          + " \\}\\}$");

  record Vector(String id, String function, String key, String valuesYaml, String expected) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Vector> vectors() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Vector> out = new ArrayList<>();
    for (String category : List.of("yaml_json", "values")) {
      for (String line : Files.readAllLines(VECTORS.resolve(category + ".jsonl"))) {
        JsonNode v = json.readTree(line);
        Matcher m = SIMPLE.matcher(v.get("template").asText());
        if (!m.matches() || !v.has("expected")) {
          continue;
        }
        String values = v.has("valuesYaml") ? v.get("valuesYaml").asText()
            : v.has("values") ? json.writeValueAsString(v.get("values")) : "";
        out.add(new Vector(v.get("id").asText(), m.group(1), m.group(2) != null ? m.group(2) : m.group(3),
            values, v.get("expected").asText()));
      }
    }
    return out.stream();
  }

  private static final Map<String, Function<Object, String>> PRINTERS = Map.of(
      "toYaml", v -> trimNewline(GoYaml.marshal(v)),
      "mustToYaml", v -> trimNewline(GoYaml.marshal(v)),
      "toYamlPretty", v -> trimNewline(GoYaml.marshalPretty(v)),
      "toJson", GoJson::marshal,
      "mustToJson", GoJson::marshal,
      "toRawJson", GoJson::marshalRaw,
      "mustToRawJson", GoJson::marshalRaw,
      "toPrettyJson", GoJson::marshalIndent);

  private static String trimNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void printsLikeHelm(Vector v) {
    Map<String, Object> values = GoYamlReader.readMap(v.valuesYaml());
    assertThat(PRINTERS.get(v.function()).apply(values.get(v.key()))).isEqualTo(v.expected());
  }
}
