package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.ANY;
import static io.ocihelm.template.function.GoType.INT;
import static io.ocihelm.template.function.GoType.STRING;

import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.value.GoSlice;
import io.ocihelm.template.value.NamedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sprig's split/splitList/splitn/join/sortAlpha/toStrings. */
public final class StringListFunctions {
  private StringListFunctions() {}

  public static void register(FunctionRegistry registry) {
    registry
        .register(
            "split",
            FunctionSignature.of(STRING, STRING),
            (c, a) -> indexedMap(split((String) a[1], (String) a[0], -1)))
        .register(
            "splitn",
            FunctionSignature.of(STRING, INT, STRING),
            (c, a) -> indexedMap(split((String) a[2], (String) a[0], (Long) a[1])))
        .register(
            "splitList",
            FunctionSignature.of(STRING, STRING),
            (c, a) -> GoSlice.ofStrings(split((String) a[1], (String) a[0], -1)))
        .register("join", FunctionSignature.of(STRING, ANY), (c, a) -> String.join((String) a[0], toStrings(a[1])))
        .register("sortAlpha", FunctionSignature.of(ANY), (c, a) -> sortAlpha(a[0]))
        .register("toStrings", FunctionSignature.of(ANY), (c, a) -> GoSlice.ofStrings(toStrings(a[0])));
  }

  /** strings.SplitN(s, sep, n); n < 0 means all parts, an empty sep splits into runes. */
  static List<String> split(String s, String sep, long n) {
    List<String> parts = new ArrayList<>();
    if (n == 0) return parts;
    if (sep.isEmpty()) {
      int i = 0;
      while (i < s.length()) {
        if (n > 0 && parts.size() == n - 1) {
          parts.add(s.substring(i));
          return parts;
        }
        int c = s.codePointAt(i);
        parts.add(s.substring(i, i + Character.charCount(c)));
        i += Character.charCount(c);
      }
      return parts;
    }
    int start = 0;
    while (n < 0 || parts.size() < n - 1) {
      int at = s.indexOf(sep, start);
      if (at < 0) break;
      parts.add(s.substring(start, at));
      start = at + sep.length();
    }
    parts.add(s.substring(start));
    return parts;
  }

  // Sprig's split returns map[string]string with keys _0, _1, ...
  private static NamedMap indexedMap(List<String> parts) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < parts.size(); i++) map.put("_" + i, parts.get(i));
    return new NamedMap("map[string]string", map);
  }

  /** Sprig's strslice: slices element-wise (nil elements dropped), nil as empty, else one element. */
  static List<String> toStrings(Object value) {
    List<String> out = new ArrayList<>();
    switch (value) {
      case null -> {}
      case List<?> list -> {
        for (Object element : list) if (element != null) out.add(GoValueText.strval(element));
      }
      case byte[] bytes -> {
        for (byte b : bytes) out.add(Integer.toString(b & 0xff));
      }
      default -> out.add(GoValueText.strval(value));
    }
    return out;
  }

  // Helm compat: sortAlpha sorts everything as strings (10 < 100 < 9) and wraps a non-list value.
  static GoSlice sortAlpha(Object value) {
    if (value instanceof List<?> || value instanceof byte[]) {
      List<String> strings = toStrings(value);
      strings.sort(GoStrings::compare);
      return GoSlice.ofStrings(strings);
    }
    return GoSlice.ofStrings(List.of(GoValueText.strval(value)));
  }
}
