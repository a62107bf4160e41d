package io.ocihelm.codec;

import java.math.BigDecimal;

/**
 * Go's {@code strconv.FormatFloat} with the shortest precision ({@code -1}) for the formats the
 * codecs need: {@code 'g'} (yaml.v2/v3 and TOML print floats this way) and encoding/json's mix of
 * {@code 'f'} and {@code 'e'}. Java's {@link Double#toString} gives the same shortest digits since
 * JDK 19, so only the layout differs.
 */
final class GoFloats {
  private GoFloats() {}

  /** The shortest decimal digits of |d| and the decimal point position (value = 0.DIGITS × 10^point). */
  private record Digits(String digits, int point) {}

  private static Digits digits(double d) {
    BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String unscaled = exact.unscaledValue().toString();
    if (unscaled.equals("0")) {
      return new Digits("0", 1);
    }
    return new Digits(unscaled, unscaled.length() - exact.scale());
  }

  /** {@code strconv.FormatFloat(d, 'g', -1, 64)}; infinities and NaN as Go spells them. */
  static String formatG(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "+Inf" : "-Inf";
    }
    String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
    if (d == 0) {
      return sign + "0";
    }
    Digits digs = digits(d);
    int exp = digs.point() - 1;
    // Go: with the shortest precision, %e is used when the exponent is < -4 or >= 6.
    if (exp < -4 || exp >= 6) {
      return sign + formatE(digs);
    }
    return sign + formatF(digs);
  }

  /** encoding/json's float64 text: 'f' between 1e-6 and 1e21, else 'e' with a one-digit negative exponent. */
  static String formatJson(double d) {
    String sign = (d < 0 || (d == 0 && 1 / d < 0)) ? "-" : "";
    if (d == 0) {
      return sign + "0";
    }
    double abs = Math.abs(d);
    Digits digs = digits(d);
    if (abs < 1e-6 || abs >= 1e21) {
      String e = formatE(digs);
      // Helm compat: encoding/json cleans e-09 to e-9 (only negative exponents).
      int n = e.length();
      if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
        e = e.substring(0, n - 2) + e.charAt(n - 1);
      }
      return sign + e;
    }
    return sign + formatF(digs);
  }

  private static String formatE(Digits digs) {
    String ds = digs.digits();
    StringBuilder out = new StringBuilder().append(ds.charAt(0));
    if (ds.length() > 1) {
      out.append('.').append(ds, 1, ds.length());
    }
    int exp = digs.point() - 1;
    out.append('e').append(exp < 0 ? '-' : '+');
    int abs = Math.abs(exp);
    if (abs < 10) {
      out.append('0');
    }
    return out.append(abs).toString();
  }

  private static String formatF(Digits digs) {
    String ds = digs.digits();
    int point = digs.point();
    if (point <= 0) {
      return "0." + "0".repeat(-point) + ds;
    }
    if (point >= ds.length()) {
      return ds + "0".repeat(point - ds.length());
    }
    return ds.substring(0, point) + "." + ds.substring(point);
  }
}
