package io.ocihelm.template.value;

import java.io.ByteArrayOutputStream;

/**
 * Go strings are arbitrary bytes; Java strings are UTF-16. A Go string maps to a Java {@link String}
 * by decoding its UTF-8, and every byte that is not part of valid UTF-8 becomes the lone surrogate
 * {@code U+DC00 + byte} (Python's "surrogateescape"). Encoding reverses it, so {@code "\xff"},
 * {@code b64dec "/w=="} or a {@code substr} that cuts a character keep their exact bytes through
 * every function and into the rendered output.
 */
public final class GoStringBytes {
  private static final int ESCAPE_BASE = 0xDC00;

  private GoStringBytes() {}

  /** The Go bytes of a Java string of the values model. */
  public static byte[] encode(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c >= 0xDC80 && c <= 0xDCFF) {
        out.write(c - ESCAPE_BASE);
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD; // Go encodes an invalid rune as U+FFFD
      if (cp < 0x80) {
        out.write(cp);
      } else if (cp < 0x800) {
        out.write(0xC0 | cp >> 6);
        out.write(0x80 | cp & 0x3F);
      } else if (cp < 0x10000) {
        out.write(0xE0 | cp >> 12);
        out.write(0x80 | cp >> 6 & 0x3F);
        out.write(0x80 | cp & 0x3F);
      } else {
        out.write(0xF0 | cp >> 18);
        out.write(0x80 | cp >> 12 & 0x3F);
        out.write(0x80 | cp >> 6 & 0x3F);
        out.write(0x80 | cp & 0x3F);
      }
    }
    return out.toByteArray();
  }

  /** The Java string for Go bytes: valid UTF-8 decoded, every other byte escaped. */
  public static String decode(byte[] b) {
    return decode(b, 0, b.length);
  }

  /** {@link #decode(byte[])} of {@code b[from:to]}. */
  public static String decode(byte[] b, int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      int b0 = b[i] & 0xFF;
      if (b0 < 0x80) {
        out.append((char) b0);
        i++;
        continue;
      }
      int length = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC2 && b0 < 0xE0 ? 2 : 0;
      int cp = length == 0 || b0 > 0xF4 ? -1 : decodeSequence(b, i, to, length);
      if (cp < 0) {
        out.append((char) (ESCAPE_BASE + b0));
        i++;
      } else {
        out.appendCodePoint(cp);
        i += length;
      }
    }
    return out.toString();
  }

  // A valid (shortest-form, non-surrogate, <= U+10FFFF) sequence of length bytes at i, or -1.
  private static int decodeSequence(byte[] b, int i, int to, int length) {
    if (i + length > to) return -1;
    int b0 = b[i] & 0xFF;
    int cp = length == 2 ? b0 & 0x1F : length == 3 ? b0 & 0x0F : b0 & 0x07;
    for (int k = 1; k < length; k++) {
      int bk = b[i + k] & 0xFF;
      if ((bk & 0xC0) != 0x80) return -1;
      cp = cp << 6 | bk & 0x3F;
    }
    if (length == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) return -1;
    if (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return -1;
    return cp;
  }
}
