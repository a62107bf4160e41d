package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.ANY;
import static io.ocihelm.template.function.GoType.MAP;
import static io.ocihelm.template.function.GoType.STRING;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.GoSlice;
import io.ocihelm.template.value.GoTypes;
import io.ocihelm.template.value.NamedMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sprig's dict functions. {@code set}, {@code unset}, {@code merge} and {@code mergeOverwrite} change
 * their first argument in place (and return it), as in Go; {@code pick}, {@code omit} and {@code
 * deepCopy} build new maps. Go iterates maps in random order; where Sprig returns that order
 * ({@code keys}, {@code values}) we use sorted key order so renders are reproducible.
 */
public final class DictFunctions {
  private DictFunctions() {}

  public static void register(FunctionRegistry registry) {
    FunctionSignature mapThenMaps = FunctionSignature.variadic(MAP, MAP);
    registry
        .register("dict", FunctionSignature.variadic(ANY), (c, a) -> dict(a))
        .register("get", FunctionSignature.of(MAP, STRING), (c, a) -> get(map(a[0]), (String) a[1]))
        .register("set", FunctionSignature.of(MAP, STRING, ANY), (c, a) -> set(map(a[0]), (String) a[1], a[2]))
        .register("unset", FunctionSignature.of(MAP, STRING), (c, a) -> unset(map(a[0]), (String) a[1]))
        .register("hasKey", FunctionSignature.of(MAP, STRING), (c, a) -> a[0] != null && map(a[0]).containsKey(a[1]))
        .register("pluck", FunctionSignature.variadic(MAP, STRING), (c, a) -> pluck(a))
        .register("keys", FunctionSignature.variadic(MAP), (c, a) -> keys(a))
        .register("values", FunctionSignature.of(MAP), (c, a) -> values(map(a[0])))
        .register("pick", FunctionSignature.variadic(STRING, MAP), (c, a) -> pick(a, true))
        .register("omit", FunctionSignature.variadic(STRING, MAP), (c, a) -> pick(a, false))
        .register("dig", FunctionSignature.variadic(ANY), (c, a) -> dig(a))
        .register("merge", mapThenMaps, (c, a) -> merge(a, false))
        .register("mustMerge", mapThenMaps, (c, a) -> merge(a, false))
        .register("mergeOverwrite", mapThenMaps, (c, a) -> merge(a, true))
        .register("mustMergeOverwrite", mapThenMaps, (c, a) -> merge(a, true))
        .register("deepCopy", FunctionSignature.of(ANY), (c, a) -> deepCopy(a[0]))
        .register("mustDeepCopy", FunctionSignature.of(ANY), (c, a) -> deepCopy(a[0]));
  }

