package io.ocihelm.template.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ocihelm.template.value.Int64;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * eq/ne/lt/le/gt/ge against the conformance vectors whose template is one comparison of literals or
 * values; "error: ..." rows expect the Go error text after "error calling NAME: ".
 */
class ComparisonFunctionsTest {
  private static final FunctionRegistry REGISTRY = new FunctionRegistry();

  static {
    ComparisonFunctions.register(REGISTRY);
  }

  record Case(String name, String expected, String function, Object[] args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case row(String name, String expected, String function, Object... args) {
    return new Case(name, expected, function, args);
  }

  static Map<String, Object> map(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  static Stream<Case> vectors() {
    return Stream.of(
      row("builtins-0004", "true", "eq", 1.0, 1.0),
      row("builtins-0005", "true", "eq", 1.5, 1.5),
      row("builtins-0007", "true", "eq", "a", "a"),
      row("builtins-0010", "false", "eq", true, false),
      row("builtins-0011", "error: incompatible types for comparison: bool and int", "eq", true, 1L),
      row("builtins-0012", "true", "eq", Int64.of(1L), 1L),
      row("builtins-0013", "error: incompatible types for comparison: float64 and int", "eq", (double) 1L, 1L),
      row("builtins-0014", "true", "eq", (double) 1L, 1.0),
      row("builtins-0015", "true", "eq", null, null),
      row("builtins-0016", "false", "eq", null, 1L),
      row("builtins-0018", "error: incompatible types for comparison: float64 and int", "eq", 1.0, 1L),
      row("builtins-0020", "true", "eq", 1.5, 1.5),
      row("builtins-0025", "true", "eq", null, null),
      row("builtins-0026", "false", "eq", null, ""),
      row("builtins-0027", "error: non-comparable type [%!s(int=1)]: []interface {}", "eq", List.of(1L), List.of(1L)),
      row("builtins-0028", "error: non-comparable type map[]: map[string]interface {}", "eq", map(), map()),
      row("builtins-0029", "true", "eq", 97L, 97L),
      row("builtins-0030", "error: incompatible types for comparison: string and int", "eq", "a", 97L),
      row("builtins-0032", "error: incompatible types for comparison: float64 and int", "eq", 1000000.0, 1000000L),
      row("builtins-0034", "true", "eq", -1L, Int64.of(-1L)),
      row("builtins-0035", "true", "eq", 1.0, 1.0),
      row("builtins-0039", "true", "ne", 1L, 2L),
      row("builtins-0040", "true", "ne", "a", "b"),
      row("builtins-0042", "false", "ne", null, null),
      row("builtins-0046", "true", "lt", 1L, 2L),
      row("builtins-0047", "false", "lt", 2L, 1L),
      row("builtins-0049", "true", "lt", 1.5, 2.5),
      row("builtins-0050", "true", "lt", "a", "b"),
      row("builtins-0051", "false", "lt", "b", "a"),
      row("builtins-0052", "false", "lt", "a", "a"),
      row("builtins-0055", "error: invalid type for comparison", "lt", true, false),
      row("builtins-0056", "true", "lt", 1.5, 2.0),
      row("builtins-0058", "true", "lt", -1L, Int64.of(0L)),
      row("builtins-0059", "error: invalid type for comparison", "lt", null, 1L),
      row("builtins-0061", "true", "lt", 97L, 98L),
      row("builtins-0062", "true", "le", 1L, 2L),
      row("builtins-0064", "true", "le", 2L, 2L),
      row("builtins-0066", "true", "le", "a", "b"),
      row("builtins-0067", "false", "le", "b", "a"),
      row("builtins-0069", "true", "le", "B", "a"),
      row("builtins-0070", "error: incompatible types for comparison: int and float64", "le", 1L, 2.0),
      row("builtins-0072", "true", "le", 1.5, 2.0),
      row("builtins-0073", "error: incompatible types for comparison: float64 and int", "le", 1.0, 2L),
      row("builtins-0074", "true", "le", -1L, Int64.of(0L)),
      row("builtins-0075", "error: invalid type for comparison", "le", null, 1L),
      row("builtins-0076", "true", "le", "10", "9"),
      row("builtins-0077", "true", "le", 97L, 98L),
      row("builtins-0079", "true", "gt", 2L, 1L),
      row("builtins-0081", "false", "gt", 1.5, 2.5),
      row("builtins-0084", "false", "gt", "a", "a"),
      row("builtins-0087", "error: invalid type for comparison", "gt", true, false),
      row("builtins-0089", "error: incompatible types for comparison: float64 and int", "gt", 1.0, 2L),
      row("builtins-0090", "false", "gt", -1L, Int64.of(0L)),
      row("builtins-0091", "error: invalid type for comparison", "gt", null, 1L),
      row("builtins-0092", "false", "gt", "10", "9"),
      row("builtins-0094", "false", "ge", 1L, 2L),
      row("builtins-0096", "true", "ge", 2L, 2L),
      row("builtins-0097", "false", "ge", 1.5, 2.5),
      row("builtins-0098", "false", "ge", "a", "b"),
      row("builtins-0100", "true", "ge", "a", "a"),
      row("builtins-0101", "false", "ge", "B", "a"),
      row("builtins-0103", "error: invalid type for comparison", "ge", true, false),
      row("builtins-0104", "false", "ge", 1.5, 2.0),
      row("builtins-0105", "error: incompatible types for comparison: float64 and int", "ge", 1.0, 2L),
      row("builtins-0106", "false", "ge", -1L, Int64.of(0L)),
      row("builtins-0108", "false", "ge", "10", "9"),
      row("builtins-0109", "false", "ge", 97L, 98L),
      row("builtins-0110", "true", "eq", "a", "b", "c", "a"),
      row("builtins-0111", "false", "eq", "a", "b", "c"),
      row("builtins-0116", "error: incompatible types for comparison: int and string", "eq", 1L, 2L, "x"),
      row("builtins-0120", "error: incompatible types for comparison: int and []interface {}", "eq", 1L, List.of(1L)),
      row("builtins-0121", "error: invalid type for comparison", "lt", List.of(1L), List.of(2L)),
      row("builtins-0122", "true", "eq", 1000000.0, 1000000.0),
      row("builtins-0126", "true", "lt", -9223372036854775808L, 0L),
      row("builtins-0129", "false", "eq", "", null),
      row("values-0183", "error: incompatible types for comparison: float64 and int", "eq", 42.0, 42L),
      row("values-0184", "true", "eq", 42.0, 42.0),
      row("values-0186", "true", "eq", "42", "42"),
      row("values-0187", "error: incompatible types for comparison: string and int", "eq", "42", 42L),
      row("values-0188", "true", "eq", true, true),
      row("values-0191", "true", "eq", null, null),
      row("values-0192", "true", "eq", "", ""),
      row("values-0193", "true", "eq", 1.1, 1.1),
      row("values-0196", "error: incompatible types for comparison: float64 and int", "lt", 42.0, 100L),
      row("values-0197", "true", "ge", 8080.0, 8080.0)
,
      // eq with fewer than two operands (the executor lets "eq 1" through: eq is variadic)
      row("eq one operand", "error: missing argument for comparison", "eq", 1L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matchesConformanceVector(Case c) {
    TemplateFunction body = REGISTRY.lookup(c.function()).orElseThrow().body();
    if (c.expected().startsWith("error: ")) {
      Throwable thrown = catchThrowable(() -> body.call(null, c.args()));
      assertThat(thrown).isInstanceOf(FunctionException.class).hasMessage(c.expected().substring(7));
    } else {
      assertThat(body.call(null, c.args())).hasToString(c.expected());
    }
  }
}
