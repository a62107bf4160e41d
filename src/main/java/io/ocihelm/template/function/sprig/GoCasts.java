package io.ocihelm.template.function.sprig;

import io.ocihelm.template.value.Int64;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The number conversions Sprig gets from spf13/cast ({@code toInt64}, {@code toFloat64}) and from
 * strconv ({@code ParseInt}, {@code Atoi}, {@code ParseFloat}), with Go's rules: strings parse with
 * base prefixes ({@code "0x10"} is 16, {@code "010"} is 8), failures give 0, floats truncate, and
 * an out-of-range float converts to MinInt64 as it does on amd64.
 */
final class GoCasts {
  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[+-]?(?:(?:\\d(?:_?\\d)*)(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d(?:_?\\d)*)?");
  private static final Pattern HEX_FLOAT =
      Pattern.compile("[+-]?0[xX](?:_?[0-9a-fA-F])*(?:\\.[0-9a-fA-F]*)?[pP][+-]?\\d+");
  private static final Pattern SPECIAL_FLOAT =
      Pattern.compile("(?i)[+-]?(?:inf|infinity)|nan");

  private GoCasts() {}

  /** cast.ToInt64 as Sprig uses it: numbers truncate, bools are 0/1, strings parse, else 0. */
  static long toInt64(Object value) {
    return switch (value) {
      case null -> 0L;
      case Long l -> l;
      case Int64 i -> i.value();
      case Double d -> floatToInt64(d);
      case Boolean b -> b ? 1L : 0L;
      case String s -> {
        Long parsed = parseInt(trimZeroDecimal(s), 0);
        yield parsed == null ? 0L : parsed;
      }
      default -> 0L;
    };
  }

  /** cast.ToFloat64 as Sprig uses it. */
  static double toFloat64(Object value) {
    return switch (value) {
      case null -> 0.0;
      case Long l -> (double) l;
      case Int64 i -> (double) i.value();
      case Double d -> d;
      case Boolean b -> b ? 1.0 : 0.0;
      case String s -> {
        Double parsed = parseFloat(s);
        yield parsed == null ? 0.0 : parsed;
      }
      default -> 0.0;
    };
  }

  /** Go's {@code int64(f)} on amd64: truncation, and MinInt64 for NaN and out-of-range values. */
  static long floatToInt64(double d) {
    if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) return Long.MIN_VALUE;
    return (long) d;
  }

  // cast strips a ".000" suffix before parsing, so "3.0" is 3 but "3.9" fails.
  private static String trimZeroDecimal(String s) {
    boolean foundZero = false;
    for (int i = s.length(); i > 0; i--) {
      char c = s.charAt(i - 1);
      if (c == '.') {
        return foundZero ? s.substring(0, i - 1) : s;
      } else if (c == '0') {
        foundZero = true;
      } else {
        return s;
      }
    }
    return s;
  }

  /**
   * strconv.ParseInt(s, base, 64); {@code null} on a syntax or range error. Base 0 takes Go's
   * prefixes (0x, 0o, 0b, leading 0 for octal) and underscores between digits.
   */
  static Long parseInt(String s, int base) {
    ParsedInt parsed = parseIntWithRange(s, base);
    return parsed == null || parsed.outOfRange() ? null : parsed.value();
  }

  /** The result of strconv.ParseInt: the value (clamped on range errors) and whether it overflowed. */
  record ParsedInt(long value, boolean outOfRange) {}

  /** strconv.ParseInt with its clamping on overflow; {@code null} on a syntax error. */
  static ParsedInt parseIntWithRange(String s, int base) {
    if (s.isEmpty()) return null;
    boolean negative = false;
    String body = s;
    if (body.charAt(0) == '+' || body.charAt(0) == '-') {
      negative = body.charAt(0) == '-';
      body = body.substring(1);
    }
    String afterSign = body;
    boolean underscoresAllowed = false;
    if (base == 0) {
      base = 10;
      underscoresAllowed = true;
      if (body.length() > 1 && body.charAt(0) == '0') {
        char p = Character.toLowerCase(body.charAt(1));
        base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 8;
        body = body.substring(p == 'x' || p == 'o' || p == 'b' ? 2 : 1);
      }
    }
    if (body.isEmpty()) return null;
    String digits = body;
    if (body.indexOf('_') >= 0) {
      if (!underscoresAllowed) return null;
      // Go allows '_' only between digits, or between a base prefix and a digit.
      for (int i = afterSign.indexOf('_'); i >= 0; i = afterSign.indexOf('_', i + 1)) {
        boolean after = i + 1 < afterSign.length() && Character.digit(afterSign.charAt(i + 1), 16) >= 0;
        boolean before = i > 0 && (Character.digit(afterSign.charAt(i - 1), 16) >= 0
            || "xXoObB".indexOf(afterSign.charAt(i - 1)) >= 0);
        if (!after || !before) return null;
      }
      digits = body.replace("_", "");
      if (digits.isEmpty()) return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), base) < 0 || digits.charAt(i) > 0x7f) return null;
    }
    BigInteger value = new BigInteger(digits, base);
    if (negative) value = value.negate();
    if (value.bitLength() > 63) {
      return new ParsedInt(negative ? Long.MIN_VALUE : Long.MAX_VALUE, true);
    }
    return new ParsedInt(value.longValue(), false);
  }

  /** strconv.ParseFloat(s, 64); {@code null} on a syntax error or when out of range. */
  static Double parseFloat(String s) {
    if (SPECIAL_FLOAT.matcher(s).matches()) {
      String lower = s.toLowerCase();
      if (lower.endsWith("nan")) return Double.NaN;
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    double d;
    if (DECIMAL_FLOAT.matcher(s).matches()) {
      d = Double.parseDouble(s.replace("_", ""));
    } else if (HEX_FLOAT.matcher(s).matches()) {
      d = Double.parseDouble(s.replace("_", ""));
    } else {
      return null;
    }
    return Double.isInfinite(d) ? null : d;
  }
}
