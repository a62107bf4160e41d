package io.ocihelm.template.function;

import io.ocihelm.template.value.GoStringOrder;

import io.ocihelm.template.fmt.GoFmt;
import io.ocihelm.template.value.GoTypes;
import io.ocihelm.template.value.Int64;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * text/template's comparison builtins {@code eq ne lt le gt ge}, with Go's rules: operands compare
 * by basic kind (bool, int of any size, float, string), never across kinds ("incompatible types
 * for comparison: float64 and int", so {@code eq .Values.replicas 1} fails because values are
 * float64), nil equals only nil, and only {@code eq} takes several right-hand operands.
 */
public final class ComparisonFunctions {
  private ComparisonFunctions() {}

  private static final String BAD_TYPE = "invalid type for comparison";
  private static final String NO_COMPARISON = "missing argument for comparison";

  public static void register(FunctionRegistry registry) {
    registry.register("eq", FunctionSignature.variadic(GoType.ANY, GoType.ANY), ComparisonFunctions::eq);
    registry.register("ne", FunctionSignature.of(GoType.ANY, GoType.ANY), ComparisonFunctions::ne);
    registry.register("lt", FunctionSignature.of(GoType.ANY, GoType.ANY), ComparisonFunctions::lt);
    registry.register("le", FunctionSignature.of(GoType.ANY, GoType.ANY), ComparisonFunctions::le);
    registry.register("gt", FunctionSignature.of(GoType.ANY, GoType.ANY), ComparisonFunctions::gt);
    registry.register("ge", FunctionSignature.of(GoType.ANY, GoType.ANY), ComparisonFunctions::ge);
  }

  /** Go's basic kinds for comparison; OTHER covers nil, maps, slices and structs. */
  private enum Kind { BOOL, INT, FLOAT, STRING, OTHER }

  private static Kind kind(Object v) {
    return switch (v) {
      case Boolean b -> Kind.BOOL;
      case Long l -> Kind.INT;
      case Int64 i -> Kind.INT;
      case Double d -> Kind.FLOAT;
      case String s -> Kind.STRING;
      case null, default -> Kind.OTHER;
    };
  }

  private static long intValue(Object v) {
    return v instanceof Int64 i ? i.value() : (Long) v;
  }

  static Object eq(CallContext context, Object[] args) {
    return equal(args);
  }

  /** {@code eq arg1 arg2...}: true when arg1 equals any of the others, checked left to right. */
  public static boolean equal(Object... args) {
    if (args.length < 2) {
      throw new FunctionException(NO_COMPARISON);
    }
    Object a = args[0];
    Kind k1 = kind(a);
    for (int i = 1; i < args.length; i++) {
      Object b = args[i];
      Kind k2 = kind(b);
      boolean truth;
      if (k1 != k2) {
        // Different kinds never compare, but a nil operand is simply unequal.
        if (a != null && b != null) {
          throw incompatible(a, b);
        }
        truth = false;
      } else {
        truth = switch (k1) {
          case BOOL -> a.equals(b);
          case INT -> intValue(a) == intValue(b);
          case FLOAT -> (double) (Double) a == (double) (Double) b;
          case STRING -> a.equals(b);
          case OTHER -> equalOther(a, b);
        };
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  /** Non-basic operands: nil compares with anything; otherwise the Go types must be comparable. */
  private static boolean equalOther(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    String t1 = GoTypes.typeName(a);
    String t2 = GoTypes.typeName(b);
    if (!sameKind(a, b)) {
      throw new FunctionException("non-comparable types " + GoFmt.sprintf("%s", a) + ": " + t1 + ", " + t2
          + ": " + GoFmt.sprint(b));
    }
    if (!comparable(b)) {
      throw new FunctionException("non-comparable type " + GoFmt.sprintf("%s", b) + ": " + t2);
    }
    if (!t1.equals(t2)) {
      return false;
    }
    if (a instanceof ZonedDateTime x && b instanceof ZonedDateTime y) {
      // Go compares time.Time structs field by field: same instant and same location
      return x.toInstant().equals(y.toInstant()) && x.getZone().equals(y.getZone());
    }
    return a.equals(b);
  }

  private static boolean sameKind(Object a, Object b) {
    return GoTypes.kind(a).equals(GoTypes.kind(b));
  }

  /** Slices, maps and []byte are not comparable in Go; structs here are. */
  private static boolean comparable(Object v) {
    return !(v instanceof List<?> || v instanceof Map<?, ?> || v instanceof byte[]);
  }

  private static FunctionException incompatible(Object a, Object b) {
    return new FunctionException(
        "incompatible types for comparison: " + GoTypes.typeName(a) + " and " + GoTypes.typeName(b));
  }

  static Object ne(CallContext context, Object[] args) {
    return !equal(args[0], args[1]);
  }

  /** {@code lt a b}: ints, floats and strings only ("invalid type for comparison" otherwise). */
  public static boolean less(Object a, Object b) {
    Kind k1 = kind(a);
    if (k1 == Kind.OTHER) {
      throw new FunctionException(BAD_TYPE);
    }
    Kind k2 = kind(b);
    if (k2 == Kind.OTHER) {
      throw new FunctionException(BAD_TYPE);
    }
    if (k1 != k2) {
      throw incompatible(a, b);
    }
    return switch (k1) {
      case BOOL, OTHER -> throw new FunctionException(BAD_TYPE);
      case INT -> intValue(a) < intValue(b);
      case FLOAT -> (Double) a < (Double) b;
      case STRING -> GoStringOrder.compare((String) a, (String) b) < 0;
    };
  }

  static Object lt(CallContext context, Object[] args) {
    return less(args[0], args[1]);
  }

  static Object le(CallContext context, Object[] args) {
    return less(args[0], args[1]) || equal(args[0], args[1]);
  }

  static Object gt(CallContext context, Object[] args) {
    return !(less(args[0], args[1]) || equal(args[0], args[1]));
  }

  static Object ge(CallContext context, Object[] args) {
    return !less(args[0], args[1]);
  }
}
