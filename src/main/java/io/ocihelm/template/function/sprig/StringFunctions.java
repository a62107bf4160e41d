package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.ANY;
import static io.ocihelm.template.function.GoType.INT;
import static io.ocihelm.template.function.GoType.STRING;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import java.util.ArrayList;
import java.util.List;

/**
 * Sprig's string functions (trim*, case changes, substr/trunc/abbrev, wrap, quote, indent, ...).
 * Go strings are bytes: functions that index (substr, trunc, abbrev, wrap) count UTF-8 bytes, as
 * Sprig does. Random string functions live in {@link RandomFunctions}.
 */
public final class StringFunctions {
  private StringFunctions() {}

  public static void register(FunctionRegistry registry) {
    FunctionSignature string = FunctionSignature.of(STRING);
    FunctionSignature twoStrings = FunctionSignature.of(STRING, STRING);
    FunctionSignature anyStrings = FunctionSignature.variadic(ANY);
    registry
        .register("hello", FunctionSignature.of(), (c, a) -> "Hello!")
        .register("trim", string, (c, a) -> trimSpace((String) a[0]))
        .register("trimAll", twoStrings, (c, a) -> trimCutset((String) a[1], (String) a[0]))
        .register("trimall", twoStrings, (c, a) -> trimCutset((String) a[1], (String) a[0]))
        .register("trimSuffix", twoStrings, (c, a) -> trimSuffix((String) a[1], (String) a[0]))
        .register("trimPrefix", twoStrings, (c, a) -> trimPrefix((String) a[1], (String) a[0]))
        .register("upper", string, (c, a) -> upper((String) a[0]))
        .register("lower", string, (c, a) -> lower((String) a[0]))
        .register("title", string, (c, a) -> title((String) a[0]))
        .register("untitle", string, (c, a) -> untitle((String) a[0]))
        .register("swapcase", string, (c, a) -> swapcase((String) a[0]))
        .register("snakecase", string, (c, a) -> CaseWords.joinLower((String) a[0], '_'))
        .register("kebabcase", string, (c, a) -> CaseWords.joinLower((String) a[0], '-'))
        .register("camelcase", string, (c, a) -> CaseWords.camel((String) a[0]))
        .register(
            "substr",
            FunctionSignature.of(INT, INT, STRING),
            (c, a) -> substr(toInt(a[0]), toInt(a[1]), (String) a[2]))
        .register("trunc", FunctionSignature.of(INT, STRING), (c, a) -> trunc(toInt(a[0]), (String) a[1]))
        .register("abbrev", FunctionSignature.of(INT, STRING), (c, a) -> abbrev(toInt(a[0]), (String) a[1]))
        .register(
            "abbrevboth",
            FunctionSignature.of(INT, INT, STRING),
            (c, a) -> abbrevboth(toInt(a[0]), toInt(a[1]), (String) a[2]))
        .register("repeat", FunctionSignature.of(INT, STRING), (c, a) -> repeat((String) a[1], toInt(a[0])))
        .register("nospace", string, (c, a) -> nospace((String) a[0]))
        .register("initials", string, (c, a) -> initials((String) a[0]))
        .register(
            "wrap", FunctionSignature.of(INT, STRING), (c, a) -> wrap((String) a[1], toInt(a[0]), "", false))
        .register(
            "wrapWith",
            FunctionSignature.of(INT, STRING, STRING),
            (c, a) -> wrap((String) a[2], toInt(a[0]), (String) a[1], true))
        .register("contains", twoStrings, (c, a) -> ((String) a[1]).contains((String) a[0]))
        .register("hasPrefix", twoStrings, (c, a) -> ((String) a[1]).startsWith((String) a[0]))
        .register("hasSuffix", twoStrings, (c, a) -> ((String) a[1]).endsWith((String) a[0]))
        .register("quote", anyStrings, (c, a) -> quote(a))
        .register("squote", anyStrings, (c, a) -> squote(a))
        .register("cat", anyStrings, (c, a) -> cat(a))
        .register("indent", FunctionSignature.of(INT, STRING), (c, a) -> indent(toInt(a[0]), (String) a[1]))
        .register(
            "nindent", FunctionSignature.of(INT, STRING), (c, a) -> "\n" + indent(toInt(a[0]), (String) a[1]))
        .register(
            "replace",
            FunctionSignature.of(STRING, STRING, STRING),
            (c, a) -> replaceAll((String) a[2], (String) a[0], (String) a[1]))
        .register(
            "plural",
            FunctionSignature.of(STRING, STRING, INT),
            (c, a) -> ((Long) a[2]) == 1 ? a[0] : a[1])
        .register("toString", FunctionSignature.of(ANY), (c, a) -> GoValueText.strval(a[0]));
  }

