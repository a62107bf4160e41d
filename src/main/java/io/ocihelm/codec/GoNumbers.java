package io.ocihelm.codec;

import java.math.BigInteger;

/** Go's strconv.ParseInt/ParseUint with base 0 and ParseFloat, as the YAML resolvers call them. */
final class GoNumbers {
  private GoNumbers() {}

  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** ParseInt(s, 0, 64), or null when it fails (syntax or range). */
  static Long parseInt(String s) {
    if (s.isEmpty()) {
      return null;
    }
    boolean neg = false;
    String body = s;
    if (body.charAt(0) == '+' || body.charAt(0) == '-') {
      neg = body.charAt(0) == '-';
      body = body.substring(1);
    }
    BigInteger magnitude = parseUnsignedBase0(body);
    if (magnitude == null) {
      return null;
    }
    BigInteger v = neg ? magnitude.negate() : magnitude;
    if (v.bitLength() > 63) {
      return null;
    }
    return v.longValue();
  }

  /** ParseUint(s, 0, 64), or null. */
  static BigInteger parseUint(String s) {
    BigInteger v = parseUnsignedBase0(s);
    if (v == null || v.compareTo(MAX_UINT64) > 0) {
      return null;
    }
    return v;
  }

  private static BigInteger parseUnsignedBase0(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int base = 10;
    String digits = s;
    if (s.length() >= 2 && s.charAt(0) == '0') {
      char p = Character.toLowerCase(s.charAt(1));
      if (p == 'x') {
        base = 16;
        digits = s.substring(2);
      } else if (p == 'o') {
        base = 8;
        digits = s.substring(2);
      } else if (p == 'b') {
        base = 2;
        digits = s.substring(2);
      } else {
        base = 8;
        digits = s.substring(1);
      }
    }
    if (digits.isEmpty()) {
      return null;
    }
    for (int i = 0; i < digits.length(); i++) {
      if (Character.digit(digits.charAt(i), base) < 0 || digits.charAt(i) > 0x7f) {
        return null;
      }
    }
    return new BigInteger(digits, base);
  }

  /** ParseFloat(s, 64) for decimal syntax (and inf/nan words), or null; out of range is null too. */
  static Double parseFloat(String s) {
    String t = s;
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
    boolean neg = lower.startsWith("-");
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    if (!unsigned.matches("(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?")) {
      return null;
    }
    double d = Double.parseDouble(t);
    if (Double.isInfinite(d)) {
      return null;
    }
    return d;
  }
}
