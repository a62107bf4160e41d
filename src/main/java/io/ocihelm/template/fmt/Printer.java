package io.ocihelm.template.fmt;

import io.ocihelm.template.value.GoStringOrder;

import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.GoTypes;
import io.ocihelm.template.value.Int64;
import io.ocihelm.template.value.GoStringBytes;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One formatting run with Go's printer state: the output buffer, the current verb's flags, width
 * and precision, and the operand being printed (for {@code %!verb(type=value)} errors).
 */
final class Printer {
  private static final String LOWER_HEX = "0123456789abcdefx";
  private static final String UPPER_HEX = "0123456789ABCDEFX";

  private final StringBuilder buf = new StringBuilder(32);

  // flags of the verb being formatted
  private boolean plus;
  private boolean minus;
  private boolean sharp;
  private boolean space;
  private boolean zero;
  private boolean plusV;
  private boolean sharpV;
  private boolean widPresent;
  private boolean precPresent;
  private int wid;
  private int prec;

  /** The operand whose formatting is in progress, shown by bad-verb errors. */
  private Object arg;
  /** While writing a bad-verb error: methods (String()) are not called. */
  private boolean erroring;
  private boolean reordered;
  private boolean goodArgNum;

  String result() {
    return buf.toString();
  }

  private void clearFlags() {
    plus = minus = sharp = space = zero = plusV = sharpV = widPresent = precPresent = false;
    wid = prec = 0;
  }

  // ---- Sprint / Sprintln ---------------------------------------------------------------------

  void doPrint(Object[] args) {
    boolean prevString = false;
    for (int i = 0; i < args.length; i++) {
      boolean isString = args[i] instanceof String;
      if (i > 0 && !isString && !prevString) {
        buf.append(' ');
      }
      printArg(args[i], 'v');
      prevString = isString;
    }
  }

