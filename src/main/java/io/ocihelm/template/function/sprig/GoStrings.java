package io.ocihelm.template.function.sprig;

import java.nio.charset.StandardCharsets;

/**
 * Go strings are byte sequences; Java strings are UTF-16. Sprig functions that index by byte
 * ({@code substr}, {@code trunc}, {@code abbrev}, {@code wrap}) or that treat every byte as a rune
 * (goutils' {@code initials}, {@code nospace}) go through these conversions, so the Go behaviour is
 * reproduced exactly for valid UTF-8 results.
 */
final class GoStrings {
  private GoStrings() {}

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Go's {@code string(b)}; invalid UTF-8 becomes U+FFFD (Go keeps the raw bytes). */
  static String fromBytes(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Go's {@code s[from:to]} on the UTF-8 bytes of {@code s}. */
  static String byteSlice(byte[] s, int from, int to) {
    return new String(s, from, to - from, StandardCharsets.UTF_8);
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
}
