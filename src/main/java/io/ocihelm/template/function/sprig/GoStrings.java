package io.ocihelm.template.function.sprig;

import io.ocihelm.template.value.GoStringBytes;

/**
 * Go strings are byte sequences; Java strings are UTF-16. Sprig functions that index by byte
 * ({@code substr}, {@code trunc}, {@code abbrev}, {@code wrap}) or that treat every byte as a rune
 * (goutils' {@code initials}, {@code nospace}) go through these conversions, so the Go behaviour is
 * reproduced exactly, even when a result is not valid UTF-8.
 */
final class GoStrings {
  private GoStrings() {}

  /** The Go bytes of {@code s} (see {@link GoStringBytes}). */
  static byte[] bytes(String s) {
    return GoStringBytes.encode(s);
  }

  /** Go's {@code string(b)}: invalid UTF-8 bytes are kept (escaped, see {@link GoStringBytes}). */
  static String fromBytes(byte[] b) {
    return GoStringBytes.decode(b);
  }

  /** Go's {@code s[from:to]} on the bytes of {@code s}. */
  static String byteSlice(byte[] s, int from, int to) {
    return GoStringBytes.decode(s, from, to);
  }

  /** Go's string order: byte-wise on UTF-8, which is code point order. */
  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) return Integer.compare(ca, cb);
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(int c) {
    return switch (c) {
      case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xA0 -> true;
      default -> c > 0xff && Character.isSpaceChar(c) && c != 0x200B;
    };
  }

  /** Go's {@code unicode.IsUpper}: general category Lu only (Java also counts Other_Uppercase). */
  static boolean isUpper(int c) {
    return Character.getType(c) == Character.UPPERCASE_LETTER;
  }

  /** Go's {@code unicode.IsLower}: general category Ll only. */
  static boolean isLower(int c) {
    return Character.getType(c) == Character.LOWERCASE_LETTER;
  }

  /** Go's {@code unicode.IsTitle}: general category Lt. */
  static boolean isTitle(int c) {
    return Character.getType(c) == Character.TITLECASE_LETTER;
  }
}