  // A map[string]interface {} parameter: a named map (common.Values) is the same Go map underneath.
  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return switch (value) {
      case null -> null;
      case NamedMap named -> named.entries();
      default -> (Map<String, Object>) value;
    };
  }

  static Map<String, Object> dict(Object[] args) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      out.put(GoValueText.strval(args[i]), i + 1 < args.length ? args[i + 1] : "");
    }
    return out;
  }

  // Helm compat: get of a missing key is "", not nil.
  static Object get(Map<String, Object> map, String key) {
    if (map != null && map.containsKey(key)) return map.get(key);
    return "";
  }

  static Map<String, Object> set(Map<String, Object> map, String key, Object value) {
    if (map == null) throw new FunctionException("assignment to entry in nil map");
    map.put(key, value);
    return map;
  }

  // Deleting from a nil map is a no-op in Go; the nil map it returns prints as map[].
  static Map<String, Object> unset(Map<String, Object> map, String key) {
    if (map == null) return new LinkedHashMap<>();
    map.remove(key);
    return map;
  }

  private static List<Object> pluck(Object[] args) {
    String key = (String) args[0];
    List<Object> out = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      Map<String, Object> m = map(args[i]);
      if (m != null && m.containsKey(key)) out.add(m.get(key));
    }
    return out;
  }

  private static GoSlice keys(Object[] maps) {
    List<String> out = new ArrayList<>();
    for (Object m : maps) {
      if (m == null) continue;
      List<String> keys = new ArrayList<>(map(m).keySet());
      keys.sort(GoStrings::compare);
      out.addAll(keys);
    }
    return GoSlice.ofStrings(out);
  }

  private static List<Object> values(Map<String, Object> map) {
    List<Object> out = new ArrayList<>();
    if (map == null) return out;
    List<String> keys = new ArrayList<>(map.keySet());
    keys.sort(GoStrings::compare);
    for (String k : keys) out.add(map.get(k));
    return out;
  }

  private static Map<String, Object> pick(Object[] args, boolean keep) {
    Map<String, Object> source = map(args[0]);
    Set<String> names = new HashSet<>();
    for (int i = 1; i < args.length; i++) names.add((String) args[i]);
    Map<String, Object> out = new LinkedHashMap<>();
    if (source == null) return out;
    for (Map.Entry<String, Object> e : source.entrySet()) {
      if (names.contains(e.getKey()) == keep) out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  // Helm compat: dig type-asserts map[string]interface {}, so it rejects .Values (common.Values).
  private static Object dig(Object[] args) {
    if (args.length < 3) throw new FunctionException("dig needs at least three arguments");
    Object current = args[args.length - 1];
    Object fallback = args[args.length - 2];
    Map<String, Object> dict = assertMap(current);
    List<String> path = new ArrayList<>();
    for (int i = 0; i < args.length - 2; i++) {
      if (!(args[i] instanceof String key)) throw interfaceConversion(args[i], "string");
      path.add(key);
    }
    for (int i = 0; ; i++) {
      if (!dict.containsKey(path.get(i))) return fallback;
      Object step = dict.get(path.get(i));
      if (i == path.size() - 1) return step;
      dict = assertMap(step);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> assertMap(Object value) {
    // Only a plain map[string]interface {}: named map types (common.Values, engine.files) fail.
    if (value instanceof Map<?, ?> m && !(value instanceof NamedMap) && !(value instanceof GoObject)) {
      return (Map<String, Object>) m;
    }
    throw interfaceConversion(value, "map[string]interface {}");
  }

  private static FunctionException interfaceConversion(Object value, String wanted) {
    String actual = value == null ? "nil" : GoTypes.typeName(value);
    return new FunctionException("interface conversion: interface {} is " + actual + ", not " + wanted);
  }

  private static Object merge(Object[] args, boolean overwrite) {
    Map<String, Object> destination = map(args[0]);
    if (destination == null) destination = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      Map<String, Object> source = map(args[i]);
      if (source != null) deepMerge(destination, source, overwrite);
    }
    return destination;
  }

  /**
   * mergo's map merge as Sprig calls it: nested maps merge key by key; any other value is taken from
   * the source when the destination lacks it or holds an empty value, or always with {@code
   * overwrite} (where even nil overwrites). Source maps are shared, not copied, as in Go.
   */
  static void deepMerge(Map<String, Object> destination, Map<String, Object> source, boolean overwrite) {
    for (Map.Entry<String, Object> e : source.entrySet()) {
      String key = e.getKey();
      Object sourceValue = e.getValue();
      if (sourceValue == null) {
        if (overwrite) destination.put(key, null);
        continue;
      }
      boolean present = destination.containsKey(key);
      Object destinationValue = destination.get(key);
      if (sourceValue instanceof Map<?, ?> && destinationValue instanceof Map<?, ?>) {
        deepMerge(map(destinationValue), map(sourceValue), overwrite);
        if (!DefaultFunctions.isEmpty(destinationValue)) continue;
      }
      if (overwrite || !present || DefaultFunctions.isEmpty(destinationValue)) {
        destination.put(key, sourceValue);
      }
    }
  }

  /** copystructure.Copy: maps and lists are copied deeply; everything else is a value already. */
  static Object deepCopy(Object value) {
    if (value == null) throw new FunctionException("reflect: call of reflect.Value.Type on zero Value");
    return copy(value);
  }

  private static Object copy(Object value) {
    return switch (value) {
      case null -> null;
      case NamedMap named -> {
        Map<String, Object> out = new LinkedHashMap<>();
        named.entries().forEach((k, v) -> out.put(k, copy(v)));
        yield new NamedMap(named.goTypeName(), out);
      }
      case Map<?, ?> m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put((String) k, copy(v)));
        yield out;
      }
      case GoSlice s -> s;
      case List<?> l -> {
        List<Object> out = new ArrayList<>(l.size());
        for (Object v : l) out.add(copy(v));
        yield out;
      }
      case byte[] b -> b.clone();
      default -> value;
    };
  }
}
