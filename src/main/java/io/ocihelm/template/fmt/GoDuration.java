package io.ocihelm.template.fmt;

/**
 * Go's {@code time.Duration} (int64 nanoseconds): {@code String()} ("1h2m3.5s", "1.5ms", "0s") and
 * {@code time.ParseDuration} with Go's error texts.
 */
public final class GoDuration {
  private GoDuration() {}

  public static final long NANOSECOND = 1L;
  public static final long MICROSECOND = 1_000L;
  public static final long MILLISECOND = 1_000_000L;
  public static final long SECOND = 1_000_000_000L;
  public static final long MINUTE = 60 * SECOND;
  public static final long HOUR = 60 * MINUTE;

  /** A failed {@code time.ParseDuration}; the message is Go's error text. */
  public static final class ParseException extends Exception {
    ParseException(String message) {
      super(message, null, false, false);
    }
  }

  /** Go's {@code Duration.String()}. */
  public static String toString(long d) {
    if (d == 0) {
      return "0s";
    }
    boolean neg = d < 0;
    long u = neg ? -d : d; // MinInt64 stays itself; it is read unsigned below
    StringBuilder b = new StringBuilder(24);
    if (Long.compareUnsigned(u, SECOND) < 0) {
      // under a second: the largest unit below it, with a fraction
      int prec;
      String unit;
      if (u < MICROSECOND) {
        prec = 0;
        unit = "ns";
      } else if (u < MILLISECOND) {
        prec = 3;
        unit = "µs";
      } else {
        prec = 6;
        unit = "ms";
      }
      appendWithFraction(b, u, prec);
      b.append(unit);
    } else {
      long secondsPart = Long.remainderUnsigned(u, SECOND);
      long whole = Long.divideUnsigned(u, SECOND);
      String frac = fraction(secondsPart, 9);
      long seconds = whole % 60;
      long minutes = whole / 60;
      if (minutes > 0) {
        long hours = minutes / 60;
        if (hours > 0) {
          b.append(hours).append('h');
        }
        b.append(minutes % 60).append('m');
      }
      b.append(seconds).append(frac).append('s');
    }
    return (neg ? "-" : "") + b;
  }

  private static void appendWithFraction(StringBuilder b, long u, int prec) {
    long scale = 1;
    for (int i = 0; i < prec; i++) {
      scale *= 10;
    }
    b.append(u / scale).append(fraction(u % scale, prec));
  }

  /** ".123" for the fraction digits of {@code frac} over 10^prec, trailing zeros dropped; "" for 0. */
  private static String fraction(long frac, int prec) {
    if (frac == 0 || prec == 0) {
      return "";
    }
    StringBuilder digits = new StringBuilder(Long.toString(frac));
    while (digits.length() < prec) {
      digits.insert(0, '0');
    }
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return "." + digits.substring(0, end);
  }

  /** Go's {@code time.ParseDuration}: "300ms", "-1.5h", "2h45m"; units ns us µs μs ms s m h. */
  public static long parse(String s) throws ParseException {
    String orig = s;
    long d = 0; // unsigned accumulation, as Go's uint64
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    while (!s.isEmpty()) {
      char c0 = s.charAt(0);
      if (!(c0 == '.' || ('0' <= c0 && c0 <= '9'))) {
        throw invalid(orig);
      }
      // integer part
      int i = 0;
      long v = 0;
      for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
        if (Long.compareUnsigned(v, Long.divideUnsigned(Long.MIN_VALUE, 10)) > 0) {
          throw invalid(orig);
        }
        v = v * 10 + (s.charAt(i) - '0');
        if (Long.compareUnsigned(v, Long.MIN_VALUE) > 0) {
          throw invalid(orig);
        }
      }
      boolean pre = i > 0;
      s = s.substring(i);
      // fraction
      long f = 0;
      double scale = 1;
      boolean post = false;
      if (!s.isEmpty() && s.charAt(0) == '.') {
        s = s.substring(1);
        int j = 0;
        boolean overflow = false;
        for (; j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9'; j++) {
          if (overflow) {
            continue;
          }
          if (f > (Long.MAX_VALUE) / 10) {
            overflow = true;
            continue;
          }
          long y = f * 10 + (s.charAt(j) - '0');
          if (y < 0) {
            overflow = true;
            continue;
          }
          f = y;
          scale *= 10;
        }
        post = j > 0;
        s = s.substring(j);
      }
      if (!pre && !post) {
        throw invalid(orig);
      }
      // unit
      int k = 0;
      for (; k < s.length(); k++) {
        char c = s.charAt(k);
        if (c == '.' || ('0' <= c && c <= '9')) {
          break;
        }
      }
      if (k == 0) {
        throw new ParseException("time: missing unit in duration " + GoTimeLayout.quote(orig));
      }
      String u = s.substring(0, k);
      s = s.substring(k);
      long unit = switch (u) {
        case "ns" -> NANOSECOND;
        case "us", "µs", "μs" -> MICROSECOND;
        case "ms" -> MILLISECOND;
        case "s" -> SECOND;
        case "m" -> MINUTE;
        case "h" -> HOUR;
        default -> throw new ParseException(
            "time: unknown unit " + GoTimeLayout.quote(u) + " in duration " + GoTimeLayout.quote(orig));
      };
      if (Long.compareUnsigned(v, Long.divideUnsigned(Long.MIN_VALUE, unit)) > 0) {
        throw invalid(orig);
      }
      v *= unit;
      if (f > 0) {
        v += (long) (f * (unit / scale));
        if (Long.compareUnsigned(v, Long.MIN_VALUE) > 0) {
          throw invalid(orig);
        }
      }
      d += v;
      if (Long.compareUnsigned(d, Long.MIN_VALUE) > 0) {
        throw invalid(orig);
      }
    }
    if (neg) {
      return -d;
    }
    if (Long.compareUnsigned(d, Long.MAX_VALUE) > 0) {
      throw invalid(orig);
    }
    return d;
  }

  private static ParseException invalid(String orig) {
    return new ParseException("time: invalid duration " + GoTimeLayout.quote(orig));
  }
}
