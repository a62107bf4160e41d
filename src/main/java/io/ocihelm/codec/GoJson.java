package io.ocihelm.codec;

import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.Int64;
import io.ocihelm.template.value.StructFields;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON exactly as Go's encoding/json writes and reads it, over the values model: map keys sorted,
 * {@code <>&} escaped unless raw, floats formatted the encoding/json way, NaN/Inf refused, and
 * decoding with Go's syntax-error wording and every number as float64 ({@link Double}).
 */
public final class GoJson {
  private GoJson() {}

  /** json.Marshal: compact, HTML-escaped. */
  public static String marshal(Object value) {
    return encode(value, true, null);
  }

  /** json.MarshalIndent(v, "", "  "). */
  public static String marshalIndent(Object value) {
    return encode(value, true, "  ");
  }

  /** An Encoder with SetEscapeHTML(false), without its trailing newline. */
  public static String marshalRaw(Object value) {
    return encode(value, false, null);
  }

  private static String encode(Object value, boolean escapeHtml, String indent) {
    StringBuilder out = new StringBuilder();
    new Encoder(out, escapeHtml, indent).value(value, 0);
    return out.toString();
  }

  /** The Go-JSON form of a value (what MarshalJSON gives for time.Time, []byte, structs...). */
  static Object jsonForm(Object value) {
    return switch (value) {
      case null -> null;
      case ZonedDateTime t -> rfc3339Nano(t);
      case byte[] b -> Base64.getEncoder().encodeToString(b);
      case GoObject o -> o.jsonValue();
      default -> value;
    };
  }

  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  /** time.Time's MarshalJSON layout: RFC 3339 with nanoseconds trimmed of trailing zeros. */
  static String rfc3339Nano(ZonedDateTime t) {
    StringBuilder s = new StringBuilder(SECONDS.format(t));
    int nanos = t.getNano();
    if (nanos != 0) {
      String frac = String.format("%09d", nanos).replaceAll("0+$", "");
      s.append('.').append(frac);
    }
    int offset = t.getOffset().getTotalSeconds();
    if (offset == 0) {
      s.append('Z');
    } else {
      s.append(offset < 0 ? '-' : '+');
      int abs = Math.abs(offset);
      s.append(String.format("%02d:%02d", abs / 3600, (abs / 60) % 60));
    }
    return s.toString();
  }