  // Go ints are 64-bit; lengths beyond Java's int range behave like the nearest representable one.
  private static int toInt(Object value) {
    long v = (Long) value;
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
  }

  // strings.TrimSpace
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && GoStrings.isSpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
    while (end > start && GoStrings.isSpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
    return s.substring(start, end);
  }

  // strings.Trim(s, cutset): removes leading and trailing runes contained in cutset.
  static String trimCutset(String s, String cutset) {
    if (s.isEmpty() || cutset.isEmpty()) return s;
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) start += Character.charCount(s.codePointAt(start));
    while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) end -= Character.charCount(s.codePointBefore(end));
    return s.substring(start, end);
  }

  static String trimSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }

  static String trimPrefix(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }

  // Go maps rune by rune (unicode.ToUpper), without Java's locale and special casing ("ß" stays).
  static String upper(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.appendCodePoint(Character.toUpperCase(c)));
    return out.toString();
  }

  static String lower(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(c)));
    return out.toString();
  }

  // strings.Title: title-cases the first letter after each separator.
  static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int previous = ' ';
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      out.appendCodePoint(isTitleSeparator(previous) ? Character.toTitleCase(c) : c);
      previous = c;
      i += Character.charCount(c);
    }
    return out.toString();
  }

  private static boolean isTitleSeparator(int c) {
    if (c <= 0x7f) {
      return !(Character.isLetterOrDigit(c) || c == '_');
    }
    if (Character.isLetter(c) || Character.isDigit(c)) return false;
    return GoStrings.isSpace(c);
  }

  // goutils.Uncapitalize: lower-cases the first rune of every whitespace-separated word.
  static String untitle(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean next = true;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (GoStrings.isSpace(c)) {
        next = true;
        out.appendCodePoint(c);
      } else if (next) {
        out.appendCodePoint(Character.toLowerCase(c));
        next = false;
      } else {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }

  // goutils.SwapCase: a lower-case rune after whitespace (or first) becomes title case, which
  // differs from upper case only for digraphs such as "ǆ".
  static String swapcase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean afterSpace = true;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (GoStrings.isUpper(c) || GoStrings.isTitle(c)) {
        out.appendCodePoint(Character.toLowerCase(c));
        afterSpace = false;
      } else if (GoStrings.isLower(c)) {
        out.appendCodePoint(afterSpace ? Character.toTitleCase(c) : Character.toUpperCase(c));
        afterSpace = false;
      } else {
        out.appendCodePoint(c);
        afterSpace = GoStrings.isSpace(c);
      }
    }
    return out.toString();
  }

  // Sprig's substring: negative start means from 0, negative or too large end means to the end.
  static String substr(int start, int end, String s) {
    byte[] b = GoStrings.bytes(s);
    if (start < 0) {
      if (end < 0 || end > b.length) {
        throw sliceBounds("[:" + end + "] with length " + b.length);
      }
      return GoStrings.byteSlice(b, 0, end);
    }
    if (end < 0 || end > b.length) {
      if (start > b.length) throw sliceBounds("[" + start + ":" + b.length + "]");
      return GoStrings.byteSlice(b, start, b.length);
    }
    if (start > end) throw sliceBounds("[" + start + ":" + end + "]");
    return GoStrings.byteSlice(b, start, end);
  }

  private static FunctionException sliceBounds(String detail) {
    return new FunctionException("runtime error: slice bounds out of range " + detail);
  }

  static String trunc(int count, String s) {
    byte[] b = GoStrings.bytes(s);
    if (count < 0 && b.length + count > 0) return GoStrings.byteSlice(b, b.length + count, b.length);
    if (count >= 0 && b.length > count) return GoStrings.byteSlice(b, 0, count);
    return s;
  }

  static String abbrev(int width, String s) {
    if (width < 4) return s;
    return abbreviate(s, 0, width);
  }

  static String abbrevboth(int left, int right, String s) {
    if (right < 4 || (left > 0 && right < 7)) return s;
    return abbreviate(s, left, right);
  }

  // goutils.AbbreviateFull on bytes; Sprig only calls it with widths that cannot fail.
  private static String abbreviate(String s, int offset, int maxWidth) {
    byte[] b = GoStrings.bytes(s);
    if (b.length == 0 || b.length <= maxWidth) return s;
    if (offset > b.length) offset = b.length;
    if (b.length - offset < maxWidth - 3) offset = b.length - (maxWidth - 3);
    if (offset <= 4) return GoStrings.byteSlice(b, 0, maxWidth - 3) + "...";
    if (offset + maxWidth - 3 < b.length) {
      return "..." + abbreviate(GoStrings.byteSlice(b, offset, b.length), 0, maxWidth - 3);
    }
    return "..." + GoStrings.byteSlice(b, b.length - (maxWidth - 3), b.length);
  }

  static String repeat(String s, int count) {
    if (count < 0) throw new FunctionException("strings: negative Repeat count");
    ResultSize.check("repeat", (double) s.length() * count);
    return s.repeat(count);
  }

  // Helm compat: goutils.DeleteWhiteSpace reads each byte as a rune, so multi-byte characters turn
  // into their Latin-1 reading (U+00A0 leaves a stray "Â") whenever anything was deleted.
  static String nospace(String s) {
    byte[] b = GoStrings.bytes(s);
    StringBuilder out = new StringBuilder(b.length);
    for (byte x : b) {
      int c = x & 0xff;
      if (!GoStrings.isSpace(c)) out.append((char) c);
    }
    return out.length() == b.length ? s : out.toString();
  }

  // Helm compat: goutils.Initials also reads bytes as runes ("école" gives "Ã").
  static String initials(String s) {
    byte[] b = GoStrings.bytes(s);
    StringBuilder out = new StringBuilder();
    boolean afterGap = true;
    for (byte x : b) {
      int c = x & 0xff;
      if (GoStrings.isSpace(c)) {
        afterGap = true;
      } else if (afterGap) {
        out.append((char) c);
        afterGap = false;
      }
    }
    return out.toString();
  }

  // goutils.WrapCustom on bytes: break at the last space that fits; long words stay whole unless
  // wrapLongWords, which cuts them at the width.
  static String wrap(String s, int width, String newline, boolean wrapLongWords) {
    if (s.isEmpty()) return "";
    if (newline.isEmpty()) newline = "\n";
    if (width < 1) width = 1;
    byte[] b = GoStrings.bytes(s);
    int length = b.length;
    int offset = 0;
    StringBuilder out = new StringBuilder(length + 16);
    while (length - offset > width) {
      if (b[offset] == ' ') {
        offset++;
        continue;
      }
      int windowEnd = Math.min(width + offset + 1, length);
      int space = lastSpace(b, offset, windowEnd);
      if (space >= offset) {
        out.append(GoStrings.byteSlice(b, offset, space)).append(newline);
        offset = space + 1;
      } else if (wrapLongWords) {
        out.append(GoStrings.byteSlice(b, offset, width + offset)).append(newline);
        offset += width;
      } else {
        int next = firstSpace(b, width + offset, length);
        if (next < 0) {
          out.append(GoStrings.byteSlice(b, offset, length));
          offset = length;
        } else {
          out.append(GoStrings.byteSlice(b, offset, next)).append(newline);
          offset = next + 1;
        }
      }
    }
    out.append(GoStrings.byteSlice(b, offset, length));
    return out.toString();
  }

  private static int lastSpace(byte[] b, int from, int to) {
    for (int i = to - 1; i >= from; i--) if (b[i] == ' ') return i;
    return -1;
  }

  private static int firstSpace(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] == ' ') return i;
    return -1;
  }

  // Helm compat: quote drops nil arguments (so a missing value quotes to nothing, not "").
  static String quote(Object[] values) {
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) if (v != null) out.add(GoValueText.quote(GoValueText.strval(v)));
    return String.join(" ", out);
  }

  static String squote(Object[] values) {
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) if (v != null) out.add("'" + GoValueText.sprint(v) + "'");
    return String.join(" ", out);
  }

  static String cat(Object[] values) {
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) if (v != null) out.add(GoValueText.sprint(v));
    return String.join(" ", out);
  }

  static String indent(int spaces, String s) {
    ResultSize.check("indent", s.length() + (double) spaces * (1 + s.chars().filter(c -> c == '\n').count()));
    String pad = repeat(" ", spaces);
    return pad + s.replace("\n", "\n" + pad);
  }

  // strings.Replace(s, old, new, -1); an empty old inserts at every rune boundary.
  static String replaceAll(String s, String old, String replacement) {
    if (!old.isEmpty()) return s.replace(old, replacement);
    ResultSize.check("replace", s.length() + (double) replacement.length() * (s.length() + 1));
    StringBuilder out = new StringBuilder(replacement);
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      out.appendCodePoint(c).append(replacement);
      i += Character.charCount(c);
    }
    return out.toString();
  }
}
