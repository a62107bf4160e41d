package io.ocihelm.codec;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * How go-yaml (v2, YAML 1.1 flavoured) resolves a plain scalar to a type: the table both the
 * reader (what a plain {@code yes} means) and the emitter (which strings must be quoted so they
 * read back as strings) rely on.
 */
final class YamlScalars {
  private YamlScalars() {}

  /** The type a plain scalar resolves to, with its Java value. */
  enum Tag { STR, BOOL, INT, FLOAT, NULL, TIMESTAMP, MERGE }

  record Resolved(Tag tag, Object value) {}

  private static final Map<String, Resolved> WORDS = Map.ofEntries(
      bool("y", true), bool("Y", true), bool("yes", true), bool("Yes", true), bool("YES", true),
      bool("true", true), bool("True", true), bool("TRUE", true),
      bool("on", true), bool("On", true), bool("ON", true),
      bool("n", false), bool("N", false), bool("no", false), bool("No", false), bool("NO", false),
      bool("false", false), bool("False", false), bool("FALSE", false),
      bool("off", false), bool("Off", false), bool("OFF", false),
      Map.entry("", new Resolved(Tag.NULL, null)),
      Map.entry("~", new Resolved(Tag.NULL, null)),
      Map.entry("null", new Resolved(Tag.NULL, null)),
      Map.entry("Null", new Resolved(Tag.NULL, null)),
      Map.entry("NULL", new Resolved(Tag.NULL, null)),
      Map.entry(".nan", new Resolved(Tag.FLOAT, Double.NaN)),
      Map.entry(".NaN", new Resolved(Tag.FLOAT, Double.NaN)),
      Map.entry(".NAN", new Resolved(Tag.FLOAT, Double.NaN)),
      Map.entry(".inf", new Resolved(Tag.FLOAT, Double.POSITIVE_INFINITY)),
      Map.entry(".Inf", new Resolved(Tag.FLOAT, Double.POSITIVE_INFINITY)),
      Map.entry(".INF", new Resolved(Tag.FLOAT, Double.POSITIVE_INFINITY)),
      Map.entry("+.inf", new Resolved(Tag.FLOAT, Double.POSITIVE_INFINITY)),
      Map.entry("+.Inf", new Resolved(Tag.FLOAT, Double.POSITIVE_INFINITY)),
      Map.entry("+.INF", new Resolved(Tag.FLOAT, Double.POSITIVE_INFINITY)),
      Map.entry("-.inf", new Resolved(Tag.FLOAT, Double.NEGATIVE_INFINITY)),
      Map.entry("-.Inf", new Resolved(Tag.FLOAT, Double.NEGATIVE_INFINITY)),
      Map.entry("-.INF", new Resolved(Tag.FLOAT, Double.NEGATIVE_INFINITY)));
  // No "<<" here: yaml.v2 only consults its word table for a few leading characters, and '<' is
  // not one, so a "<<" string prints plain. The reader recognises merge keys itself.

  private static Map.Entry<String, Resolved> bool(String word, boolean value) {
    return Map.entry(word, new Resolved(Tag.BOOL, value));
  }

  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern BASE60_FLOAT =
      Pattern.compile("^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?$");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "^(\\d{4})-(\\d{1,2})-(\\d{1,2})"
          + "(?:(?:[Tt](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2}))"
          + "|(?: (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?))?$");

  /** yaml.v2's resolve of an untagged plain scalar; integers come back as Long or unsigned BigInteger. */
  static Resolved resolve(String in) {
    Resolved word = WORDS.get(in);
    if (word != null) {
      return word;
    }
    if (in.isEmpty()) {
      return new Resolved(Tag.STR, in);
    }
    char hint = in.charAt(0);
    if (hint == '.') {
      Double f = GoNumbers.parseFloat(in);
      if (f != null) {
        return new Resolved(Tag.FLOAT, f);
      }
    } else if (hint == '+' || hint == '-' || (hint >= '0' && hint <= '9')) {
      if (isTimestamp(in)) {
        return new Resolved(Tag.TIMESTAMP, in);
      }
      String plain = in.replace("_", "");
      Long i = GoNumbers.parseInt(plain);
      if (i != null) {
        return new Resolved(Tag.INT, i);
      }
      java.math.BigInteger u = GoNumbers.parseUint(plain);
      if (u != null) {
        return new Resolved(Tag.INT, u);
      }
      if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
        Double f = GoNumbers.parseFloat(plain);
        if (f != null) {
          return new Resolved(Tag.FLOAT, f);
        }
      }
    }
    return new Resolved(Tag.STR, in);
  }

  static boolean isBase60Float(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    if (!(c == '+' || c == '-' || (c >= '0' && c <= '9')) || s.indexOf(':') < 0) {
      return false;
    }
    return BASE60_FLOAT.matcher(s).matches();
  }

  /** yaml.v3's list of YAML 1.1 booleans it still quotes for other parsers' sake. */
  static boolean isOldBool(String s) {
    return switch (s) {
      case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off", "OFF" -> true;
      default -> false;
    };
  }

  /** go-yaml's timestamp test: YYYY-M-D, optionally with a time, valid as a calendar date. */
  static boolean isTimestamp(String s) {
    var m = TIMESTAMP.matcher(s);
    if (!m.matches()) {
      return false;
    }
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return false;
    }
    for (int g : new int[] {4, 7}) {
      if (m.group(g) != null) {
        int h = Integer.parseInt(m.group(g));
        int min = Integer.parseInt(m.group(g + 1));
        int sec = Integer.parseInt(m.group(g + 2));
        if (h > 23 || min > 59 || sec > 59) {
          return false;
        }
      }
    }
    return true;
  }
}
