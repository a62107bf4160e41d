package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.ANY;
import static io.ocihelm.template.function.GoType.BOOL;

import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.Int64;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** Sprig's default/empty/coalesce/ternary/all/any, all built on Sprig's notion of "empty". */
public final class DefaultFunctions {
  private DefaultFunctions() {}

  public static void register(FunctionRegistry registry) {
    FunctionSignature anyVariadic = FunctionSignature.variadic(ANY);
    registry
        .register(
            "default",
            FunctionSignature.variadic(ANY, ANY),
            (c, a) -> a.length < 2 || isEmpty(a[1]) ? a[0] : a[1])
        .register("empty", FunctionSignature.of(ANY), (c, a) -> isEmpty(a[0]))
        .register("coalesce", anyVariadic, (c, a) -> coalesce(a))
        .register("ternary", FunctionSignature.of(ANY, ANY, BOOL), (c, a) -> (Boolean) a[2] ? a[0] : a[1])
        .register("all", anyVariadic, (c, a) -> all(a))
        .register("any", anyVariadic, (c, a) -> any(a));
  }

  /**
   * Sprig's {@code empty}: nil, false, zero numbers, and empty strings, lists and maps are empty;
   * structs (dates) and pointers never are.
   */
  // Helm compat: so `default true .Values.flag` can never give false.
  static boolean isEmpty(Object value) {
    return switch (value) {
      case null -> true;
      case Boolean b -> !b;
      case Long l -> l == 0;
      case Int64 i -> i.value() == 0;
      case Double d -> d == 0;
      case String s -> s.isEmpty();
      case List<?> l -> l.isEmpty();
      case byte[] b -> b.length == 0;
      case Map<?, ?> m -> m.isEmpty();
      case ZonedDateTime t -> false;
      case GoObject o -> false;
      default -> false;
    };
  }

  private static Object coalesce(Object[] values) {
    for (Object v : values) if (!isEmpty(v)) return v;
    return null;
  }

  private static boolean all(Object[] values) {
    for (Object v : values) if (isEmpty(v)) return false;
    return true;
  }

  private static boolean any(Object[] values) {
    for (Object v : values) if (!isEmpty(v)) return true;
    return false;
  }
}