  void doPrintln(Object[] args) {
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        buf.append(' ');
      }
      printArg(args[i], 'v');
    }
    buf.append('\n');
  }

  // ---- Sprintf --------------------------------------------------------------------------------

  void doPrintf(String format, Object[] a) {
    int end = format.length();
    int argNum = 0;
    boolean afterIndex = false;
    reordered = false;
    formatLoop:
    for (int i = 0; i < end; ) {
      goodArgNum = true;
      int lasti = i;
      while (i < end && format.charAt(i) != '%') {
        i++;
      }
      if (i > lasti) {
        buf.append(format, lasti, i);
      }
      if (i >= end) {
        break;
      }
      i++; // skip %
      clearFlags();
      simpleFormat:
      for (; i < end; i++) {
        char c = format.charAt(i);
        switch (c) {
          case '#' -> sharp = true;
          case '0' -> zero = !minus; // zero padding only to the left
          case '+' -> plus = true;
          case '-' -> {
            minus = true;
            zero = false;
          }
          case ' ' -> space = true;
          default -> {
            if ('a' <= c && c <= 'z' && argNum < a.length) {
              if (c == 'v') {
                sharpV = sharp;
                sharp = false;
                plusV = plus;
                plus = false;
              }
              printArg(a[argNum], c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simpleFormat;
          }
        }
      }

      // explicit argument index?
      int[] parsed = argNumber(argNum, format, i, a.length);
      argNum = parsed[0];
      i = parsed[1];
      afterIndex = parsed[2] != 0;

      // width
      if (i < end && format.charAt(i) == '*') {
        i++;
        long[] w = intFromArg(a, argNum);
        wid = (int) w[0];
        widPresent = w[1] != 0;
        argNum = (int) w[2];
        if (!widPresent) {
          buf.append("%!(BADWIDTH)");
        }
        if (wid < 0) {
          wid = -wid;
          minus = true;
          zero = false;
        }
        afterIndex = false;
      } else {
        int[] n = parseNum(format, i, end);
        wid = n[0];
        widPresent = n[1] != 0;
        i = n[2];
        if (afterIndex && widPresent) {
          goodArgNum = false;
        }
      }

      // precision
      if (i + 1 < end && format.charAt(i) == '.') {
        i++;
        if (afterIndex) {
          goodArgNum = false;
        }
        parsed = argNumber(argNum, format, i, a.length);
        argNum = parsed[0];
        i = parsed[1];
        afterIndex = parsed[2] != 0;
        if (i < end && format.charAt(i) == '*') {
          i++;
          long[] p = intFromArg(a, argNum);
          prec = (int) p[0];
          precPresent = p[1] != 0;
          argNum = (int) p[2];
          if (prec < 0) {
            prec = 0;
            precPresent = false;
          }
          if (!precPresent) {
            buf.append("%!(BADPREC)");
          }
          afterIndex = false;
        } else {
          int[] n = parseNum(format, i, end);
          prec = n[0];
          precPresent = n[1] != 0;
          i = n[2];
          if (!precPresent) {
            prec = 0;
            precPresent = true;
          }
        }
      }

      if (!afterIndex) {
        parsed = argNumber(argNum, format, i, a.length);
        argNum = parsed[0];
        i = parsed[1];
        afterIndex = parsed[2] != 0;
      }

      if (i >= end) {
        buf.append("%!(NOVERB)");
        break;
      }

      int verb = format.codePointAt(i);
      i += Character.charCount(verb);

      if (verb == '%') {
        buf.append('%'); // absorbs no operand, ignores width and precision
      } else if (!goodArgNum) {
        badArgNum(verb);
      } else if (argNum >= a.length) {
        missingArg(verb);
      } else {
        if (verb == 'v') {
          sharpV = sharp;
          sharp = false;
          plusV = plus;
          plus = false;
        }
        printArg(a[argNum], verb);
        argNum++;
      }
    }

    // Leftover operands are reported, unless indexes reordered them.
    if (!reordered && argNum < a.length) {
      clearFlags();
      buf.append("%!(EXTRA ");
      for (int k = argNum; k < a.length; k++) {
        if (k > argNum) {
          buf.append(", ");
        }
        if (a[k] == null) {
          buf.append("<nil>");
        } else {
          buf.append(typeName(a[k])).append('=');
          printArg(a[k], 'v');
        }
      }
      buf.append(')');
    }
  }

  private void badArgNum(int verb) {
    buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
  }

  private void missingArg(int verb) {
    buf.append("%!").appendCodePoint(verb).append("(MISSING)");
  }

  /** Returns {newArgNum, newI, found}. */
  private int[] argNumber(int argNum, String format, int i, int numArgs) {
    if (format.length() <= i || format.charAt(i) != '[') {
      return new int[] {argNum, i, 0};
    }
    reordered = true;
    // parse "[n]": at least three characters
    int index = 0;
    int width = 1;
    boolean ok = false;
    String rest = format.substring(i);
    if (rest.length() >= 3) {
      for (int j = 1; j < rest.length(); j++) {
        if (rest.charAt(j) == ']') {
          int[] n = parseNum(rest, 1, j);
          if (n[1] == 0 || n[2] != j) {
            width = j + 1;
            ok = false;
          } else {
            index = n[0] - 1;
            width = j + 1;
            ok = true;
          }
          break;
        }
      }
    }
    if (ok && 0 <= index && index < numArgs) {
      return new int[] {index, i + width, 1};
    }
    goodArgNum = false;
    return new int[] {argNum, i + width, ok ? 1 : 0};
  }

  /** Returns {num, isNum, newI}; numbers above 1e6 are not numbers, as in Go. */
  private static int[] parseNum(String s, int start, int end) {
    if (start >= end) {
      return new int[] {0, 0, end};
    }
    int num = 0;
    boolean isNum = false;
    int i = start;
    for (; i < end && '0' <= s.charAt(i) && s.charAt(i) <= '9'; i++) {
      if (num > 1_000_000) {
        return new int[] {0, 0, end};
      }
      num = num * 10 + (s.charAt(i) - '0');
      isNum = true;
    }
    return new int[] {num, isNum ? 1 : 0, i};
  }

  /** Returns {num, isInt, newArgNum} for a {@code *} width or precision. */
  private static long[] intFromArg(Object[] a, int argNum) {
    long num = 0;
    boolean isInt = false;
    int newArgNum = argNum;
    if (argNum < a.length) {
      Object v = a[argNum];
      if (v instanceof Long l) {
        num = l;
        isInt = true;
      } else if (v instanceof Int64 i) {
        num = i.value();
        isInt = true;
      }
      newArgNum = argNum + 1;
      if (num > 1_000_000 || num < -1_000_000) {
        num = 0;
        isInt = false;
      }
    }
    return new long[] {num, isInt ? 1 : 0, newArgNum};
  }

  // ---- one operand ----------------------------------------------------------------------------

  void printArg(Object value, int verb) {
    this.arg = value;
    if (value == null) {
      if (verb == 'T' || verb == 'v') {
        padString("<nil>");
      } else {
        badVerb(verb);
      }
      return;
    }
    if (verb == 'T') {
      fmtS(typeName(value));
      return;
    }
    if (verb == 'p') {
      badVerb(verb); // addresses are not reproducible; Go's %p has no stable output to match
      return;
    }
    printValue(value, verb, 0);
  }

  /** Prints a non-nil value; {@code depth > 0} inside maps and slices. */
  private void printValue(Object value, int verb, int depth) {
    if (depth > 0) {
      if (value == null) {
        // an interface {} element holding nil
        padString(sharpV ? "interface {}(nil)" : "<nil>");
        return;
      }
      this.arg = value;
    }
    switch (value) {
      case Boolean b -> fmtBool(b, verb);
      case Long l -> fmtInteger(l, true, verb);
      case Int64 i -> fmtInteger(i.value(), true, verb);
      case Double d -> fmtFloat(d, verb);
      case String s -> fmtString(s, verb);
      case byte[] bytes -> fmtBytes(bytes, verb, depth == 0 ? "[]byte" : "[]uint8");
      case ZonedDateTime t -> handleStringer(value, GoTimeLayout.timeString(t), verb);
      case GoObject o -> handleStringer(value, o.goString(), verb);
      case Map<?, ?> m -> printMap(m, verb, depth);
      case List<?> l -> printList(l, verb, depth);
      // Not a values-model type (an engine-internal value): print its Java text rather than fail the render.
      default -> fmtString(String.valueOf(value), verb == 'v' || verb == 's' ? verb : 'v');
    }
  }

  /** A type with a String() method: the string verbs format its String(), others fail. */
  private void handleStringer(Object value, String string, int verb) {
    if (!erroring && !sharpV && (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q')) {
      fmtString(string, verb);
      return;
    }
    if (erroring || sharpV) {
      fmtS(string);
      return;
    }
    badVerb(verb);
  }

  private void printMap(Map<?, ?> m, int verb, int depth) {
    if (sharpV) {
      buf.append(GoTypes.typeName(m)).append('{');
    } else {
      buf.append("map[");
    }
    List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
    entries.sort((x, y) -> compareKeys(x.getKey(), y.getKey()));
    boolean first = true;
    for (Map.Entry<?, ?> e : entries) {
      if (!first) {
        buf.append(sharpV ? ", " : " ");
      }
      first = false;
      printValue(e.getKey(), verb, depth + 1);
      buf.append(':');
      printValue(e.getValue(), verb, depth + 1);
    }
    buf.append(sharpV ? '}' : ']');
  }

  private static int compareKeys(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return GoStringOrder.compare(x, y);
    }
    return GoStringOrder.compare(String.valueOf(a), String.valueOf(b));
  }

  private void printList(List<?> list, int verb, int depth) {
    if (sharpV) {
      buf.append(GoTypes.typeName(list)).append('{');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          buf.append(", ");
        }
        printValue(list.get(i), verb, depth + 1);
      }
      buf.append('}');
      return;
    }
    buf.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        buf.append(' ');
      }
      printValue(list.get(i), verb, depth + 1);
    }
    buf.append(']');
  }

  private void badVerb(int verb) {
    erroring = true;
    buf.append("%!").appendCodePoint(verb).append('(');
    if (arg != null) {
      buf.append(typeName(arg)).append('=');
      printArg(arg, 'v');
    } else {
      buf.append("<nil>");
    }
    buf.append(')');
    erroring = false;
  }

  private static String typeName(Object value) {
    try {
      return GoTypes.typeName(value);
    } catch (IllegalArgumentException notInModel) {
      return value.getClass().getSimpleName();
    }
  }

  // ---- booleans, integers, floats, strings, bytes --------------------------------------------

  private void fmtBool(boolean v, int verb) {
    if (verb == 't' || verb == 'v') {
      padString(v ? "true" : "false");
    } else {
      badVerb(verb);
    }
  }

  private void fmtInteger(long v, boolean signed, int verb) {
    switch (verb) {
      case 'v', 'd' -> fmtInteger(v, 10, signed, verb, LOWER_HEX);
      case 'b' -> fmtInteger(v, 2, signed, verb, LOWER_HEX);
      case 'o', 'O' -> fmtInteger(v, 8, signed, verb, LOWER_HEX);
      case 'x' -> fmtInteger(v, 16, signed, verb, LOWER_HEX);
      case 'X' -> fmtInteger(v, 16, signed, verb, UPPER_HEX);
      case 'c' -> fmtC(v);
      case 'q' -> fmtQc(v);
      case 'U' -> fmtUnicode(v);
      default -> badVerb(verb);
    }
  }

  /** Go's fmt.fmtInteger: {@code u} is the uint64 bit pattern. */
  private void fmtInteger(long u, int base, boolean signed, int verb, String digits) {
    boolean negative = signed && u < 0;
    if (negative) {
      u = -u; // as uint64; MinInt64 stays its own bit pattern, read unsigned below
    }
    int precision = 0;
    if (precPresent) {
      precision = prec;
      if (precision == 0 && u == 0) {
        boolean oldZero = zero;
        zero = false;
        writePadding(wid);
        zero = oldZero;
        return;
      }
    } else if (zero && !minus && widPresent) {
      precision = wid;
      if (negative || plus || space) {
        precision--; // room for the sign
      }
    }
    String magnitude = Long.toUnsignedString(u, base);
    if (digits == UPPER_HEX) {
      magnitude = magnitude.toUpperCase(java.util.Locale.ROOT);
    }
    StringBuilder num = new StringBuilder(magnitude.length() + precision + 4);
    for (int k = magnitude.length(); k < precision; k++) {
      num.append('0');
    }
    num.append(magnitude);
    if (sharp) {
      switch (base) {
        case 2 -> num.insert(0, "0b");
        case 8 -> {
          if (num.charAt(0) != '0') {
            num.insert(0, '0');
          }
        }
        case 16 -> num.insert(0, "0" + digits.charAt(16));
        default -> {}
      }
    }
    if (verb == 'O') {
      num.insert(0, "0o");
    }
    if (negative) {
      num.insert(0, '-');
    } else if (plus) {
      num.insert(0, '+');
    } else if (space) {
      num.insert(0, ' ');
    }
    boolean oldZero = zero;
    zero = false;
    pad(num.toString());
    zero = oldZero;
  }

  private void fmtC(long c) {
    int r = runeOf(c);
    pad(new String(Character.toChars(GoStrconv.isValidRune(r) ? r : 0xFFFD)));
  }

  private void fmtQc(long c) {
    pad(GoStrconv.quoteRune(runeOf(c), plus));
  }

  /** Go's rune(c), with values beyond utf8.MaxRune as U+FFFD. */
  private static int runeOf(long c) {
    if (Long.compareUnsigned(c, 0x10FFFF) > 0) {
      return 0xFFFD;
    }
    return (int) c;
  }

  private void fmtUnicode(long u) {
    int precision = 4;
    if (precPresent && prec > 4) {
      precision = prec;
    }
    String hex = Long.toHexString(u).toUpperCase(java.util.Locale.ROOT);
    StringBuilder b = new StringBuilder("U+");
    for (int k = hex.length(); k < precision; k++) {
      b.append('0');
    }
    b.append(hex);
    if (sharp && Long.compareUnsigned(u, 0x10FFFF) <= 0 && GoStrconv.isPrint((int) u)) {
      b.append(" '").appendCodePoint((int) u).append('\'');
    }
    boolean oldZero = zero;
    zero = false;
    pad(b.toString());
    zero = oldZero;
  }

  private void fmtFloat(double v, int verb) {
    switch (verb) {
      case 'v' -> fmtFloat(v, 'g', -1);
      case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(v, (char) verb, -1);
      case 'f', 'e', 'E' -> fmtFloat(v, (char) verb, 6);
      case 'F' -> fmtFloat(v, 'f', 6);
      default -> badVerb(verb);
    }
  }

  /** Go's fmt.fmtFloat: sign, #-flag decimal point and zeros, padding that keeps the sign first. */
  private void fmtFloat(double v, char verb, int precision) {
    if (precPresent) {
      precision = prec;
    }
    String formatted = GoStrconv.formatFloat(v, verb, precision);
    StringBuilder num = new StringBuilder(formatted.length() + 8);
    if (formatted.charAt(0) == '-' || formatted.charAt(0) == '+') {
      num.append(formatted);
    } else {
      num.append('+').append(formatted);
    }
    if (space && num.charAt(0) == '+' && !plus) {
      num.setCharAt(0, ' ');
    }
    // Inf and NaN are not padded with zeros; NaN shows a sign only when asked.
    if (num.charAt(1) == 'I' || num.charAt(1) == 'N') {
      boolean oldZero = zero;
      zero = false;
      if (num.charAt(1) == 'N' && !space && !plus) {
        num.deleteCharAt(0);
      }
      pad(num.toString());
      zero = oldZero;
      return;
    }
    if (sharp && verb != 'b') {
      int digits = 0;
      if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x') {
        digits = precision;
        if (digits == -1) {
          digits = 6;
        }
      }
      String tail = "";
      boolean hasDecimalPoint = false;
      boolean sawNonzeroDigit = false;
      for (int i = 1; i < num.length(); i++) {
        char ch = num.charAt(i);
        if (ch == '.') {
          hasDecimalPoint = true;
        } else if (ch == 'p' || ch == 'P') {
          tail = num.substring(i);
          num.setLength(i);
          break;
        } else if ((ch == 'e' || ch == 'E') && verb != 'x' && verb != 'X') {
          tail = num.substring(i);
          num.setLength(i);
          break;
        } else {
          if (ch != '0') {
            sawNonzeroDigit = true;
          }
          if (sawNonzeroDigit) {
            digits--;
          }
        }
      }
      if (!hasDecimalPoint) {
        if (num.length() == 2 && num.charAt(1) == '0') {
          digits--;
        }
        num.append('.');
      }
      while (digits > 0) {
        num.append('0');
        digits--;
      }
      num.append(tail);
    }
    if (plus || num.charAt(0) != '+') {
      if (zero && !minus && widPresent && wid > num.length()) {
        buf.append(num.charAt(0));
        writePadding(wid - num.length());
        buf.append(num, 1, num.length());
        return;
      }
      pad(num.toString());
      return;
    }
    pad(num.substring(1));
  }

  private void fmtString(String s, int verb) {
    switch (verb) {
      case 'v' -> {
        if (sharpV) {
          fmtQ(s);
        } else {
          fmtS(s);
        }
      }
      case 's' -> fmtS(s);
      case 'x' -> fmtSbx(GoStrconv.utf8(s), LOWER_HEX);
      case 'X' -> fmtSbx(GoStrconv.utf8(s), UPPER_HEX);
      case 'q' -> fmtQ(s);
      default -> badVerb(verb);
    }
  }

  private void fmtBytes(byte[] v, int verb, String typeString) {
    switch (verb) {
      case 'v', 'd' -> {
        if (sharpV) {
          buf.append(typeString).append('{');
          for (int i = 0; i < v.length; i++) {
            if (i > 0) {
              buf.append(", ");
            }
            buf.append("0x").append(Integer.toHexString(v[i] & 0xFF));
          }
          buf.append('}');
        } else {
          buf.append('[');
          for (int i = 0; i < v.length; i++) {
            if (i > 0) {
              buf.append(' ');
            }
            fmtInteger(v[i] & 0xFF, 10, false, verb, LOWER_HEX);
          }
          buf.append(']');
        }
      }
      case 's' -> fmtS(GoStringBytes.decode(v));
      case 'x' -> fmtSbx(v, LOWER_HEX);
      case 'X' -> fmtSbx(v, UPPER_HEX);
      case 'q' -> fmtQ(GoStringBytes.decode(v));
      default -> {
        // other verbs print the bytes as a slice of integers, each with the verb
        buf.append('[');
        for (int i = 0; i < v.length; i++) {
          if (i > 0) {
            buf.append(' ');
          }
          fmtInteger(v[i] & 0xFF, false, verb);
        }
        buf.append(']');
      }
    }
  }

  private void fmtS(String s) {
    padString(truncate(s));
  }

  private String truncate(String s) {
    if (precPresent) {
      int n = 0;
      for (int i = 0; i < s.length(); ) {
        if (n >= prec) {
          return s.substring(0, i);
        }
        i += Character.charCount(s.codePointAt(i));
        n++;
      }
    }
    return s;
  }

  private void fmtQ(String s) {
    s = truncate(s);
    if (sharp && GoStrconv.canBackquote(s)) {
      padString("`" + s + "`");
      return;
    }
    pad(plus ? GoStrconv.quoteToASCII(s) : GoStrconv.quote(s));
  }

  private void fmtSbx(byte[] b, String digits) {
    int length = b.length;
    if (precPresent && prec < length) {
      length = prec;
    }
    int width = 2 * length;
    if (width > 0) {
      if (space) {
        if (sharp) {
          width *= 2;
        }
        width += length - 1;
      } else if (sharp) {
        width += 2;
      }
    } else {
      if (widPresent) {
        writePadding(wid);
      }
      return;
    }
    if (widPresent && wid > width && !minus) {
      writePadding(wid - width);
    }
    if (sharp) {
      buf.append('0').append(digits.charAt(16));
    }
    for (int i = 0; i < length; i++) {
      if (space && i > 0) {
        buf.append(' ');
        if (sharp) {
          buf.append('0').append(digits.charAt(16));
        }
      }
      int c = b[i] & 0xFF;
      buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
    }
    if (widPresent && wid > width && minus) {
      writePadding(wid - width);
    }
  }

  // ---- padding --------------------------------------------------------------------------------

  private void padString(String s) {
    pad(s);
  }

  private void pad(String s) {
    if (!widPresent || wid == 0) {
      buf.append(s);
      return;
    }
    int width = wid - s.codePointCount(0, s.length());
    if (!minus) {
      writePadding(width);
      buf.append(s);
    } else {
      buf.append(s);
      writePadding(width);
    }
  }

  private void writePadding(int n) {
    if (n <= 0) {
      return;
    }
    char padChar = zero && !minus ? '0' : ' ';
    for (int i = 0; i < n; i++) {
      buf.append(padChar);
    }
  }
}