  private record Encoder(StringBuilder out, boolean escapeHtml, String indent) {
    void value(Object value, int depth) {
      value = jsonForm(value);
      switch (value) {
        case null -> out.append("null");
        case String s -> string(s);
        case Boolean b -> out.append(b);
        case Long l -> out.append(l);
        case Int64 i -> out.append(i.value());
        case Double d -> {
          if (d.isNaN() || d.isInfinite()) {
            throw new CodecException("json: unsupported value: " + GoFloats.formatG(d));
          }
          out.append(GoFloats.formatJson(d));
        }
        case List<?> list -> {
          if (list.isEmpty()) {
            out.append("[]");
            return;
          }
          out.append('[');
          for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
              out.append(',');
            }
            newline(depth + 1);
            value(list.get(i), depth + 1);
          }
          newline(depth);
          out.append(']');
        }
        case Map<?, ?> map -> {
          if (map.isEmpty()) {
            out.append("{}");
            return;
          }
          out.append('{');
          boolean first = true;
          // Helm compat: encoding/json sorts map keys but writes struct fields in declaration order.
          List<String> keys = map instanceof StructFields
              ? map.keySet().stream().map(String::valueOf).toList() : GoSort.sortedKeys(map);
          for (String key : keys) {
            if (!first) {
              out.append(',');
            }
            first = false;
            newline(depth + 1);
            string(key);
            out.append(indent == null ? ":" : ": ");
            value(map.get(key), depth + 1);
          }
          newline(depth);
          out.append('}');
        }
        default -> throw new CodecException("json: unsupported type: " + value.getClass().getSimpleName());
      }
    }

    private void newline(int depth) {
      if (indent != null) {
        out.append('\n').append(indent.repeat(depth));
      }
    }

    private static final String HEX = "0123456789abcdef";

    private void string(String s) {
      out.append('"');
      for (int i = 0; i < s.length(); ) {
        int cp = s.codePointAt(i);
        i += Character.charCount(cp);
        switch (cp) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '<', '>', '&' -> {
            if (escapeHtml) {
              unicodeEscape(cp);
            } else {
              out.appendCodePoint(cp);
            }
          }
          // Go escapes U+2028 and U+2029 always, so the output is safe inside JavaScript.
          case 0x2028, 0x2029 -> unicodeEscape(cp);
          default -> {
            if (cp < 0x20) {
              unicodeEscape(cp);
            } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
              out.append("\\ufffd");
            } else {
              out.appendCodePoint(cp);
            }
          }
        }
      }
      out.append('"');
    }

    private void unicodeEscape(int cp) {
      out.append("\\u")
          .append(HEX.charAt((cp >> 12) & 0xF))
          .append(HEX.charAt((cp >> 8) & 0xF))
          .append(HEX.charAt((cp >> 4) & 0xF))
          .append(HEX.charAt(cp & 0xF));
    }
  }

  /**
   * json.Unmarshal into an interface{}: objects become maps, arrays lists, numbers float64. Syntax
   * errors are checked over the whole input first and worded like Go's scanner.
   */
  public static Object unmarshal(String text) {
    return new Decoder(text).document();
  }

  private static final class Decoder {
    private final String s;
    private int pos;

    Decoder(String s) {
      this.s = s;
    }

    Object document() {
      skipSpace();
      Object v = value();
      skipSpace();
      if (pos < s.length()) {
        throw invalid("after top-level value");
      }
      return v;
    }

    private CodecException invalid(String context) {
      if (pos >= s.length()) {
        return new CodecException("unexpected end of JSON input");
      }
      return new CodecException("invalid character " + quoteChar(s.charAt(pos)) + " " + context);
    }

    private static String quoteChar(char c) {
      if (c == '\'') {
        return "'\\''";
      }
      if (c == '"') {
        return "'\"'";
      }
      return switch (c) {
        case '\n' -> "'\\n'";
        case '\r' -> "'\\r'";
        case '\t' -> "'\\t'";
        case '\\' -> "'\\\\'";
        default -> c < 0x20 || c == 0x7f ? String.format("'\\x%02x'", (int) c) : "'" + c + "'";
      };
    }

    private void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          pos++;
        } else {
          return;
        }
      }
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private boolean atEnd() {
      return pos >= s.length();
    }

    private Object value() {
      if (atEnd()) {
        throw invalid("");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          literal("true");
          return Boolean.TRUE;
        case 'f':
          literal("false");
          return Boolean.FALSE;
        case 'n':
          literal("null");
          return null;
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw invalid("looking for beginning of value");
      }
    }

    private void literal(String word) {
      for (int i = 0; i < word.length(); i++, pos++) {
        if (atEnd()) {
          throw invalid("");
        }
        if (s.charAt(pos) != word.charAt(i)) {
          throw invalid("in literal " + word + " (expecting '" + word.charAt(i) + "')");
        }
      }
    }

    private Double number() {
      int start = pos;
      if (peek() == '-') {
        pos++;
        if (atEnd() || !isDigit(peek())) {
          throw invalid("in numeric literal");
        }
      }
      if (peek() == '0') {
        pos++;
      } else {
        while (!atEnd() && isDigit(peek())) {
          pos++;
        }
      }
      if (peek() == '.') {
        pos++;
        if (atEnd() || !isDigit(peek())) {
          throw invalid("after decimal point in numeric literal");
        }
        while (!atEnd() && isDigit(peek())) {
          pos++;
        }
      }
      if (peek() == 'e' || peek() == 'E') {
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        if (atEnd() || !isDigit(peek())) {
          throw invalid("in exponent of numeric literal");
        }
        while (!atEnd() && isDigit(peek())) {
          pos++;
        }
      }
      String literal = s.substring(start, pos);
      double d = Double.parseDouble(literal);
      if (Double.isInfinite(d)) {
        throw new CodecException("json: cannot unmarshal number " + literal + " into Go value of type float64");
      }
      return d;
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private String string() {
      pos++; // opening quote
      StringBuilder out = new StringBuilder();
      while (true) {
        if (atEnd()) {
          throw invalid("");
        }
        char c = s.charAt(pos);
        if (c == '"') {
          pos++;
          return out.toString();
        }
        if (c < 0x20) {
          throw invalid("in string literal");
        }
        if (c == '\\') {
          pos++;
          if (atEnd()) {
            throw invalid("");
          }
          char e = s.charAt(pos);
          switch (e) {
            case '"', '\\', '/' -> out.append(e);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
              int cp = 0;
              for (int i = 0; i < 4; i++) {
                pos++;
                if (atEnd()) {
                  throw invalid("");
                }
                int h = Character.digit(s.charAt(pos), 16);
                if (h < 0) {
                  throw invalid("in \\u hexadecimal character escape");
                }
                cp = cp * 16 + h;
              }
              out.append((char) cp);
            }
            default -> throw invalid("in string escape code");
          }
          pos++;
          continue;
        }
        out.append(c);
        pos++;
      }
    }

    private List<Object> array() {
      pos++;
      List<Object> list = new ArrayList<>();
      skipSpace();
      if (peek() == ']' && !atEnd()) {
        pos++;
        return list;
      }
      while (true) {
        skipSpace();
        list.add(value());
        skipSpace();
        if (atEnd()) {
          throw invalid("");
        }
        char c = s.charAt(pos);
        if (c == ',') {
          pos++;
        } else if (c == ']') {
          pos++;
          return list;
        } else {
          throw invalid("after array element");
        }
      }
    }

    private Map<String, Object> object() {
      pos++;
      Map<String, Object> map = new LinkedHashMap<>();
      skipSpace();
      if (peek() == '}' && !atEnd()) {
        pos++;
        return map;
      }
      while (true) {
        skipSpace();
        if (peek() != '"' || atEnd()) {
          throw invalid("looking for beginning of object key string");
        }
        String key = string();
        skipSpace();
        if (peek() != ':' || atEnd()) {
          throw invalid("after object key");
        }
        pos++;
        skipSpace();
        map.put(key, value());
        skipSpace();
        if (atEnd()) {
          throw invalid("");
        }
        char c = s.charAt(pos);
        if (c == ',') {
          pos++;
        } else if (c == '}') {
          pos++;
          return map;
        } else {
          throw invalid("after object key:value pair");
        }
      }
    }
  }
}
