package io.ocihelm.template.fmt;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocihelm.template.value.GoSlice;
import io.ocihelm.template.value.Int64;
import io.ocihelm.template.value.NamedMap;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GoFmt against Go's own output. The "vector" table is taken from the conformance vectors whose
 * template is a single print/printf/println of literal arguments or values (expected text is Helm's);
 * the "go" table holds further Go fmt behaviours, each checked against Go's documented output.
 */
class GoFmtTest {
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
      row("printf-0002", "42", "printf", "%+v", 42L),
      row("printf-0003", "%!s(int=42)", "printf", "%s", 42L),
      row("printf-0004", "'*'", "printf", "%q", 42L),
      row("printf-0005", "42", "printf", "%d", 42L),
      row("printf-0006", "2a", "printf", "%x", 42L),
      row("printf-0008", "52", "printf", "%o", 42L),
      row("printf-0010", "%!f(int=42)", "printf", "%f", 42L),
      row("printf-0011", "%!f(int=42)", "printf", "%.2f", 42L),
      row("printf-0012", "%!e(int=42)", "printf", "%e", 42L),
      row("printf-0013", "%!g(int=42)", "printf", "%g", 42L),
      row("printf-0015", "int", "printf", "%T", 42L),
      row("printf-0018", "00042", "printf", "%05d", 42L),
      row("printf-0019", "42", "printf", "%#v", 42L),
      row("printf-0020", "%!f(int=     042)", "printf", "%8.3f", 42L),
      row("printf-0021", "+42", "printf", "%+d", 42L),
      row("printf-0022", "*", "printf", "%c", 42L),
      row("printf-0023", "U+002A", "printf", "%U", 42L),
      row("printf-0024", "        42|", "printf", "%10v|", 42L),
      row("printf-0025", "42        |", "printf", "%-10v|", 42L),
      row("printf-0029", "%!g(int=042)", "printf", "%.3g", 42L),
      row("printf-0030", "2a", "printf", "%x", 42L),
      row("printf-0033", "-7", "printf", "%x", -7L),
      row("printf-0034", "-7", "printf", "%o", -7L),
      row("printf-0035", "-111", "printf", "%b", -7L),
      row("printf-0036", "-0007", "printf", "%05d", -7L),
      row("printf-0040", "%!s(int=-7)", "printf", "%s", -7L),
      row("printf-0041", "%!f(int=-7)", "printf", "%f", -7L),
      row("printf-0042", "\ufffd", "printf", "%c", -7L),
      row("printf-0043", "3.14159", "printf", "%v", 3.14159),
      row("printf-0044", "3.141590", "printf", "%f", 3.14159),
      row("printf-0047", "3.14159", "printf", "%g", 3.14159),
      row("printf-0048", "%!d(float64=3.14159)", "printf", "%d", 3.14159),
      row("printf-0050", "  3.1", "printf", "%5.1f", 3.14159),
      row("printf-0051", "0003.142", "printf", "%08.3f", 3.14159),
      row("printf-0052", "0x1.921f9f01b866ep+01", "printf", "%x", 3.14159),
      row("printf-0055", "3", "printf", "%.0f", 3.14159),
      row("printf-0057", "1e+21", "printf", "%v", 1.0e21),
      row("printf-0058", "1000000000000000000000.000000", "printf", "%f", 1.0e21),
      row("printf-0059", "1.000000e+21", "printf", "%e", 1.0e21),
      row("printf-0060", "1e+21", "printf", "%g", 1.0e21),
      row("printf-0062", "%!s(float64=1e+21)", "printf", "%s", 1.0e21),
      row("printf-0065", "100000000000000000000.000000", "printf", "%f", 1.0e20),
      row("printf-0066", "1e+20", "printf", "%g", 1.0e20),
      row("printf-0067", "100000000000000000000", "printf", "%.0f", 1.0e20),
      row("printf-0068", "1e-06", "printf", "%v", 1e-06),
      row("printf-0071", "1.000000e-06", "printf", "%e", 1e-06),
      row("printf-0072", "1e-07", "printf", "%v", 1.0e-7),
      row("printf-0073", "0.000000", "printf", "%f", 1.0e-7),
      row("printf-0075", "hi", "printf", "%v", "hi"),
      row("printf-0076", "hi", "printf", "%s", "hi"),
      row("printf-0077", "\"hi\"", "printf", "%q", "hi"),
      row("printf-0078", "%!d(string=hi)", "printf", "%d", "hi"),
      row("printf-0079", "6869", "printf", "%x", "hi"),
      row("printf-0080", "6869", "printf", "%X", "hi"),
      row("printf-0081", "   hi|", "printf", "%5s|", "hi"),
      row("printf-0083", "h", "printf", "%.1s", "hi"),
      row("printf-0085", "%!t(string=hi)", "printf", "%t", "hi"),
      row("printf-0086", "%!c(string=hi)", "printf", "%c", "hi"),
      row("printf-0088", "\"hi\"", "printf", "%#v", "hi"),
      row("printf-0089", "\"hi\"", "printf", "%+q", "hi"),
      row("printf-0090", "%!U(string=hi)", "printf", "%U", "hi"),
      row("printf-0091", "", "printf", "%v", ""),
      row("printf-0092", "", "printf", "%s", ""),
      row("printf-0094", "", "printf", "%x", ""),
      row("printf-0096", "true", "printf", "%v", true),
      row("printf-0097", "true", "printf", "%t", true),
      row("printf-0099", "%!d(bool=true)", "printf", "%d", true),
      row("printf-0100", "%!q(bool=true)", "printf", "%q", true),
      row("printf-0102", " true|", "printf", "%5t|", true),
      row("printf-0103", "<nil>", "printf", "%v", null),
      row("printf-0104", "%!s(<nil>)", "printf", "%s", null),
      row("printf-0107", "<nil>", "printf", "%T", null),
      row("printf-0109", "<nil>", "printf", "%+v", null),
      row("printf-0111", "[1 a]", "printf", "%v", List.of(1L, "a")),
      row("printf-0112", "[1 a]", "printf", "%+v", List.of(1L, "a")),
      row("printf-0113", "[%!s(int=1) a]", "printf", "%s", List.of(1L, "a")),
      row("printf-0114", "[1 %!d(string=a)]", "printf", "%d", List.of(1L, "a")),
      row("printf-0116", "[]interface {}", "printf", "%T", List.of(1L, "a")),
      row("printf-0117", "[]interface {}{1, \"a\"}", "printf", "%#v", List.of(1L, "a")),
      row("printf-0118", "[1 61]", "printf", "%x", List.of(1L, "a")),
      row("printf-0119", "map[a:x b:2]", "printf", "%v", map("b", 2L, "a", "x")),
      row("printf-0121", "map[a:x b:%!s(int=2)]", "printf", "%s", map("b", 2L, "a", "x")),
      row("printf-0123", "map[string]interface {}", "printf", "%T", map("b", 2L, "a", "x")),
      row("printf-0124", "map[string]interface {}{\"a\":\"x\", \"b\":2}", "printf", "%#v", map("b", 2L, "a", "x")),
      row("printf-0125", "map[\"a\":\"x\" \"b\":'\\x02']", "printf", "%q", map("b", 2L, "a", "x")),
      row("printf-0126", "ff", "printf", "%x", 255L),
      row("printf-0128", "0xff", "printf", "%#x", 255L),
      row("printf-0130", "0377", "printf", "%#o", 255L),
      row("printf-0131", "0o377", "printf", "%O", 255L),
      row("printf-0132", "11111111", "printf", "%b", 255L),
      row("printf-0134", "'\u00ff'", "printf", "%q", 255L),
      row("printf-0135", "U+00FF", "printf", "%U", 255L),
      row("printf-0138", "%!e(int=255)", "printf", "%e", 255L),
      row("printf-0139", "%!f(int=255)", "printf", "%f", 255L),
      row("printf-0140", "255", "printf", "%v", Int64.of(255L)),
      row("printf-0141", "int64", "printf", "%T", Int64.of(255L)),
      row("printf-0142", "ff", "printf", "%x", Int64.of(255L)),
      row("printf-0144", "float64", "printf", "%T", (double) 255L),
      row("printf-0145", "%!d(float64=255)", "printf", "%d", (double) 255L),
      row("printf-0146", "0x1.fep+07", "printf", "%x", (double) 255L),
      row("printf-0147", "255.000000", "printf", "%f", (double) 255L),
      row("printf-0148", "42", "printf", "%v", 42.0),
      row("printf-0152", "42.000000", "printf", "%f", 42.0),
      row("printf-0154", "0x1.5p+05", "printf", "%x", 42.0),
      row("printf-0156", "3.14159", "printf", "%v", 3.14159),
      row("printf-0159", "%!d(float64=3.14159)", "printf", "%d", 3.14159),
      row("printf-0160", "%!s(float64=3.14159)", "printf", "%s", 3.14159),
      row("printf-0161", "1.2345678901234567e+19", "printf", "%v", 1.2345678901234567e+19),
      row("printf-0163", "12345678901234567168.000000", "printf", "%f", 1.2345678901234567e+19),
      row("printf-0164", "12345678901234567168", "printf", "%.0f", 1.2345678901234567e+19),
      row("printf-0165", "%!d(float64=1.2345678901234567e+19)", "printf", "%d", 1.2345678901234567e+19),
      row("printf-0166", "1.234568e+19", "printf", "%e", 1.2345678901234567e+19),
      row("printf-0167", "1.2345678901234567e+19", "printf", "%g", 1.2345678901234567e+19),
      row("printf-0168", "1e+06", "printf", "%v", 1000000.0),
      row("printf-0173", "1000000", "printf", "%.0f", 1000000.0),
      row("printf-0174", "1e+06", "printf", "%g", 1000000.0),
      row("printf-0175", "%!q(float64=1e+06)", "printf", "%q", 1000000.0),
      row("printf-0177", "1000000000000000000000", "printf", "%.0f", 1e21),
      row("printf-0178", "float64", "printf", "%T", 1e21),
      row("printf-0179", "1e-07", "printf", "%v", 1e-07),
      row("printf-0180", "0.000000", "printf", "%f", 1e-07),
      row("printf-0181", "float64", "printf", "%T", 1e-07),
      row("printf-0182", "hello", "printf", "%v", "hello"),
      row("printf-0183", "\"hello\"", "printf", "%q", "hello"),
      row("printf-0184", "string", "printf", "%T", "hello"),
      row("printf-0185", "%!d(string=hello)", "printf", "%d", "hello"),
      row("printf-0188", "string", "printf", "%T", "123"),
      row("printf-0190", "true", "printf", "%v", true),
      row("printf-0191", "true", "printf", "%t", true),
      row("printf-0195", "%!s(<nil>)", "printf", "%s", null),
      row("printf-0196", "<nil>", "printf", "%T", null),
      row("printf-0197", "%!q(<nil>)", "printf", "%q", null),
      row("printf-0198", "%!d(<nil>)", "printf", "%d", null),
      row("printf-0199", "[1 two 3.5]", "printf", "%v", List.of(1.0, "two", 3.5)),
      row("printf-0201", "[%!q(float64=1) \"two\" %!q(float64=3.5)]", "printf", "%q", List.of(1.0, "two", 3.5)),
      row("printf-0202", "[%!d(float64=1) %!d(string=two) %!d(float64=3.5)]", "printf", "%d", List.of(1.0, "two", 3.5)),
      row("printf-0203", "[%!s(float64=1) two %!s(float64=3.5)]", "printf", "%s", List.of(1.0, "two", 3.5)),
      row("printf-0204", "map[a:one b:2]", "printf", "%v", map("b", 2.0, "a", "one")),
      row("printf-0207", "map[\"a\":\"one\" \"b\":%!q(float64=2)]", "printf", "%q", map("b", 2.0, "a", "one")),
      row("printf-0208", "<nil>", "printf", "%v", null),
      row("printf-0211", "%!q(<nil>)", "printf", "%q", null),
      row("printf-0212", "%!d(<nil>)", "printf", "%d", null),
      row("printf-0213", "1", "printf", "%v", 1.0),
      row("printf-0214", "float64", "printf", "%T", 1.0),
      row("printf-0215", "%!d(float64=1)", "printf", "%d", 1.0),
      row("printf-0217", "511", "printf", "%v", 511.0),
      row("printf-0218", "float64", "printf", "%T", 511.0),
      row("printf-0220", "float64", "printf", "%T", 31.0),
      row("printf-0221", "120", "printf", "%v", 120L),
      row("printf-0222", "x", "printf", "%c", 120L),
      row("printf-0223", "'x'", "printf", "%q", 120L),
      row("printf-0224", "int", "printf", "%T", 120L),
      row("printf-0227", "\"h\u00e9llo\"", "printf", "%q", "h\u00e9llo"),
      row("printf-0228", "\"h\\u00e9llo\"", "printf", "%+q", "h\u00e9llo"),
      row("printf-0229", "68c3a96c6c6f", "printf", "%x", "h\u00e9llo"),
      row("printf-0230", "68 c3 a9 6c 6c 6f", "printf", "% x", "h\u00e9llo"),
      row("printf-0232", "  h\u00e9l|", "printf", "%5.3s|", "h\u00e9llo"),
      row("printf-0233", "%!U(string=h\u00e9llo)", "printf", "%U", "h\u00e9llo"),
      row("printf-0234", "[]", "printf", "%v", List.of()),
      row("printf-0235", "[]interface {}", "printf", "%T", List.of()),
      row("printf-0236", "[]", "printf", "%d", List.of()),
      row("printf-0237", "map[]", "printf", "%v", map()),
      row("printf-0238", "map[string]interface {}", "printf", "%T", map()),
      row("printf-0239", "map[]", "printf", "%s", map()),
      row("printf-0241", "a%!(EXTRA string=b)", "printf", "%s", "a", "b"),
      row("printf-0244", "no verbs", "printf", "no verbs"),
      row("printf-0245", "no verbs%!(EXTRA int=1)", "printf", "no verbs", 1L),
      row("printf-0247", "100%", "printf", "100%%"),
      row("printf-0248", "%!(NOVERB)", "printf", "%"),
      row("printf-0249", "%!z(int=1)", "printf", "%z", 1L),
      row("printf-0251", "b a", "printf", "%[2]s %[1]s", "a", "b"),
      row("printf-0253", "    3", "printf", "%*d", 5L, 3L),
      row("printf-0255", "3.14", "printf", "%.*f", 2L, 3.14159),
      row("printf-0256", "1 %!v(MISSING)", "printf", "%v %v", 1L),
      row("printf-0258", "1-2", "printf", "%d-%d", 1L, 2L),
      row("printf-0259", " 5", "printf", "% d", 5L),
      row("printf-0260", "-5", "printf", "% d", -5L),
      row("printf-0263", "3.14    |", "printf", "%-8.2f|", 3.14159),
      row("printf-0264", "c3bf", "printf", "%x", "\u00ff"),
      row("printf-0265", "68656C6C6F", "printf", "%X", "hello"),
      row("printf-0266", "[map[a:1]]", "printf", "%v", List.of(map("a", 1L))),
      row("printf-0268", "[1 2]", "printf", "%d", List.of(1L, 2L)),
      row("printf-0269", "[a %!s(int=1)]", "printf", "%s", List.of("a", 1L)),
      row("printf-0272", "%!d(float64=1.5)", "printf", "%d", 1.5),
      row("printf-0273", "%!f(int=1)", "printf", "%f", 1L),
      row("printf-0274", "%!d(bool=true)", "printf", "%d", true),
      row("printf-0275", "%!t(int=1)", "printf", "%t", 1L),
      row("printf-0277", "    1|2    |", "printf", "%5v|%-5v|", 1L, 2L),
      row("printf-0278", "000ab", "printf", "%05s", "ab"),
      row("printf-0279", "-ff", "printf", "%x", -255L),
      row("printf-0280", "10", "printf", "%o", 8L),
      row("printf-0282", "%!e(int=0)", "printf", "%e", 0L),
      row("printf-0289", "1.2345678901234568e+17", "printf", "%v", 1.2345678901234568e+17),
      row("printf-0292", "0.10000000000000000555", "printf", "%.20f", 0.1),
      row("printf-0296", "%!s(int=1)", "printf", "%s", 1L),
      row("printf-0297", "%!s(float64=1.5)", "printf", "%s", 1.5),
      row("printf-0298", "%!s(bool=true)", "printf", "%s", true),
      row("printf-0299", "map[k:%!s(int=1)]", "printf", "%s", map("k", 1L)),
      row("printf-0300", "'\\x01'", "printf", "%q", 1L),
      row("printf-0301", "[\"a\" \"b\"]", "printf", "%q", List.of("a", "b")),
      row("printf-0302", "\n", "printf", "%v", "\n"),
      row("printf-0313", "[]interface {}", "printf", "%T", List.of(1L)),
      row("printf-0314", "map[string]interface {}", "printf", "%T", map()),
      row("printf-0322", "float64", "printf", "%T", (double) 1L),
      row("builtins-0237", "", "print"),
      row("builtins-0239", "1 2", "print", 1L, 2L),
      row("builtins-0240", "ab", "print", "a", "b"),
      row("builtins-0241", "a1b", "print", "a", 1L, "b"),
      row("builtins-0242", "1a2", "print", 1L, "a", 2L),
      row("builtins-0243", "1 2a3 4", "print", 1L, 2L, "a", 3L, 4L),
      row("builtins-0244", "1.5 2.5", "print", 1.5, 2.5),
      row("builtins-0246", "<nil>", "print", (Object) null),
      row("builtins-0247", "<nil> <nil>", "print", null, null),
      row("builtins-0249", "[a b]", "print", List.of("a", "b")),
      row("builtins-0250", "map[a:2 b:1]", "print", map("b", 1L, "a", 2L)),
      row("builtins-0253", "1e+21", "print", 1.0e21),
      row("builtins-0255", "1.23456789e+08", "print", 123456789.0),
      row("builtins-0256", "1e-06", "print", 1e-06),
      row("builtins-0257", "1e-07", "print", 1e-07),
      row("builtins-0258", "1e+20", "print", 1e+20),
      row("builtins-0259", "-0", "print", -0.0),
      row("builtins-0260", "3", "print", 3.0),
      row("builtins-0261", "3", "print", (double) 3L),
      row("builtins-0262", "3", "print", Int64.of(3L)),
      row("builtins-0263", "97", "print", 97L),
      row("builtins-0266", "1", "print", 1.0),
      row("builtins-0269", "[1 a true <nil> 2.5]", "print", Arrays.asList(1.0, "a", true, null, 2.5)),
      row("builtins-0270", "map[a:[x] b:1]", "print", map("b", 1.0, "a", List.of("x"))),
      row("builtins-0273", "[map[a:1] [2]]", "print", List.of(map("a", 1L), List.of(2L))),
      row("builtins-0275", "1 true", "print", 1L, true),
      row("builtins-0276", "", "print", "", ""),
      row("builtins-0278", "\n", "println"),
      row("builtins-0280", "1 2\n", "println", 1L, 2L),
      row("builtins-0283", "<nil>\n", "println", (Object) null),
      row("builtins-0284", "1", "print", 1.0),
      row("builtins-0285", "3.14159", "print", 3.14159),
      row("builtins-0287", "-0.5", "print", -0.5),
      row("syntax-0247", "<nil>", "printf", "%v", null),
      row("syntax-0248", "%!s(<nil>)", "printf", "%s", null),
      row("syntax-0249", "<nil>", "print", (Object) null),
      row("syntax-0279", "<nil>", "print", (Object) null),
      row("syntax-0280", "<nil>", "printf", "%v", null),
      row("values-0165", "%!d(float64=42)", "printf", "%d", 42.0),
      row("values-0167", "%!s(float64=42)", "printf", "%s", 42.0),
      row("values-0235", "1.5e-05", "printf", "%g", 1.5e-05)
);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matchesConformanceVector(Case c) {
    assertThat(run(c)).isEqualTo(c.expected());
  }

  static String run(Case c) {
    return switch (c.function()) {
      case "print" -> GoFmt.sprint(c.args());
      case "println" -> GoFmt.sprintln(c.args());
      case "printf" -> GoFmt.sprintf((String) c.args()[0], Arrays.copyOfRange(c.args(), 1, c.args().length));
      default -> throw new IllegalArgumentException(c.function());
    };
  }

  static Stream<Case> modelTypes() {
    ZonedDateTime may1 = ZonedDateTime.of(2023, 5, 1, 13, 45, 30, 0, ZoneOffset.UTC);
    return Stream.of(
        // dates-0093, dates-0094: time.Time prints through its String() method
        row("time String", "2023-05-01 13:45:30 +0000 UTC", "print", may1),
        // dates-0036: a bare offset zone prints its offset as the zone name
        row("time with bare offset", "2023-05-01 10:00:00 +0200 +0200", "print",
            ZonedDateTime.of(2023, 5, 1, 10, 0, 0, 0, ZoneOffset.ofHours(2))),
        // dates-0035: Go's zero time
        row("zero time", "0001-01-01 00:00:00 +0000 UTC", "print", GoTimeLayout.ZERO_TIME),
        // printf-0317 / printf-0310 / printf-0318 / printf-0326: %T of named types
        row("map[string]string type", "map[string]string", "printf", "%T",
            new NamedMap("map[string]string", map("_0", "a"))),
        row("common.Values type", "common.Values", "printf", "%T", new NamedMap("common.Values", map())),
        row("[]string type", "[]string", "printf", "%T", GoSlice.ofStrings(List.of("a"))),
        row("[]int type", "[]int", "printf", "%T", GoSlice.ofInts(List.of(0L, 1L))),
        // values-0172: toString (fmt %v) of float64 1e6
        row("float64 million", "1e+06", "print", 1e6),
        // values-0020: quote of MaxInt64 read as float64
        row("float64 max int", "9.223372036854776e+18", "print", 9.223372036854775807e18),
        // values-0049
        row("float64 with many digits", "1.23456789123e+08", "print", 123456789.123),
        // values-0045
        row("small float64", "1.5e-05", "print", 1.5e-5),
        // values-0169: int64 wrapped to MinInt64
        row("MinInt64", "-9223372036854775808", "printf", "%d", Int64.of(Long.MIN_VALUE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modelTypes")
  void printsEveryModelType(Case c) {
    assertThat(run(c)).isEqualTo(c.expected());
  }

  @org.junit.jupiter.api.Test
  void actionOutputOfNilIsNoValue() {
    // syntax/values vectors: a nil action result prints "<no value>" (Helm then removes it)
    assertThat(GoFmt.formatValue(null)).isEqualTo("<no value>");
    assertThat(GoFmt.formatValue(1e6)).isEqualTo("1e+06");
    assertThat(GoFmt.formatValue(Arrays.asList(1.0, "two", 3.5, true, null))).isEqualTo("[1 two 3.5 true <nil>]");
  }
}
