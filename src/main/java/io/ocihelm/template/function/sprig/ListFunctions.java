package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.ANY;
import static io.ocihelm.template.function.GoType.INT;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.value.GoSlice;
import io.ocihelm.template.value.GoTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sprig's list functions. Every function that takes a list accepts any Go slice ({@code
 * []interface {}}, {@code []string}, {@code []int}, {@code []byte}), fails on nil the way Sprig does
 * (a nil-pointer panic from {@code reflect.TypeOf(nil).Kind()}), and builds a new {@code []interface
 * {}} rather than changing its argument. The {@code mustX} variants fail with the same text as the
 * plain ones, which panic with it.
 */
public final class ListFunctions {
  private static final String NIL_POINTER =
      "runtime error: invalid memory address or nil pointer dereference";

  private ListFunctions() {}

  public static void register(FunctionRegistry registry) {
    FunctionSignature anyVariadic = FunctionSignature.variadic(ANY);
    FunctionSignature one = FunctionSignature.of(ANY);
    FunctionSignature two = FunctionSignature.of(ANY, ANY);
    FunctionSignature listThenVariadic = FunctionSignature.variadic(ANY, ANY);
    registry
        .register("list", anyVariadic, (c, a) -> new ArrayList<>(Arrays.asList(a)))
        .register("tuple", anyVariadic, (c, a) -> new ArrayList<>(Arrays.asList(a)))
        .register("concat", anyVariadic, (c, a) -> concat(a))
        .register("has", two, (c, a) -> has(a[0], a[1]))
        .register("mustHas", two, (c, a) -> has(a[0], a[1]))
        .register("slice", listThenVariadic, (c, a) -> slice(a))
        .register("mustSlice", listThenVariadic, (c, a) -> slice(a));
    for (String prefix : List.of("", "must")) {
      registry
          .register(name(prefix, "first"), one, (c, a) -> first(a[0]))
          .register(name(prefix, "rest"), one, (c, a) -> rest(a[0]))
          .register(name(prefix, "last"), one, (c, a) -> last(a[0]))
          .register(name(prefix, "initial"), one, (c, a) -> initial(a[0]))
          .register(name(prefix, "append"), two, (c, a) -> push(a[0], a[1]))
          .register(name(prefix, "push"), two, (c, a) -> push(a[0], a[1]))
          .register(name(prefix, "prepend"), two, (c, a) -> prepend(a[0], a[1]))
          .register(name(prefix, "reverse"), one, (c, a) -> reverse(a[0]))
          .register(name(prefix, "uniq"), one, (c, a) -> uniq(a[0]))
          .register(name(prefix, "without"), listThenVariadic, (c, a) -> without(a))
          .register(name(prefix, "compact"), one, (c, a) -> compact(a[0]))
          .register(name(prefix, "chunk"), FunctionSignature.of(INT, ANY), (c, a) -> chunk((Long) a[0], a[1]));
    }
  }

  private static String name(String prefix, String function) {
    return prefix.isEmpty() ? function : prefix + Character.toUpperCase(function.charAt(0)) + function.substring(1);
  }

  /**
   * The elements of a Go slice, or Sprig's error for a non-slice: {@code format} gets the value's
   * kind, e.g. "Cannot find first on type %s".
   */
  static List<?> elements(Object value, String format) {
    return switch (value) {
      case null -> throw new FunctionException(NIL_POINTER);
      case List<?> list -> list;
      case byte[] bytes -> {
        List<Object> out = new ArrayList<>(bytes.length);
        for (byte b : bytes) out.add((long) (b & 0xff));
        yield out;
      }
      default -> throw new FunctionException(String.format(format, GoTypes.kind(value)));
    };
  }

  static Object first(Object list) {
    List<?> l = elements(list, "Cannot find first on type %s");
    return l.isEmpty() ? null : l.get(0);
  }

  static Object last(Object list) {
    List<?> l = elements(list, "Cannot find last on type %s");
    return l.isEmpty() ? null : l.get(l.size() - 1);
  }

