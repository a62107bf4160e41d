package io.ocihelm.template.function.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.value.Int64;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Helm's conversion functions called directly; expected values are the oracle's (vector ids named). */
class HelmFunctionsTest {
  record Case(String name, Supplier<Object> call, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("yaml-json-0153 toYaml dict", () -> HelmFunctions.toYaml(
            map("b", 1L, "a", java.util.Arrays.asList(1L, "x", null, true, 1.5), "c", map())),
            "a:\n- 1\n- x\n- null\n- true\n- 1.5\nb: 1\nc: {}"),
        new Case("yaml-json-0168 toYaml key order", () -> HelmFunctions.toYaml(
            map("z", 1L, "Z", 2L, "a", 3L, "A", 4L, "1", 5L, "_", 6L)), "_: 6\n\"1\": 5\nA: 4\nZ: 2\na: 3\nz: 1"),
        new Case("yaml-json-0170 empty key", () -> HelmFunctions.toYaml(map("", "empty key")), "\"\": empty key"),
        new Case("yaml-json-0172 trailing newline", () -> HelmFunctions.toYaml(map("k", "trail\n")), "k: |\n  trail"),
        new Case("yaml-json-0187 space before break", () -> HelmFunctions.toYaml(map("k", "a  \nb")), "k: \"a  \\nb\""),
        new Case("yaml-json-0165 nested lists", () -> HelmFunctions.toYaml(List.of(List.of(1L, 2L), List.of())),
            "- - 1\n  - 2\n- []"),
        new Case("yaml-json-0160 float 1e6", () -> HelmFunctions.toYaml(1e6), "1000000"),
        new Case("yaml-json-0159 float 1e21", () -> HelmFunctions.toYaml(1e21), "1e+21"),
        new Case("yaml-json-0162 int64", () -> HelmFunctions.toYaml(Int64.of(123)), "123"),
        new Case("yaml-json-0175 time", () -> HelmFunctions.toYaml(ZonedDateTime.of(2023, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC)),
            "\"2023-05-01T00:00:00Z\""),
        new Case("yaml-json-0178 bytes", () -> HelmFunctions.toYaml("hi".getBytes()), "aGk="),
        new Case("yaml-json-0350 NaN", () -> HelmFunctions.toYaml(Double.NaN), ""),
        new Case("yaml-json-0354 pretty NaN", () -> HelmFunctions.toYamlPretty(Double.NaN), ".nan"),
        new Case("yaml-json-0355 pretty Inf", () -> HelmFunctions.toYamlPretty(map("k", Double.POSITIVE_INFINITY)), "k: .inf"),
        new Case("yaml-json-0195 pretty nil", () -> HelmFunctions.toYamlPretty(null), "null"),
        new Case("yaml-json-0196 pretty empty", () -> HelmFunctions.toYamlPretty(map()), "{}"),
        new Case("yaml-json-0203 pretty time", () -> HelmFunctions.toYamlPretty(
            ZonedDateTime.of(2023, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC)), "2023-05-01T00:00:00Z"),
        new Case("yaml-json-0238 pretty json", () -> HelmFunctions.toPrettyJson(
            map("b", 1L, "a", List.of(1L, 2L), "c", map())), "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": 1,\n  \"c\": {}\n}"),
        new Case("yaml-json-0222 html escape", () -> HelmFunctions.toJson("<a href='x'>&</a>"),
            "\"\\u003ca href='x'\\u003e\\u0026\\u003c/a\\u003e\""),
        new Case("yaml-json-0223 unicode", () -> HelmFunctions.toJson("é\n\t\u2028"), "\"é\\n\\t\\u2028\""),
        new Case("yaml-json-0228 third", () -> HelmFunctions.toJson(1.0 / 3), "0.3333333333333333"),
        new Case("yaml-json-0245 raw", () -> HelmFunctions.mustToRawJson("<a>&"), "\"<a>&\""),
        new Case("yaml-json-0338 NaN", () -> HelmFunctions.toJson(Double.NaN), ""),
        new Case("yaml-json-0255 fromJson bad", () -> HelmFunctions.fromJson("bad"),
            map("Error", "invalid character 'b' looking for beginning of value")),
        new Case("yaml-json-0257 fromJson array", () -> HelmFunctions.fromJson("[1,2]"),
            map("Error", "json: cannot unmarshal array into Go value of type map[string]interface {}")),
        new Case("yaml-json-0261 trailing", () -> HelmFunctions.fromJson("{\"a\":1} trailing"),
            map("Error", "invalid character 't' after top-level value")),
        new Case("yaml-json-0266 fromJsonArray", () -> HelmFunctions.fromJsonArray("[1, \"a\", null, {\"k\": 2}]"),
            java.util.Arrays.asList(1.0, "a", null, map("k", 2.0))),
        new Case("yaml-json-0265 mustFromJson string", () -> HelmFunctions.mustFromJson("\"s\""), "s"),
        new Case("yaml-json-0272 fromYaml", () -> HelmFunctions.fromYaml("a: 1\nb: [x, y]"),
            map("a", 1.0, "b", List.of("x", true))),
        new Case("yaml-json-0277 octal", () -> HelmFunctions.fromYaml("a: 0777"), map("a", 511.0)),
        new Case("yaml-json-0284 big", () -> HelmFunctions.fromYaml("a: 12345678901234567890"), map("a", 1.2345678901234567e19)),
        new Case("yaml-json-0290 first document", () -> HelmFunctions.fromYaml("a: 1\n---\nb: 2"), map("a", 1.0)),
        new Case("yaml-json-0291 duplicate", () -> HelmFunctions.fromYaml("a: 1\na: 2"), map("a", 2.0)),
        new Case("yaml-json-0292 list key", () -> HelmFunctions.fromYaml("? [a]\n: 1"),
            map("Error", "error converting YAML to JSON: yaml: invalid map key: []interface {}{\"a\"}")),
        new Case("yaml-json-0297 tab", () -> HelmFunctions.fromYaml("\ta: 1"),
            map("Error", "error converting YAML to JSON: yaml: found character that cannot start any token")),
        new Case("yaml-json-0335 unclosed flow", () -> HelmFunctions.fromYaml("x: ["),
            map("Error", "error converting YAML to JSON: yaml: line 1: did not find expected node content")),
        new Case("yaml-json-0283 inf", () -> HelmFunctions.fromYaml("a: .inf").get("a"), null),
        new Case("yaml-json-0301 tagged int", () -> HelmFunctions.toJson(HelmFunctions.fromYaml("a: !!int \"5\"")), "{\"a\":5}"),
        new Case("yaml-json-0304 empty array", () -> HelmFunctions.fromYamlArray(""), List.of()),
        new Case("yaml-json-0306 yes", () -> HelmFunctions.fromYamlArray("- yes\n- 1.0"), List.of(true, 1.0)),
        new Case("include-tpl-0024 n key", () -> HelmFunctions.fromYaml("k: v\nn: 1"), map("k", "v", "false", 1.0)),
        new Case("yaml-json-0307 toToml", () -> HelmFunctions.toToml(
            map("a", 1L, "b", "s", "c", List.of(1L, 2L), "d", map("x", true))), "a = 1\nb = \"s\"\nc = [1, 2]\n\n[d]\n  x = true\n"),
        new Case("yaml-json-0310 empty", () -> HelmFunctions.toToml(map()), ""),
        new Case("yaml-json-0311 list", () -> HelmFunctions.toToml(List.of(1L, 2L)), "[1, 2]"),
        new Case("yaml-json-0313 big", () -> HelmFunctions.toToml(1.2345678901234567e19), "1.2345678901234567e+19"),
        new Case("yaml-json-0315 nil", () -> HelmFunctions.toToml(map("k", null)), ""),
        new Case("yaml-json-0316 tables", () -> HelmFunctions.toToml(map("k", List.of(map("a", 1L), map("a", 2L)))),
            "[[k]]\n  a = 1\n\n[[k]]\n  a = 2\n"),
        new Case("yaml-json-0319 quoted key", () -> HelmFunctions.toToml(map("with space", 1L, "1", 2L)), "1 = 2\n\"with space\" = 1\n"),
        new Case("yaml-json-0356 nan", () -> HelmFunctions.toToml(Double.NaN), "nan"),
        new Case("yaml-json-0357 inf", () -> HelmFunctions.toToml(map("k", Double.POSITIVE_INFINITY)), "k = inf\n"),
        new Case("yaml-json-0321 int64", () -> HelmFunctions.fromToml("a = 1").get("a"), Int64.of(1)),
        new Case("yaml-json-0322 float", () -> HelmFunctions.fromToml("a = 1.5").get("a"), 1.5),
        new Case("yaml-json-0323 error", () -> HelmFunctions.fromToml("bad ="),
            map("Error", "toml: line 1 (last key \"bad\"): unexpected EOF; expected value")),
        new Case("yaml-json-0325 datetime", () -> HelmFunctions.fromToml("d = 2023-05-01T10:00:00Z").get("d"),
            ZonedDateTime.of(2023, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesHelm(Case c) {
    assertThat(c.call().get()).isEqualTo(c.expected());
  }

  @org.junit.jupiter.api.Test
  void mustVariantsFailWithGoText() {
    assertThatThrownBy(() -> HelmFunctions.mustToJson(Double.NaN)).isInstanceOf(FunctionException.class)
        .hasMessage("json: unsupported value: NaN");
    assertThatThrownBy(() -> HelmFunctions.mustToYaml(map("k", Double.POSITIVE_INFINITY)))
        .hasMessage("error marshaling into JSON: json: unsupported value: +Inf");
    assertThatThrownBy(() -> HelmFunctions.mustFromJson("bad"))
        .hasMessage("invalid character 'b' looking for beginning of value");
  }
}
