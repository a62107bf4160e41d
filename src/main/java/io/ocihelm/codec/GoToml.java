package io.ocihelm.codec;

import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.Int64;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TOML as BurntSushi/toml v1.6.0's Encoder writes it (Helm's {@code toToml}): plain keys first,
 * then tables ({@code [a.b]}) and arrays of tables ({@code [[k]]}), keys sorted, nested entries
 * indented two spaces per level, nil values left out, a blank line before each top-level table.
 * A value that is not a table is written inline, the way Helm's callers see it.
 */
public final class GoToml {
  private GoToml() {}

  private static final String INDENT = "  ";

  public static String marshal(Object value) {
    value = normalize(value);
    StringBuilder out = new StringBuilder();
    if (value instanceof Map<?, ?> map) {
      new Writer(out).table(List.of(), map);
    } else if (value != null) {
      inline(out, value);
    }
    return out.toString();
  }

  private static Object normalize(Object value) {
    return switch (value) {
      case byte[] b -> {
        List<Object> ints = new ArrayList<>(b.length);
        for (byte x : b) {
          ints.add((long) (x & 0xFF));
        }
        yield ints;
      }
      case GoObject o -> o.jsonValue();
      case null, default -> value;
    };
  }

  private static boolean isTable(Object v) {
    return normalize(v) instanceof Map<?, ?>;
  }

  private static boolean isArrayOfTables(Object v) {
    if (!(normalize(v) instanceof List<?> list) || list.isEmpty()) {
      return false;
    }
    for (Object item : list) {
      if (!isTable(item)) {
        return false;
      }
    }
    return true;
  }

  private static final class Writer {
    private final StringBuilder out;

    Writer(StringBuilder out) {
      this.out = out;
    }

    private void newline() {
      if (!out.isEmpty()) {
        out.append('\n');
      }
    }

    private static String indent(List<String> key) {
      return INDENT.repeat(Math.max(key.size() - 1, 0));
    }

    private static String path(List<String> key) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < key.size(); i++) {
        if (i > 0) {
          b.append('.');
        }
        b.append(bareOrQuoted(key.get(i)));
      }
      return b.toString();
    }

    void table(List<String> key, Map<?, ?> map) {
      List<String> keys = GoSort.sortedKeys(map);
      List<String> direct = new ArrayList<>();
      List<String> sub = new ArrayList<>();
      for (String k : keys) {
        Object v = normalize(map.get(k));
        if (v == null) {
          continue;
        }
        if (isTable(v) || isArrayOfTables(v)) {
          sub.add(k);
        } else {
          direct.add(k);
        }
      }
      for (String k : direct) {
        List<String> child = append(key, k);
        out.append(indent(child)).append(bareOrQuoted(k)).append(" = ");
        inline(out, normalize(map.get(k)));
        newline();
      }
      for (String k : sub) {
        List<String> child = append(key, k);
        Object v = normalize(map.get(k));
        if (v instanceof Map<?, ?> m) {
          if (child.size() == 1) {
            newline();
          }
          out.append(indent(child)).append('[').append(path(child)).append(']');
          newline();
          table(child, m);
        } else {
          for (Object item : (List<?>) v) {
            newline();
            out.append(indent(child)).append("[[").append(path(child)).append("]]");
            newline();
            table(child, (Map<?, ?>) normalize(item));
          }
        }
      }
    }

    private static List<String> append(List<String> key, String k) {
      List<String> child = new ArrayList<>(key);
      child.add(k);
      return child;
    }
  }

  private static void inline(StringBuilder out, Object value) {
    value = normalize(value);
    switch (value) {
      case null -> out.append("\"\"");
      case String s -> quote(out, s);
      case Boolean b -> out.append(b);
      case Long l -> out.append(l);
      case Int64 i -> out.append(i.value());
      case Double d -> out.append(formatFloat(d));
      case ZonedDateTime t -> out.append(GoJson.rfc3339Nano(t));
      case List<?> list -> {
        out.append('[');
        boolean first = true;
        for (Object item : list) {
          if (item == null) {
            continue;
          }
          if (!first) {
            out.append(", ");
          }
          first = false;
          inline(out, item);
        }
        out.append(']');
      }
      case Map<?, ?> map -> {
        out.append('{');
        boolean first = true;
        for (String k : GoSort.sortedKeys(map)) {
          Object v = map.get(k);
          if (v == null) {
            continue;
          }
          if (!first) {
            out.append(", ");
          }
          first = false;
          out.append(bareOrQuoted(k)).append(" = ");
          inline(out, v);
        }
        out.append('}');
      }
      default -> quote(out, String.valueOf(value));
    }
  }

  static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    String s = GoFloats.formatG(d);
    if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && !s.contains("n")) {
      s = s + ".0";
    }
    return s;
  }

  private static String bareOrQuoted(String key) {
    if (!key.isEmpty() && key.chars().allMatch(c ->
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
      return key;
    }
    StringBuilder b = new StringBuilder();
    quote(b, key);
    return b.toString();
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
