package io.ocihelm.template.function.sprig;

import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.Int64;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text Go's {@code fmt.Sprintf("%v", v)} and {@code strconv.Quote} give for the values Sprig
 * turns into strings ({@code toString}, {@code quote}, {@code cat}, {@code join}, {@code dict} keys).
 * Sprig's own helpers only need the {@code %v} of values of the values model, so this stays small;
 * the full fmt lives in {@code io.ocihelm.template.fmt}.
 */
final class GoValueText {
  private static final DateTimeFormatter GO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS] Z z");

  private GoValueText() {}

  /** Sprig's {@code strval}: strings as they are, byte slices as text, anything else as {@code %v}. */
  static String strval(Object value) {
    return switch (value) {
      case null -> "<nil>";
      case String s -> s;
      case byte[] b -> GoStrings.fromBytes(b);
      default -> sprint(value);
    };
  }

  /** {@code fmt.Sprintf("%v", value)}. */
  static String sprint(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    switch (value) {
      case null -> out.append("<nil>");
      case String s -> out.append(s);
      case Boolean b -> out.append(b);
      case Long l -> out.append(l);
      case Int64 i -> out.append(i.value());
      case Double d -> out.append(formatFloat(d));
      case byte[] bytes -> {
        out.append('[');
        for (int i = 0; i < bytes.length; i++) {
          if (i > 0) out.append(' ');
          out.append(bytes[i] & 0xff);
        }
        out.append(']');
      }
      case List<?> list -> {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) out.append(' ');
          append(out, list.get(i));
        }
        out.append(']');
      }
      case Map<?, ?> map -> {
        out.append("map[");
        List<String> keys = new ArrayList<>();
        for (Object k : map.keySet()) keys.add((String) k);
        keys.sort(GoStrings::compare);
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) out.append(' ');
          out.append(keys.get(i)).append(':');
          append(out, map.get(keys.get(i)));
        }
        out.append(']');
      }
      case ZonedDateTime t -> out.append(GO_TIME.format(t));
      case GoObject o -> out.append(o.goString());
      default -> out.append(value);
    }
  }

  /** {@code %v} of a float64: shortest digits, exponent form when the exponent is < -4 or >= 6. */
  static String formatFloat(double d) {
    if (Double.isNaN(d)) return "NaN";
    if (Double.isInfinite(d)) return d > 0 ? "+Inf" : "-Inf";
    if (d == 0) return (1 / d < 0) ? "-0" : "0";
    boolean negative = d < 0;
    BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = decimal.unscaledValue().toString();
    int pointPosition = digits.length() - decimal.scale();
    int exponent = pointPosition - 1;
    StringBuilder out = new StringBuilder();
    if (negative) out.append('-');
    // Go's %v is %g with the shortest digits; strconv then decides %e vs %f as if precision were 6.
    if (exponent < -4 || exponent >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) out.append('.').append(digits, 1, digits.length());
      out.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) out.append('0');
      out.append(abs);
    } else if (pointPosition <= 0) {
      out.append("0.").append("0".repeat(-pointPosition)).append(digits);
    } else if (pointPosition >= digits.length()) {
      out.append(digits).append("0".repeat(pointPosition - digits.length()));
    } else {
      out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
    }
    return out.toString();
  }

  /** {@code strconv.Quote}: a double-quoted Go string literal, printable runes kept as they are. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> {
                  if (c >= 0xDC80 && c <= 0xDCFF) {
                    out.append(String.format("\\x%02x", c - 0xDC00)); // a raw non-UTF-8 byte
                  } else if (isGoPrintable(c)) {
                    out.appendCodePoint(c);
                  } else if (c < 0x80) {
                    out.append(String.format("\\x%02x", c));
                  } else if (c == 0xFFFD) {
                    out.appendCodePoint(c);
                  } else if (c < 0x10000) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.append(String.format("\\U%08x", c));
                  }
                }
              }
            });
    return out.append('"').toString();
  }

  /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  private static boolean isGoPrintable(int c) {
    if (c < 0x80) return c >= 0x20 && c < 0x7f;
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }
}