  static List<Object> rest(Object list) {
    List<?> l = elements(list, "Cannot find rest on type %s");
    return l.isEmpty() ? new ArrayList<>() : new ArrayList<>(l.subList(1, l.size()));
  }

  static List<Object> initial(Object list) {
    List<?> l = elements(list, "Cannot find initial on type %s");
    return l.isEmpty() ? new ArrayList<>() : new ArrayList<>(l.subList(0, l.size() - 1));
  }

  static List<Object> push(Object list, Object value) {
    List<Object> out = new ArrayList<>(elements(list, "Cannot push on type %s"));
    out.add(value);
    return out;
  }

  static List<Object> prepend(Object list, Object value) {
    List<?> l = elements(list, "Cannot prepend on type %s");
    List<Object> out = new ArrayList<>(l.size() + 1);
    out.add(value);
    out.addAll(l);
    return out;
  }

  static List<Object> concat(Object[] lists) {
    List<Object> out = new ArrayList<>();
    for (Object list : lists) out.addAll(elements(list, "Cannot concat type %s as list"));
    return out;
  }

  static List<Object> reverse(Object list) {
    List<Object> out = new ArrayList<>(elements(list, "Cannot find reverse on type %s"));
    java.util.Collections.reverse(out);
    return out;
  }

  // Helm compat: uniq and without compare with reflect.DeepEqual, so 1, 1.0 and "1" all differ.
  static List<Object> uniq(Object list) {
    List<Object> out = new ArrayList<>();
    for (Object item : elements(list, "Cannot find uniq on type %s")) {
      if (!contains(out, item)) out.add(item);
    }
    return out;
  }

  static List<Object> without(Object[] args) {
    List<Object> omit = Arrays.asList(args).subList(1, args.length);
    List<Object> out = new ArrayList<>();
    for (Object item : elements(args[0], "Cannot find without on type %s")) {
      if (!contains(omit, item)) out.add(item);
    }
    return out;
  }

  static boolean has(Object needle, Object haystack) {
    if (haystack == null) return false;
    return contains(elements(haystack, "Cannot find has on type %s"), needle);
  }

  private static boolean contains(List<?> list, Object item) {
    for (Object element : list) if (ConversionFunctions.deepEqual(element, item)) return true;
    return false;
  }

  static Object slice(Object[] args) {
    Object list = args[0];
    List<?> l = elements(list, "list should be type of slice or array but %s");
    if (l.isEmpty()) return null;
    long start = args.length > 1 ? GoCasts.toInt64(args[1]) : 0;
    long end = args.length > 2 ? GoCasts.toInt64(args[2]) : l.size();
    if (start < 0 || end < start || end > l.size()) {
      throw new FunctionException("reflect.Value.Slice: slice index out of bounds");
    }
    if (list instanceof GoSlice slice) return slice.slice((int) start, (int) end);
    if (list instanceof byte[] bytes) return Arrays.copyOfRange(bytes, (int) start, (int) end);
    List<?> part = l.subList((int) start, (int) end);
    return new ArrayList<>(part);
  }

  static List<Object> compact(Object list) {
    List<Object> out = new ArrayList<>();
    for (Object item : elements(list, "Cannot compact on type %s")) {
      if (!DefaultFunctions.isEmpty(item)) out.add(item);
    }
    return out;
  }

  // Sprig computes the chunk count in float64, so a size of 0 or below ends in a makeslice panic.
  static GoSlice chunk(long size, Object list) {
    List<?> l = elements(list, "Cannot chunk type %s");
    long count = GoCasts.floatToInt64(Math.floor((double) (l.size() - 1) / (double) size)) + 1;
    if (count < 0) throw new FunctionException("runtime error: makeslice: len out of range");
    List<List<Object>> out = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      long length = size;
      if (i == count - 1) {
        length = (long) Math.floor(l.size() % (double) size);
        if (length == 0) length = size;
      }
      if (length < 0) throw new FunctionException("runtime error: makeslice: len out of range");
      List<Object> part = new ArrayList<>();
      for (long j = 0; j < length; j++) part.add(l.get((int) (i * size + j)));
      out.add(part);
    }
    return GoSlice.ofLists(out);
  }
}
