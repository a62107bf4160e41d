package io.ocihelm.oci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme and its parameters, e.g.
 * {@code Bearer realm="https://auth.example/token",service="registry",scope="repository:a/b:pull"}.
 */
public record AuthChallenge(String scheme, Map<String, String> params) {

  public boolean isBearer() {
    return scheme.equalsIgnoreCase("Bearer");
  }

  public boolean isBasic() {
    return scheme.equalsIgnoreCase("Basic");
  }

  public String param(String name) {
    return params.get(name.toLowerCase(Locale.ROOT));
  }

  /** All challenges in a header value; malformed parts are skipped rather than guessed at. */
  public static List<AuthChallenge> parse(String header) {
    List<AuthChallenge> out = new ArrayList<>();
    if (header == null) {
      return out;
    }
    Cursor c = new Cursor(header);
    while (true) {
      c.skip(" \t,");
      if (c.atEnd()) {
        return out;
      }
      String scheme = c.token();
      if (scheme.isEmpty()) {
        return out; // not a token: give up on the rest
      }
      Map<String, String> params = new LinkedHashMap<>();
      while (true) {
        c.skip(" \t");
        int mark = c.pos;
        String name = c.token();
        c.skip(" \t");
        if (name.isEmpty() || !c.consume('=')) {
          c.pos = mark; // the next challenge's scheme (or token68, ignored)
          break;
        }
        c.skip(" \t");
        String value = c.peek() == '"' ? c.quoted() : c.token();
        params.put(name.toLowerCase(Locale.ROOT), value);
        c.skip(" \t");
        if (!c.consume(',')) {
          break;
        }
      }
      if (params.isEmpty() && !c.atEnd()) {
        String token68 = c.token68();
        if (token68.isEmpty() && c.pos < c.text.length() && c.peek() != ',') {
          c.pos++; // never loop on a stray character
        }
      }
      out.add(new AuthChallenge(scheme, Map.copyOf(params)));
    }
  }

  private static final class Cursor {
    final String text;
    int pos;

    Cursor(String text) {
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    char peek() {
      return atEnd() ? '\0' : text.charAt(pos);
    }

    void skip(String chars) {
      while (!atEnd() && chars.indexOf(text.charAt(pos)) >= 0) {
        pos++;
      }
    }

    boolean consume(char ch) {
      if (peek() == ch) {
        pos++;
        return true;
      }
      return false;
    }

    String token() {
      int start = pos;
      while (!atEnd() && isTokenChar(text.charAt(pos))) {
        pos++;
      }
      return text.substring(start, pos);
    }

    String token68() {
      int start = pos;
      while (!atEnd() && (isTokenChar(text.charAt(pos)) || "/=".indexOf(text.charAt(pos)) >= 0)) {
        pos++;
      }
      return text.substring(start, pos);
    }

    String quoted() {
      StringBuilder sb = new StringBuilder();
      pos++; // opening quote
      while (!atEnd()) {
        char ch = text.charAt(pos++);
        if (ch == '"') {
          break;
        }
        if (ch == '\\' && !atEnd()) {
          ch = text.charAt(pos++);
        }
        sb.append(ch);
      }
      return sb.toString();
    }

    private static boolean isTokenChar(char ch) {
      return ch > ' ' && ch < 127 && "()<>@,;:\\\"/[]?={} \t".indexOf(ch) < 0;
    }
  }
}
