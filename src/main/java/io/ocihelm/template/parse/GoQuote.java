package io.ocihelm.template.parse;

import io.ocihelm.template.fmt.GoStrconv;

/** Go's {@code strconv.Quote} and {@code strconv.Unquote}/{@code UnquoteChar} for template literals. */
public final class GoQuote {
  private GoQuote() {}

  /** {@code strconv.Quote}: double-quoted with Go escapes; printable Unicode stays as it is. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> appendEscaped(b, c, '"'));
    return b.append('"').toString();
  }

  static void appendEscaped(StringBuilder b, int c, char quote) {
    switch (c) {
      case 7 -> b.append("\\a");
      case '\b' -> b.append("\\b");
      case '\f' -> b.append("\\f");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      case 11 -> b.append("\\v");
      case '\\' -> b.append("\\\\");
      default -> {
        if (c == quote) {
          b.append('\\').appendCodePoint(c);
        } else if (GoStrconv.isPrint(c)) {
          b.appendCodePoint(c);
        } else if (c < 0x80) {
          b.append(String.format("\\x%02x", c));
        } else if (c < 0x10000) {
          b.append(String.format("\\u%04x", c));
        } else {
          b.append(String.format("\\U%08x", c));
        }
      }
    }
  }

  /** {@code strconv.Unquote} for a double-quoted or back-quoted literal. */
  public static String unquote(String lit) {
    int n = lit.length();
    if (n < 2) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char q = lit.charAt(0);
    if (q != lit.charAt(n - 1)) {
      throw new IllegalArgumentException("invalid syntax");
    }
    String body = lit.substring(1, n - 1);
    if (q == '`') {
      if (body.indexOf('`') >= 0) {
        throw new IllegalArgumentException("invalid syntax");
      }
      // Go drops carriage returns from raw strings.
      return body.indexOf('\r') >= 0 ? body.replace("\r", "") : body;
    }
    if (q != '"') {
      throw new IllegalArgumentException("invalid syntax");
    }
    if (body.indexOf('\\') < 0 && body.indexOf('"') < 0 && body.indexOf('\n') < 0) {
      return body;
    }
    StringBuilder out = new StringBuilder(body.length());
    int[] i = {0};
    java.io.ByteArrayOutputStream bytes = null;
    while (i[0] < body.length()) {
      char c = body.charAt(i[0]);
      if (c == '"' || c == '\n') {
        throw new IllegalArgumentException("invalid syntax");
      }
      // \x and octal escapes are bytes: collect runs of them and decode as UTF-8 like Go's string.
      if (c == '\\' && i[0] + 1 < body.length() && isByteEscape(body.charAt(i[0] + 1))) {
        if (bytes == null) {
          bytes = new java.io.ByteArrayOutputStream();
        }
        bytes.write(unquoteByte(body, i));
        continue;
      }
      if (bytes != null && bytes.size() > 0) {
        out.append(decodeGoBytes(bytes.toByteArray()));
        bytes.reset();
      }
      out.appendCodePoint(unquoteChar(body, i, '"'));
    }
    if (bytes != null && bytes.size() > 0) {
      out.append(decodeGoBytes(bytes.toByteArray()));
    }
    return out.toString();
  }

  private static boolean isByteEscape(char c) {
    return c == 'x' || (c >= '0' && c <= '7');
  }

  private static int unquoteByte(String s, int[] i) {
    char kind = s.charAt(i[0] + 1);
    if (kind == 'x') {
      if (i[0] + 4 > s.length()) {
        throw new IllegalArgumentException("invalid syntax");
      }
      int v = hex(s.substring(i[0] + 2, i[0] + 4));
      i[0] += 4;
      return v;
    }
    if (i[0] + 4 > s.length()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    String oct = s.substring(i[0] + 1, i[0] + 4);
    for (char ch : oct.toCharArray()) {
      if (ch < '0' || ch > '7') {
        throw new IllegalArgumentException("invalid syntax");
      }
    }
    int v = Integer.parseInt(oct, 8);
    if (v > 255) {
      throw new IllegalArgumentException("invalid syntax");
    }
    i[0] += 4;
    return v;
  }

  /** Go strings are bytes; invalid UTF-8 bytes are kept, escaped as the values model says. */
  private static String decodeGoBytes(byte[] b) {
    return io.ocihelm.template.value.GoStringBytes.decode(b);
  }

  private static int hex(String h) {
    int v = 0;
    for (char ch : h.toCharArray()) {
      int d = Character.digit(ch, 16);
      if (d < 0) {
        throw new IllegalArgumentException("invalid syntax");
      }
      v = v * 16 + d;
    }
    return v;
  }

  /**
   * {@code strconv.UnquoteChar}: decodes one (possibly escaped) character of {@code s} at {@code
   * i[0]}, advancing it.
   */
  public static int unquoteChar(String s, int[] i, char quote) {
    int c = s.codePointAt(i[0]);
    if (c == quote && (quote == '\'' || quote == '"')) {
      throw new IllegalArgumentException("invalid syntax");
    }
    if (c != '\\') {
      i[0] += Character.charCount(c);
      return c;
    }
    if (i[0] + 1 >= s.length()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char e = s.charAt(i[0] + 1);
    i[0] += 2;
    switch (e) {
      case 'a': return 7;
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'v': return 11;
      case '\\': return '\\';
      case 'x', 'u', 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        if (i[0] + n > s.length()) {
          throw new IllegalArgumentException("invalid syntax");
        }
        int v = hex(s.substring(i[0], i[0] + n));
        i[0] += n;
        if (e != 'x' && (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))) {
          throw new IllegalArgumentException("invalid syntax");
        }
        return v;
      }
      case '0', '1', '2', '3', '4', '5', '6', '7': {
        if (i[0] + 2 > s.length()) {
          throw new IllegalArgumentException("invalid syntax");
        }
        String oct = s.charAt(i[0] - 1) + s.substring(i[0], i[0] + 2);
        for (char ch : oct.toCharArray()) {
          if (ch < '0' || ch > '7') {
            throw new IllegalArgumentException("invalid syntax");
          }
        }
        int v = Integer.parseInt(oct, 8);
        if (v > 255) {
          throw new IllegalArgumentException("invalid syntax");
        }
        i[0] += 2;
        return v;
      }
      case '\'', '"':
        if (e != quote) {
          throw new IllegalArgumentException("invalid syntax");
        }
        return e;
      default:
        throw new IllegalArgumentException("invalid syntax");
    }
  }
}
