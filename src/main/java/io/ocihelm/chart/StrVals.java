package io.ocihelm.chart;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ocihelm.template.value.Int64;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's {@code --set} syntax ({@code pkg/strvals}): {@code a.b=c,list[0].x={1,2},esc\,aped=v}.
 * {@code --set} types its values (true/false/null, int64 for integers not starting with 0, else
 * string), {@code --set-string} keeps strings, {@code --set-file} reads each value as a file path,
 * {@code --set-json} decodes JSON. Results merge into an existing map, as Helm does flag by flag.
 */
public final class StrVals {
  /** Reads the value of a {@code --set-file} entry (the path text) into the value to set. */
  @FunctionalInterface
  public interface FileReader {
    Object read(String path) throws IOException;
  }

  /** Invalid --set syntax, worded as Helm's parser words it. */
  public static final class StrValsException extends RuntimeException {
    StrValsException(String message) {
      super(message);
    }
  }

  private static final int MAX_INDEX = 65536;
  private static final int MAX_NESTED_NAME_LEVEL = 30;
  private static final JsonFactory JSON = new JsonFactory();

  private enum Mode { TYPED, STRING, FILE, JSON }

  private final String s;
  private int pos;
  private final Mode mode;
  private final FileReader files;

  private StrVals(String s, Mode mode, FileReader files) {
    this.s = s;
    this.mode = mode;
    this.files = files;
  }

  /** {@code --set}. */
  public static void parseInto(String line, Map<String, Object> dest) {
    new StrVals(line, Mode.TYPED, null).parse(dest);
  }

  /** {@code --set-string}. */
  public static void parseIntoString(String line, Map<String, Object> dest) {
    new StrVals(line, Mode.STRING, null).parse(dest);
  }

  /** {@code --set-file}. */
  public static void parseIntoFile(String line, Map<String, Object> dest, FileReader reader) {
    new StrVals(line, Mode.FILE, reader).parse(dest);
  }

  /** {@code --set-json} in its key=json form. */
  public static void parseJson(String line, Map<String, Object> dest) {
    new StrVals(line, Mode.JSON, null).parse(dest);
  }

  /** A parsed --set line as a new map. */
  public static Map<String, Object> parse(String line) {
    Map<String, Object> dest = new LinkedHashMap<>();
    parseInto(line, dest);
    return dest;
  }

  private static final class Eof extends Exception {
    Eof() {
      super(null, null, false, false);
    }
  }

  private static final class NotList extends Exception {
    NotList() {
      super(null, null, false, false);
    }
  }

  private void parse(Map<String, Object> data) {
    try {
      while (true) {
        key(data, 0);
      }
    } catch (Eof e) {
      // end of input
    }
  }

  /** Reads up to a stop rune, honouring backslash escapes; the stop rune is consumed. */
  private record Runes(String text, int last, boolean eof) {}

