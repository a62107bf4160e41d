package io.ocihelm.template.value;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/** Go type questions about Java values of the {@linkplain io.ocihelm.template.value values model}. */
public final class GoTypes {
  private GoTypes() {}

  /** The type name as Go's {@code %T} prints it; {@code <nil>} for nil. */
  public static String typeName(Object value) {
    return switch (value) {
      case null -> "<nil>";
      // First: a named Go type may be a map or slice underneath (engine.files, common.VersionSet).
      case GoObject o -> o.goTypeName();
      case String s -> "string";
      case Boolean b -> "bool";
      case Long l -> "int";
      case Int64 i -> "int64";
      case Double d -> "float64";
      case GoSlice s -> s.goTypeName();
      case List<?> l -> "[]interface {}";
      case byte[] b -> "[]uint8";
      case NamedMap m -> m.goTypeName();
      case Map<?, ?> m -> "map[string]interface {}";
      case ZonedDateTime t -> "time.Time";
      default -> throw new IllegalArgumentException("not a template value: " + value.getClass().getName());
    };
  }

  /** The reflect kind as Sprig's {@code kindOf} prints it; {@code invalid} for nil. */
  public static String kind(Object value) {
    return switch (value) {
      case null -> "invalid";
      case String s -> "string";
      case Boolean b -> "bool";
      case Long l -> "int";
      case Int64 i -> "int64";
      case Double d -> "float64";
      case List<?> l -> "slice";
      case byte[] b -> "slice";
      case Map<?, ?> m -> "map";
      case ZonedDateTime t -> "struct";
      case GoObject o -> o.goKind();
      default -> throw new IllegalArgumentException("not a template value: " + value.getClass().getName());
    };
  }
}
