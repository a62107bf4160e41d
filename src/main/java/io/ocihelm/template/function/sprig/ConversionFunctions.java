package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.ANY;
import static io.ocihelm.template.function.GoType.STRING;

import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.value.GoTypes;
import io.ocihelm.template.value.Int64;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Sprig's reflection (kindOf/kindIs/typeOf/typeIs/typeIsLike/deepEqual) and number casts
 * (int/int64/float64/atoi/toDecimal). Each cast follows its own Go routine, so they disagree on
 * purpose: {@code int "010"} is 8 (base prefixes), {@code atoi "010"} is 10, {@code toDecimal}
 * reads octal.
 */
public final class ConversionFunctions {
  private ConversionFunctions() {}

  public static void register(FunctionRegistry registry) {
    FunctionSignature one = FunctionSignature.of(ANY);
    FunctionSignature targetAndValue = FunctionSignature.of(STRING, ANY);
    registry
        .register("kindOf", one, (c, a) -> GoTypes.kind(a[0]))
        .register("kindIs", targetAndValue, (c, a) -> a[0].equals(GoTypes.kind(a[1])))
        .register("typeOf", one, (c, a) -> GoTypes.typeName(a[0]))
        .register("typeIs", targetAndValue, (c, a) -> a[0].equals(GoTypes.typeName(a[1])))
        .register(
            "typeIsLike",
            targetAndValue,
            (c, a) -> {
              String type = GoTypes.typeName(a[1]);
              return a[0].equals(type) || ("*" + a[0]).equals(type);
            })
        .register("deepEqual", FunctionSignature.of(ANY, ANY), (c, a) -> deepEqual(a[0], a[1]))
        .register("int", one, (c, a) -> GoCasts.toInt64(a[0]))
        .register("int64", one, (c, a) -> Int64.of(GoCasts.toInt64(a[0])))
        .register("float64", one, (c, a) -> GoCasts.toFloat64(a[0]))
        .register("atoi", FunctionSignature.of(STRING), (c, a) -> atoi((String) a[0]))
        .register("toDecimal", one, (c, a) -> Int64.of(toDecimal(a[0])));
  }

  // Helm compat: atoi ignores Atoi's error, which still carries the value clamped on overflow.
  static long atoi(String s) {
    GoCasts.ParsedInt parsed = GoCasts.parseIntWithRange(s, 10);
    return parsed == null ? 0 : parsed.value();
  }

  // Sprig's toDecimal reads the %v text of any value as an octal number; failures are 0.
  static long toDecimal(Object value) {
    Long parsed = GoCasts.parseInt(GoValueText.sprint(value), 8);
    return parsed == null ? 0 : parsed;
  }

  /** Go's reflect.DeepEqual over the values model: types must match exactly (int is not int64). */
  static boolean deepEqual(Object a, Object b) {
    if (a == null || b == null) return a == b;
    if (!GoTypes.typeName(a).equals(GoTypes.typeName(b))) return false;
    return switch (a) {
      case Double d -> d.doubleValue() == (Double) b;
      case byte[] bytes -> Arrays.equals(bytes, (byte[]) b);
      case List<?> list -> {
        List<?> other = (List<?>) b;
        if (list.size() != other.size()) yield false;
        for (int i = 0; i < list.size(); i++) if (!deepEqual(list.get(i), other.get(i))) yield false;
        yield true;
      }
      case Map<?, ?> map -> {
        Map<?, ?> other = (Map<?, ?>) b;
        if (map.size() != other.size()) yield false;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!other.containsKey(e.getKey()) || !deepEqual(e.getValue(), other.get(e.getKey()))) yield false;
        }
        yield true;
      }
      default -> Objects.equals(a, b);
    };
  }
}
