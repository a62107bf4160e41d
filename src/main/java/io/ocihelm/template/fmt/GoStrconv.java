package io.ocihelm.template.fmt;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * The parts of Go's {@code strconv} that printing depends on: {@code FormatFloat} for every format
 * ({@code e E f g G b x X}, shortest or with a precision) and the quoting functions ({@code Quote},
 * {@code QuoteToASCII}, {@code QuoteRune}, {@code IsPrint}, {@code CanBackquote}).
 *
 * <p>Float digits: the shortest form starts from {@link Double#toString(double)}, which (JDK 19+)
 * yields the shortest decimal that rounds back to the double, like Go. The one place Java's
 * definition differs (it may pick a closer two-digit decimal when a one-digit one also round-trips,
 * e.g. {@code 4.9E-324} for Go's {@code 5e-324}) is corrected here. Fixed precisions round the
 * exact binary value half-to-even, as Go's multiprecision and Ryu paths do.
 */
public final class GoStrconv {
  private GoStrconv() {}

  /** Decimal digits without leading or trailing zeros; value = 0.d1d2... x 10^dp. Zero has none. */
  private record Digits(String d, int dp) {
    int nd() {
      return d.length();
    }
  }

  /** Go's {@code strconv.FormatFloat(v, fmt, prec, 64)}; {@code prec < 0} means shortest. */
  public static String formatFloat(double v, char fmt, int prec) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    long bits = Double.doubleToRawLongBits(v);
    boolean neg = bits < 0;
    int biasedExp = (int) ((bits >>> 52) & 0x7FF);
    long mant = bits & ((1L << 52) - 1);
    int exp;
    if (biasedExp == 0) {
      exp = 1 - 1023;
    } else {
      mant |= 1L << 52;
      exp = biasedExp - 1023;
    }
    if (fmt == 'b') {
      return (neg ? "-" : "") + mant + "p" + (exp - 52 >= 0 ? "+" : "") + (exp - 52);
    }
    if (fmt == 'x' || fmt == 'X') {
      return formatHex(neg, mant, exp, prec, fmt);
    }
    boolean shortest = prec < 0;
    Digits digits;
    double abs = Math.abs(v);
    if (shortest) {
      digits = shortestDigits(abs);
      prec = switch (fmt) {
        case 'e', 'E' -> digits.nd() - 1;
        case 'f' -> Math.max(digits.nd() - digits.dp(), 0);
        default -> digits.nd();
      };
    } else {
      digits = switch (fmt) {
        case 'e', 'E' -> roundSignificant(abs, prec + 1);
        case 'f' -> roundFixed(abs, prec);
        case 'g', 'G' -> {
          if (prec == 0) {
            prec = 1;
          }
          yield roundSignificant(abs, prec);
        }
        default -> roundSignificant(abs, 1);
      };
    }
    return formatDigits(neg, digits, prec, fmt, shortest);
  }

  private static String formatDigits(boolean neg, Digits d, int prec, char fmt, boolean shortest) {
    switch (fmt) {
      case 'e', 'E':
        return formatE(neg, d, prec, fmt);
      case 'f':
        return formatF(neg, d, prec);
      case 'g', 'G': {
        int eprec = prec;
        if (eprec > d.nd() && d.nd() >= d.dp()) {
          eprec = d.nd();
        }
        // The shortest form switches to an exponent from 1e+06 on, whatever its digits.
        if (shortest) {
          eprec = 6;
        }
        int exp = d.dp() - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > d.nd()) {
            prec = d.nd();
          }
          return formatE(neg, d, prec - 1, (char) (fmt + 'e' - 'g'));
        }
        if (prec > d.dp()) {
          prec = d.nd();
        }
        return formatF(neg, d, Math.max(prec - d.dp(), 0));
      }
      default:
        return "%" + fmt;
    }
  }

  private static String formatE(boolean neg, Digits d, int prec, char fmt) {
    StringBuilder b = new StringBuilder(prec + 8);
    if (neg) {
      b.append('-');
    }
    b.append(d.nd() == 0 ? '0' : d.d().charAt(0));
    if (prec > 0) {
      b.append('.');
      int i = 1;
      int m = Math.min(d.nd(), prec + 1);
      if (i < m) {
        b.append(d.d(), i, m);
        i = m;
      }
      for (; i <= prec; i++) {
        b.append('0');
      }
    }
    b.append(fmt);
    int exp = d.nd() == 0 ? 0 : d.dp() - 1;
    b.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      b.append('0');
    }
    b.append(exp);
    return b.toString();
  }

  private static String formatF(boolean neg, Digits d, int prec) {
    StringBuilder b = new StringBuilder(Math.max(d.dp(), 1) + prec + 2);
    if (neg) {
      b.append('-');
    }
    if (d.dp() > 0) {
      int m = Math.min(d.nd(), d.dp());
      b.append(d.d(), 0, m);
      for (; m < d.dp(); m++) {
        b.append('0');
      }
    } else {
      b.append('0');
    }
    if (prec > 0) {
      b.append('.');
      for (int i = 1; i <= prec; i++) {
        int j = d.dp() + i - 1;
        b.append(j >= 0 && j < d.nd() ? d.d().charAt(j) : '0');
      }
    }
    return b.toString();
  }

  /** The shortest decimal that reads back as {@code abs} (non-negative, finite). */
  private static Digits shortestDigits(double abs) {
    if (abs == 0) {
      return new Digits("", 0);
    }
    Digits java = parseJavaDecimal(Double.toString(abs));
    if (java.nd() == 2) {
      // Java may prefer a closer 2-digit decimal when a 1-digit one also round-trips; Go takes
      // the shortest, then the closest.
      int first = java.d().charAt(0) - '0';
      BigDecimal exact = new BigDecimal(abs);
      Digits best = null;
      BigDecimal bestDistance = null;
      for (int candidate : new int[] {first, first + 1}) {
        Digits one = candidate == 10 ? new Digits("1", java.dp() + 1) : new Digits(String.valueOf(candidate), java.dp());
        if (candidate == 0) {
          continue;
        }
        BigDecimal value = new BigDecimal(new java.math.BigInteger(one.d()), -(one.dp() - 1));
        if (Double.parseDouble(value.toString()) == abs) {
          BigDecimal distance = value.subtract(exact).abs();
          if (best == null || distance.compareTo(bestDistance) < 0) {
            best = one;
            bestDistance = distance;
          }
        }
      }
      if (best != null) {
        return best;
      }
    }
    return java;
  }

  /** Parses Java's {@code Double.toString} output ("123.45", "1.0E-5") into digits and point. */
  private static Digits parseJavaDecimal(String s) {
    int e = s.indexOf('E');
    int exp10 = 0;
    String mantissa = s;
    if (e >= 0) {
      exp10 = Integer.parseInt(s.substring(e + 1));
      mantissa = s.substring(0, e);
    }
    int point = mantissa.indexOf('.');
    String intPart = point < 0 ? mantissa : mantissa.substring(0, point);
    String fracPart = point < 0 ? "" : mantissa.substring(point + 1);
    return normalize(intPart + fracPart, intPart.length() + exp10);
  }

  /** Strips leading zeros (moving the point) and trailing zeros. */
  private static Digits normalize(String all, int dp) {
    int start = 0;
    while (start < all.length() && all.charAt(start) == '0') {
      start++;
      dp--;
    }
    int end = all.length();
    while (end > start && all.charAt(end - 1) == '0') {
      end--;
    }
    if (start == end) {
      return new Digits("", 0);
    }
    return new Digits(all.substring(start, end), dp);
  }

  private static Digits fromBigDecimal(BigDecimal rounded) {
    if (rounded.signum() == 0) {
      return new Digits("", 0);
    }
    String unscaled = rounded.unscaledValue().toString();
    return normalize(unscaled, unscaled.length() - rounded.scale());
  }

  private static Digits roundSignificant(double abs, int significant) {
    if (abs == 0) {
      return new Digits("", 0);
    }
    return fromBigDecimal(new BigDecimal(abs).round(new MathContext(significant, RoundingMode.HALF_EVEN)));
  }

  private static Digits roundFixed(double abs, int fractionDigits) {
    return fromBigDecimal(new BigDecimal(abs).setScale(fractionDigits, RoundingMode.HALF_EVEN));
  }

  /** Go's %x float form: -0x1.yyyyp±dd, the mantissa normalised so its leading digit is 1. */
  private static String formatHex(boolean neg, long mant, int exp, int prec, char fmt) {
    if (mant == 0) {
      exp = 0;
    }
    mant <<= 60 - 52;
    while (mant != 0 && (mant & (1L << 60)) == 0) {
      mant <<= 1;
      exp--;
    }
    if (prec >= 0 && prec < 15) {
      int shift = prec * 4;
      long extra = (mant << shift) & ((1L << 60) - 1);
      mant >>>= 60 - shift;
      if ((extra | (mant & 1)) > (1L << 59)) {
        mant++;
      }
      mant <<= 60 - shift;
      if ((mant & (1L << 61)) != 0) {
        mant >>>= 1;
        exp++;
      }
    }
    String hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    StringBuilder b = new StringBuilder(24);
    if (neg) {
      b.append('-');
    }
    b.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
    mant <<= 4;
    if (prec < 0 && mant != 0) {
      b.append('.');
      while (mant != 0) {
        b.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    } else if (prec > 0) {
      b.append('.');
      for (int i = 0; i < prec; i++) {
        b.append(hex.charAt((int) ((mant >>> 60) & 15)));
        mant <<= 4;
      }
    }
    b.append(fmt == 'X' ? 'P' : 'p');
    b.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      b.append('0');
    }
    b.append(exp);
    return b.toString();
  }

  // ---- quoting ------------------------------------------------------------------------------

  /** Go's {@code strconv.Quote}: a double-quoted Go string literal, non-printables escaped. */
  public static String quote(String s) {
    return quoteWith(s, '"', false);
  }

  /** Go's {@code strconv.QuoteToASCII}: like {@link #quote} but non-ASCII runes escaped too. */
  public static String quoteToASCII(String s) {
    return quoteWith(s, '"', true);
  }

  /** Go's {@code strconv.QuoteRune}; invalid runes and surrogates print as U+FFFD. */
  public static String quoteRune(int rune, boolean asciiOnly) {
    if (!isValidRune(rune)) {
      rune = 0xFFFD;
    }
    StringBuilder b = new StringBuilder(12).append('\'');
    appendEscapedRune(b, rune, '\'', asciiOnly);
    return b.append('\'').toString();
  }

  /** Whether Go's utf8.ValidRune holds: in range and not a surrogate. */
  public static boolean isValidRune(long rune) {
    return (rune >= 0 && rune < 0xD800) || (rune > 0xDFFF && rune <= 0x10FFFF);
  }

  private static String quoteWith(String s, char quote, boolean asciiOnly) {
    StringBuilder b = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (r >= 0xDC80 && r <= 0xDCFF) {
        // A byte that is not UTF-8 (GoStringBytes escapes it so): Go prints it as \xNN.
        b.append("\\x").append(hex2(r - 0xDC00));
        continue;
      }
      if (r >= 0xD800 && r <= 0xDFFF) {
        r = 0xFFFD;
      }
      appendEscapedRune(b, r, quote, asciiOnly);
    }
    return b.append(quote).toString();
  }

  private static void appendEscapedRune(StringBuilder b, int r, char quote, boolean asciiOnly) {
    if (r == quote || r == '\\') {
      b.append('\\').appendCodePoint(r);
      return;
    }
    if (asciiOnly) {
      if (r < 0x80 && isPrint(r)) {
        b.append((char) r);
        return;
      }
    } else if (isPrint(r)) {
      b.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 0x07 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 0x0B -> b.append("\\v");
      default -> {
        if (r < ' ' || r == 0x7F) {
          b.append("\\x").append(hex2(r));
        } else if (r < 0x10000) {
          b.append("\\u").append(String.format("%04x", r));
        } else {
          b.append("\\U").append(String.format("%08x", r));
        }
      }
    }
  }

  private static String hex2(int r) {
    String h = Integer.toHexString(r);
    return h.length() == 1 ? "0" + h : h;
  }

  /**
   * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII
   * space (Java's Unicode tables stand in for Go's; they differ only for the newest code points).
   */
  public static boolean isPrint(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7F;
    }
    return switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }

  /** Go's {@code strconv.CanBackquote}: a single-line string without backquote or controls. */
  public static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (r == 0xFEFF || r == '`' || r == 0x7F || (r < ' ' && r != '\t') || (r >= 0xD800 && r <= 0xDFFF)) {
        return false;
      }
    }
    return true;
  }

  /** The UTF-8 bytes of a string, as Go sees a string's contents. */
  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