  private Runes runesUntil(String stops) {
    StringBuilder v = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        return new Runes(v.toString(), -1, true);
      }
      int r = s.codePointAt(pos);
      pos += Character.charCount(r);
      if (stops.indexOf(r) >= 0) {
        return new Runes(v.toString(), r, false);
      }
      if (r == '\\') {
        if (pos >= s.length()) {
          return new Runes(v.toString(), -1, true);
        }
        int next = s.codePointAt(pos);
        pos += Character.charCount(next);
        v.appendCodePoint(next);
      } else {
        v.appendCodePoint(r);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void key(Map<String, Object> data, int nestedNameLevel) throws Eof {
    Runes k = runesUntil("=[,.");
    if (k.eof()) {
      if (k.text().isEmpty()) {
        throw new Eof();
      }
      throw new StrValsException("key \"" + goEscape(k.text()) + "\" has no value");
    }
    String kk = k.text();
    switch (k.last()) {
      case '[' -> {
        int i = keyIndex();
        List<Object> list = new ArrayList<>();
        if (data.containsKey(kk)) {
          if (!(data.get(kk) instanceof List<?> existing)) {
            throw new StrValsException("unable to parse key: interface conversion: interface {} is "
                + goType(data.get(kk)) + ", not []interface {}");
          }
          list = (List<Object>) existing;
        }
        List<Object> result = listItem(list, i, nestedNameLevel);
        set(data, kk, result);
      }
      case '=' -> {
        if (mode == Mode.JSON) {
          if (emptyVal()) {
            set(data, kk, null);
            return;
          }
          set(data, kk, jsonValue());
          emptyVal();
          return;
        }
        try {
          List<Object> vl = valList();
          set(data, kk, vl);
        } catch (Eof e) {
          set(data, kk, "");
          throw e;
        } catch (NotList e) {
          set(data, kk, read(val()));
        }
      }
      case ',' -> {
        set(data, kk, "");
        throw new StrValsException("key \"" + goEscape(kk) + "\" has no value (cannot end with ,)");
      }
      case '.' -> {
        if (++nestedNameLevel > MAX_NESTED_NAME_LEVEL) {
          throw new StrValsException("value name nested level is greater than maximum supported nested level of "
              + MAX_NESTED_NAME_LEVEL);
        }
        Map<String, Object> inner = new LinkedHashMap<>();
        if (data.containsKey(kk)) {
          if (!(data.get(kk) instanceof Map<?, ?> existing)) {
            throw new StrValsException("unable to parse key: interface conversion: interface {} is "
                + goType(data.get(kk)) + ", not map[string]interface {}");
          }
          inner = (Map<String, Object>) existing;
        }
        Eof eof = null;
        try {
          key(inner, nestedNameLevel);
        } catch (Eof e) {
          eof = e;
        }
        if (eof == null && inner.isEmpty()) {
          throw new StrValsException("key map \"" + goEscape(kk) + "\" has no value");
        }
        if (!inner.isEmpty()) {
          set(data, kk, inner);
        }
        if (eof != null) {
          throw eof;
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  private int keyIndex() {
    Runes v = runesUntil("]");
    if (v.eof()) {
      throw new StrValsException("error parsing index: EOF");
    }
    try {
      return Integer.parseInt(v.text());
    } catch (NumberFormatException e) {
      throw new StrValsException(
          "error parsing index: strconv.Atoi: parsing \"" + goEscape(v.text()) + "\": invalid syntax");
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object> listItem(List<Object> list, int i, int nestedNameLevel) throws Eof {
    if (i < 0) {
      throw new StrValsException("negative " + i + " index not allowed");
    }
    Runes k = runesUntil("[.=");
    if (!k.text().isEmpty()) {
      throw new StrValsException("unexpected data at end of array index: \"" + goEscape(k.text()) + "\"");
    }
    if (k.eof()) {
      throw new Eof();
    }
    switch (k.last()) {
      case '=' -> {
        if (mode == Mode.JSON) {
          if (emptyVal()) {
            return setIndex(list, i, null);
          }
          List<Object> out = setIndex(list, i, jsonValue());
          emptyVal();
          return out;
        }
        try {
          return setIndex(list, i, valList());
        } catch (Eof e) {
          return setIndex(list, i, "");
        } catch (NotList e) {
          return setIndex(list, i, read(val()));
        }
      }
      case '[' -> {
        int next = keyIndex();
        List<Object> current = new ArrayList<>();
        if (list.size() > i && list.get(i) != null) {
          if (!(list.get(i) instanceof List<?> l)) {
            throw new StrValsException("unable to parse key: interface conversion: interface {} is "
                + goType(list.get(i)) + ", not []interface {}");
          }
          current = (List<Object>) l;
        }
        return setIndex(list, i, listItem(current, next, nestedNameLevel));
      }
      case '.' -> {
        Map<String, Object> inner = new LinkedHashMap<>();
        if (list.size() > i) {
          if (list.get(i) instanceof Map<?, ?> m) {
            inner = (Map<String, Object>) m;
          } else {
            list.set(i, inner);
          }
        }
        key(inner, nestedNameLevel);
        return setIndex(list, i, inner);
      }
      default -> throw new IllegalStateException();
    }
  }

  private static List<Object> setIndex(List<Object> list, int index, Object val) {
    if (index < 0) {
      throw new StrValsException("negative " + index + " index not allowed");
    }
    if (index > MAX_INDEX) {
      throw new StrValsException("index of " + index + " is greater than maximum supported index of " + MAX_INDEX);
    }
    List<Object> out = list;
    while (out.size() <= index) {
      out.add(null);
    }
    out.set(index, val);
    return out;
  }

  /** Consumes blanks up to a comma or the end (true: the value is empty); stops before anything else. */
  private boolean emptyVal() {
    while (pos < s.length()) {
      int r = s.codePointAt(pos);
      if (r == ',') {
        pos++;
        return true;
      }
      if (!Character.isWhitespace(r)) {
        return false;
      }
      pos += Character.charCount(r);
    }
    return true;
  }

  private String val() {
    return runesUntil(",").text();
  }

  private List<Object> valList() throws Eof, NotList {
    if (pos >= s.length()) {
      throw new Eof();
    }
    if (s.charAt(pos) != '{') {
      throw new NotList();
    }
    pos++;
    List<Object> list = new ArrayList<>();
    while (true) {
      Runes rs = runesUntil(",}");
      if (rs.eof()) {
        throw new StrValsException("list must terminate with '}'");
      }
      if (rs.last() == '}') {
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
        }
        list.add(read(rs.text()));
        return list;
      }
      list.add(read(rs.text()));
    }
  }

  private Object read(String rs) {
    return switch (mode) {
      case STRING -> rs;
      case FILE -> {
        try {
          yield files.read(rs);
        } catch (IOException e) {
          throw new StrValsException("open " + rs + ": " + e.getMessage());
        }
      }
      default -> typedVal(rs);
    };
  }

  /** {@code typedVal}: Helm's guesses for --set values. */
  static Object typedVal(String val) {
    if (val.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (val.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    if (val.equalsIgnoreCase("null")) {
      return null;
    }
    if (val.equals("0")) {
      return Int64.of(0);
    }
    // Helm compat: a leading 0 keeps the value a string (so "0123" and "0x10" stay text).
    if (!val.isEmpty() && val.charAt(0) != '0' && val.matches("[+-]?[0-9]+")) {
      try {
        return Int64.of(Long.parseLong(val.startsWith("+") ? val.substring(1) : val));
      } catch (NumberFormatException e) {
        return val;
      }
    }
    return val;
  }

  /** One JSON value from the current position, as Go's json.Decoder reads it (numbers float64). */
  private Object jsonValue() {
    String rest = s.substring(pos);
    try (JsonParser p = JSON.createParser(rest)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new StrValsException("EOF");
      }
      Object value = jsonTree(p, first);
      pos += (int) p.currentLocation().getCharOffset();
      return value;
    } catch (IOException e) {
      throw new StrValsException(e.getMessage().lines().findFirst().orElse("invalid JSON"));
    }
  }

  static Object jsonTree(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case START_OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
          String name = p.currentName();
          m.put(name, jsonTree(p, p.nextToken()));
        }
        yield m;
      }
      case START_ARRAY -> {
        List<Object> l = new ArrayList<>();
        for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
          l.add(jsonTree(p, n));
        }
        yield l;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Double.parseDouble(p.getText());
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected JSON token " + t);
    };
  }

  private static void set(Map<String, Object> data, String key, Object val) {
    if (!key.isEmpty()) {
      data.put(key, val);
    }
  }

  private static String goType(Object v) {
    return v == null ? "nil" : io.ocihelm.template.value.GoTypes.typeName(v);
  }

  private static String goEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
