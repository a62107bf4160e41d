package io.ocihelm.codec;

import io.ocihelm.template.value.Int64;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads TOML into the values model the way BurntSushi/toml's Unmarshal into a
 * map[string]interface{} does (Helm's {@code fromToml}): integers are int64 ({@link Int64}), floats
 * float64, date-times time.Time, tables maps, arrays []interface{}. Errors are worded {@code toml:
 * line N (last key "k"): ...}.
 */
public final class GoTomlReader {
  private final String s;
  private int pos;
  private int line = 1;
  private String lastKey = "";
  private final Map<String, Object> root = new LinkedHashMap<>();

  private GoTomlReader(String s) {
    this.s = s;
  }

  public static Map<String, Object> read(String text) {
    GoTomlReader r = new GoTomlReader(text);
    r.document();
    return r.root;
  }

  private CodecException error(String message) {
    return new CodecException(lastKey.isEmpty()
        ? "toml: line " + line + ": " + message
        : "toml: line " + line + " (last key \"" + lastKey + "\"): " + message);
  }

  private boolean eof() {
    return pos >= s.length();
  }

  private char peek() {
    return eof() ? '\0' : s.charAt(pos);
  }

  private void skipBlanks() {
    while (!eof() && (peek() == ' ' || peek() == '\t')) {
      pos++;
    }
  }

  private void skipComment() {
    if (peek() == '#') {
      while (!eof() && peek() != '\n') {
        pos++;
      }
    }
  }

  /** Blank lines, comments, newlines. */
  private void skipWhitespaceAndComments() {
    while (!eof()) {
      char c = peek();
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\n') {
        pos++;
        line++;
      } else if (c == '#') {
        skipComment();
      } else {
        return;
      }
    }
  }

  private void document() {
    Map<String, Object> current = root;
    while (true) {
      skipWhitespaceAndComments();
      if (eof()) {
        return;
      }
      if (peek() == '[') {
        boolean array = s.startsWith("[[", pos);
        pos += array ? 2 : 1;
        skipBlanks();
        List<String> key = key();
        skipBlanks();
        if (!s.startsWith(array ? "]]" : "]", pos)) {
          throw error("expected a top-level item to end with a newline, comment, or EOF");
        }
        pos += array ? 2 : 1;
        current = array ? arrayTable(key) : table(key);
        endOfLine();
        continue;
      }
      List<String> key = key();
      skipBlanks();
      if (peek() != '=') {
        throw error(eof() ? "unexpected EOF; expected key separator '='"
            : "expected key separator '=', but got '" + peek() + "' instead");
      }
      pos++;
      skipBlanks();
      Object value = value();
      put(current, key, value);
      endOfLine();
    }
  }

  private void endOfLine() {
    skipBlanks();
    skipComment();
    if (peek() == '\r') {
      pos++;
    }
    if (!eof() && peek() != '\n') {
      throw error("expected a top-level item to end with a newline, comment, or EOF, but got '" + peek() + "' instead");
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> descend(Map<String, Object> from, List<String> path) {
    Map<String, Object> m = from;
    for (String k : path) {
      Object next = m.get(k);
      if (next == null) {
        Map<String, Object> created = new LinkedHashMap<>();
        m.put(k, created);
        m = created;
      } else if (next instanceof Map<?, ?> existing) {
        m = (Map<String, Object>) existing;
      } else if (next instanceof List<?> list && !list.isEmpty() && list.getLast() instanceof Map<?, ?> last) {
        m = (Map<String, Object>) last;
      } else {
        throw error("key " + goQuote(k) + " is already defined and is not a table");
      }
    }
    return m;
  }

  private Map<String, Object> table(List<String> key) {
    return descend(root, key);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> arrayTable(List<String> key) {
    Map<String, Object> parent = descend(root, key.subList(0, key.size() - 1));
    String last = key.getLast();
    Object existing = parent.get(last);
    List<Object> list;
    if (existing == null) {
      list = new ArrayList<>();
      parent.put(last, list);
    } else if (existing instanceof List<?> l) {
      list = (List<Object>) l;
    } else {
      throw error("key " + goQuote(last) + " has already been defined");
    }
    Map<String, Object> table = new LinkedHashMap<>();
    list.add(table);
    return table;
  }

  private void put(Map<String, Object> current, List<String> key, Object value) {
    Map<String, Object> target = descend(current, key.subList(0, key.size() - 1));
    String last = key.getLast();
    if (target.containsKey(last)) {
      throw error("Key '" + String.join(".", key) + "' has already been defined.");
    }
    target.put(last, value);
  }

  private static String goQuote(String k) {
    return "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private List<String> key() {
    List<String> parts = new ArrayList<>();
    while (true) {
      skipBlanks();
      String part;
      if (peek() == '"') {
        part = basicString();
      } else if (peek() == '\'') {
        part = literalString();
      } else {
        int start = pos;
        while (!eof() && isBareKeyChar(peek())) {
          pos++;
        }
        if (start == pos) {
          throw error(eof() ? "unexpected EOF; expected key" : "bare keys cannot contain '" + peek() + "'");
        }
        part = s.substring(start, pos);
      }
      parts.add(part);
      skipBlanks();
      if (peek() == '.') {
        pos++;
        continue;
      }
      lastKey = String.join(".", parts);
      return parts;
    }
  }

  private static boolean isBareKeyChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  private Object value() {
    if (eof() || peek() == '\n' || peek() == '\r' || peek() == '#') {
      throw error(eof() ? "unexpected EOF; expected value" : "expected value but found '" + (peek() == '\n' ? "\\n" : peek()) + "' instead");
    }
    char c = peek();
    if (c == '"') {
      return s.startsWith("\"\"\"", pos) ? multilineBasic() : basicString();
    }
    if (c == '\'') {
      return s.startsWith("'''", pos) ? multilineLiteral() : literalString();
    }
    if (c == '[') {
      return array();
    }
    if (c == '{') {
      return inlineTable();
    }
    if (s.startsWith("true", pos)) {
      pos += 4;
      return Boolean.TRUE;
    }
    if (s.startsWith("false", pos)) {
      pos += 5;
      return Boolean.FALSE;
    }
    for (String word : new String[] {"+inf", "-inf", "inf", "+nan", "-nan", "nan"}) {
      if (s.startsWith(word, pos)) {
        pos += word.length();
        return scalar(word);
      }
    }
    int start = pos;
    while (!eof() && "0123456789abcdefABCDEFxob_+-.:TZtz ".indexOf(peek()) >= 0
        && !(peek() == ' ' && !isDateTimeSpace(start))) {
      pos++;
    }
    String token = s.substring(start, pos).strip();
    if (token.isEmpty()) {
      throw error("expected value but found '" + peek() + "' instead");
    }
    return scalar(token);
  }

  /** A space inside a value only belongs to a date-time ("1979-05-27 07:32:00"). */
  private boolean isDateTimeSpace(int start) {
    String sofar = s.substring(start, pos);
    return sofar.matches("\\d{4}-\\d{2}-\\d{2}") && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1));
  }

  private Object scalar(String t) {
    switch (t) {
      case "inf", "+inf" -> {
        return Double.POSITIVE_INFINITY;
      }
      case "-inf" -> {
        return Double.NEGATIVE_INFINITY;
      }
      case "nan", "+nan", "-nan" -> {
        return Double.NaN;
      }
      default -> { }
    }
    if (t.matches("\\d{4}-\\d{2}-\\d{2}.*") || t.matches("\\d{2}:\\d{2}:\\d{2}.*")) {
      return dateTime(t);
    }
    String plain = t.replace("_", "");
    try {
      if (plain.startsWith("0x")) {
        return Int64.of(Long.parseLong(plain.substring(2), 16));
      }
      if (plain.startsWith("0o")) {
        return Int64.of(Long.parseLong(plain.substring(2), 8));
      }
      if (plain.startsWith("0b")) {
        return Int64.of(Long.parseLong(plain.substring(2), 2));
      }
      if (plain.matches("[-+]?\\d+")) {
        return Int64.of(Long.parseLong(plain));
      }
      if (plain.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
        return Double.parseDouble(plain);
      }
    } catch (NumberFormatException e) {
      throw error("number " + goQuote(t) + " is out of range");
    }
    throw error("invalid value " + goQuote(t));
  }

  private Object dateTime(String t) {
    String iso = t.replace(' ', 'T').replace('t', 'T').replace('z', 'Z');
    try {
      if (iso.matches(".*(Z|[+-]\\d{2}:\\d{2})$") && iso.contains("T")) {
        return OffsetDateTime.parse(iso).toZonedDateTime();
      }
      if (iso.contains("T")) {
        return LocalDateTime.parse(iso).atZone(ZoneOffset.UTC);
      }
      if (iso.contains(":")) {
        return LocalTime.parse(iso).atDate(LocalDate.of(0, 1, 1)).atZone(ZoneOffset.UTC);
      }
      return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC);
    } catch (java.time.format.DateTimeParseException e) {
      throw error("invalid datetime: " + goQuote(t));
    }
  }

  private List<Object> array() {
    pos++;
    List<Object> list = new ArrayList<>();
    while (true) {
      skipWhitespaceAndComments();
      if (peek() == ']') {
        pos++;
        return list;
      }
      list.add(value());
      skipWhitespaceAndComments();
      if (peek() == ',') {
        pos++;
      } else if (peek() == ']') {
        pos++;
        return list;
      } else {
        throw error(eof() ? "unexpected EOF; expected ']'" : "expected a comma (',') or array terminator (']'), but got '" + peek() + "'");
      }
    }
  }

  private Map<String, Object> inlineTable() {
    pos++;
    Map<String, Object> table = new LinkedHashMap<>();
    skipBlanks();
    if (peek() == '}') {
      pos++;
      return table;
    }
    while (true) {
      List<String> key = key();
      skipBlanks();
      if (peek() != '=') {
        throw error("expected key separator '='");
      }
      pos++;
      skipBlanks();
      put(table, key, value());
      skipBlanks();
      if (peek() == ',') {
        pos++;
      } else if (peek() == '}') {
        pos++;
        return table;
      } else {
        throw error(eof() ? "unexpected EOF; expected '}'" : "expected a comma or an inline table terminator '}', but got '" + peek() + "' instead");
      }
    }
  }

  private String basicString() {
    pos++;
    StringBuilder b = new StringBuilder();
    while (true) {
      if (eof() || peek() == '\n') {
        throw error("unexpected EOF; expected '\"'");
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        escape(b);
      } else {
        b.append(c);
      }
    }
  }

  private void escape(StringBuilder b) {
    char e = eof() ? '\0' : s.charAt(pos++);
    switch (e) {
      case 'b' -> b.append('\b');
      case 't' -> b.append('\t');
      case 'n' -> b.append('\n');
      case 'f' -> b.append('\f');
      case 'r' -> b.append('\r');
      case 'e' -> b.append('\u001b');
      case '"' -> b.append('"');
      case '\\' -> b.append('\\');
      case 'u', 'U' -> {
        int n = e == 'u' ? 4 : 8;
        if (pos + n > s.length()) {
          throw error("unexpected EOF in escape");
        }
        b.appendCodePoint(Integer.parseInt(s.substring(pos, pos + n), 16));
        pos += n;
      }
      default -> throw error("invalid escape character '" + e + "'; only the following escape characters are allowed: \\b, \\t, \\n, \\f, \\r, \\\", \\\\, \\uXXXX, and \\UXXXXXXXX");
    }
  }

  private String literalString() {
    pos++;
    int end = s.indexOf('\'', pos);
    if (end < 0) {
      throw error("unexpected EOF; expected \"'\"");
    }
    String out = s.substring(pos, end);
    pos = end + 1;
    return out;
  }

  private String multilineBasic() {
    pos += 3;
    if (peek() == '\n') {
      pos++;
      line++;
    }
    StringBuilder b = new StringBuilder();
    while (true) {
      if (eof()) {
        throw error("unexpected EOF; expected '\"\"\"'");
      }
      if (s.startsWith("\"\"\"", pos)) {
        pos += 3;
        return b.toString();
      }
      char c = s.charAt(pos++);
      if (c == '\\') {
        if (peek() == '\n' || peek() == ' ' || peek() == '\r') {
          while (!eof() && Character.isWhitespace(peek())) {
            if (peek() == '\n') {
              line++;
            }
            pos++;
          }
        } else {
          escape(b);
        }
      } else {
        if (c == '\n') {
          line++;
        }
        b.append(c);
      }
    }
  }

  private String multilineLiteral() {
    pos += 3;
    if (peek() == '\n') {
      pos++;
      line++;
    }
    int end = s.indexOf("'''", pos);
    if (end < 0) {
      throw error("unexpected EOF; expected \"'''\"");
    }
    String out = s.substring(pos, end);
    line += (int) out.chars().filter(c -> c == '\n').count();
    pos = end + 3;
    return out;
  }
}
