package io.ocihelm.template.function.sprig;

import io.ocihelm.template.fmt.GoFmt;
import io.ocihelm.template.fmt.GoStrconv;

/**
 * The text Sprig makes of values ({@code toString}, {@code quote}, {@code cat}, {@code join},
 * {@code dict} keys): its {@code strval} helper over Go's fmt and strconv.
 */
final class GoValueText {
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
    return GoFmt.sprint(value);
  }

  /** {@code %v} of a float64. */
  static String formatFloat(double d) {
    return GoFmt.sprint(d);
  }

  /** {@code strconv.Quote}. */
  static String quote(String s) {
    return GoStrconv.quote(s);
  }
}
