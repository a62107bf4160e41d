package io.ocihelm.template.exec;

import io.ocihelm.template.value.GoStringOrder;

import io.ocihelm.template.fmt.GoFmt;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.Int64;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the engine prints values: Go's {@code fmt.Sprint}, i.e. {@link GoFmt#sprint}, plus the
 * engine's complex128 constants, which only the engine knows ({@link #sprint} is the one seam every
 * print in the engine goes through).
 */
public final class ValuePrinter {
  private ValuePrinter() {}

  /** {@code fmt.Sprint(args...)}: spaces only between two operands that are both non-strings. */
  public static String sprint(Object... args) {
    boolean complex = false;
    for (Object arg : args) {
      complex |= arg instanceof Complex;
    }
    if (!complex) {
      return GoFmt.sprint(args);
    }
    // complex128 constants are the engine's own type, unknown to GoFmt
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (i > 0 && !(args[i] instanceof String) && !(args[i - 1] instanceof String)) {
        b.append(' ');
      }
      appendValue(b, args[i], true);
    }
    return b.toString();
  }

  private static void appendValue(StringBuilder b, Object v, boolean top) {
    switch (v) {
      case null -> b.append("<nil>");
      case String s -> b.append(s);
      case Boolean x -> b.append(x);
      case Long x -> b.append(x);
      case Int64 x -> b.append(x.value());
      case Double d -> b.append(formatFloat(d));
      case Complex c -> b.append('(').append(formatFloat(c.real()))
          .append(c.imag() >= 0 || Double.isNaN(c.imag()) ? "+" : "").append(formatFloat(c.imag())).append("i)");
      case byte[] bytes -> {
        b.append('[');
        for (int i = 0; i < bytes.length; i++) {
          if (i > 0) {
            b.append(' ');
          }
          b.append(bytes[i] & 0xff);
        }
        b.append(']');
      }
      case List<?> l -> {
        b.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            b.append(' ');
          }
          appendValue(b, l.get(i), false);
        }
        b.append(']');
      }
      case Map<?, ?> m -> {
        b.append("map[");
        List<String> keys = new ArrayList<>();
        m.keySet().forEach(k -> keys.add(String.valueOf(k)));
        keys.sort(GoStringOrder.ORDER);
        for (int i = 0; i < keys.size(); i++) {
          if (i > 0) {
            b.append(' ');
          }
          b.append(keys.get(i)).append(':');
          appendValue(b, m.get(keys.get(i)), false);
        }
        b.append(']');
      }
      case GoObject o -> b.append(o.goString());
      case ZonedDateTime t -> b.append(io.ocihelm.template.fmt.GoTimeLayout.timeString(t));
      default -> b.append(v);
    }
  }

  /** {@code strconv.FormatFloat(f, 'g', -1, 64)}: shortest digits, exponent form below 1e-4 and from 1e6. */
  public static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
    String sign = d < 0 ? "-" : "";
    // Go: with the shortest precision, %e is used when the exponent is < -4 or >= 6.
    if (exp < -4 || exp >= 6) {
      String mant = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      String e = Math.abs(exp) < 10 ? "0" + Math.abs(exp) : Integer.toString(Math.abs(exp));
      return sign + mant + "e" + (exp < 0 ? "-" : "+") + e;
    }
    return sign + bd.toPlainString();
  }
}
