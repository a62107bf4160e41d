package io.ocihelm.codec;

import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.Int64;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * YAML text exactly as Helm's two YAML printers write it.
 *
 * <ul>
 *   <li>{@link #marshal} is sigs.k8s.io/yaml's Marshal (Helm's {@code toYaml}): the value is first
 *       marshalled to JSON, that JSON is read back by yaml.v2 (so a float64 that JSON prints as
 *       {@code 1000000} becomes an int, {@code 1e+21} stays a float) and printed by yaml.v2.
 *   <li>{@link #marshalPretty} is a yaml.v3 encoder with indent 2 (Helm's {@code toYamlPretty}),
 *       which prints the value directly: floats in Go's {@code %g}, NaN as {@code .nan}.
 * </ul>
 */
public final class GoYaml {
  private GoYaml() {}

  /** sigs.k8s.io/yaml.Marshal; ends with a newline. Throws CodecException for NaN/Inf. */
  public static String marshal(Object value) {
    YamlEmitter.Node node;
    try {
      node = viaJson(value);
    } catch (CodecException e) {
      throw new CodecException("error marshaling into JSON: " + e.getMessage());
    }
    return YamlEmitter.emit(node, YamlEmitter.Dialect.V2);
  }

  /** yaml.v3 Encoder with SetIndent(2); ends with a newline. */
  public static String marshalPretty(Object value) {
    return YamlEmitter.emit(direct(value), YamlEmitter.Dialect.V3);
  }

  private static YamlEmitter.Scalar plain(String text) {
    return new YamlEmitter.Scalar(text, false);
  }

  /** The node yaml.v2 would build from the JSON text of {@code value}. */
  private static YamlEmitter.Node viaJson(Object value) {
    value = GoJson.jsonForm(value);
    return switch (value) {
      case null -> plain("null");
      case String s -> new YamlEmitter.Scalar(s, true);
      case Boolean b -> plain(b.toString());
      case Long l -> plain(l.toString());
      case Int64 i -> plain(Long.toString(i.value()));
      case Double d -> {
        if (d.isNaN() || d.isInfinite()) {
          throw new CodecException("json: unsupported value: " + GoFloats.formatG(d));
        }
        yield plain(jsonNumberAsYaml(GoFloats.formatJson(d)));
      }
      case List<?> list -> {
        List<YamlEmitter.Node> items = new ArrayList<>(list.size());
        for (Object item : list) {
          items.add(viaJson(item));
        }
        yield new YamlEmitter.Sequence(items);
      }
      case Map<?, ?> map -> mapping(map, GoYaml::viaJson);
      default -> throw new CodecException("json: unsupported type: " + value.getClass().getSimpleName());
    };
  }

  /** How yaml.v2 reads a JSON number back and prints it: ints as ints, others as %g floats. */
  private static String jsonNumberAsYaml(String json) {
    YamlScalars.Resolved r = YamlScalars.resolve(json);
    return switch (r.tag()) {
      case INT -> r.value().toString();
      case FLOAT -> formatYamlFloat((Double) r.value());
      default -> json;
    };
  }

  /** go-yaml's float spelling. */
  static String formatYamlFloat(double d) {
    String s = GoFloats.formatG(d);
    return switch (s) {
      case "+Inf" -> ".inf";
      case "-Inf" -> "-.inf";
      case "NaN" -> ".nan";
      default -> s;
    };
  }

  private static YamlEmitter.Mapping mapping(Map<?, ?> map, java.util.function.Function<Object, YamlEmitter.Node> convert) {
    List<String> keys = new ArrayList<>();
    for (Object k : map.keySet()) {
      keys.add(String.valueOf(k));
    }
    keys.sort(GoSort.YAML_KEY_ORDER);
    List<YamlEmitter.Entry> entries = new ArrayList<>(keys.size());
    for (String key : keys) {
      entries.add(new YamlEmitter.Entry(new YamlEmitter.Scalar(key, true), convert.apply(map.get(key))));
    }
    return new YamlEmitter.Mapping(entries);
  }

  /** The node yaml.v3 builds from the Go value itself. */
  private static YamlEmitter.Node direct(Object value) {
    return switch (value) {
      case null -> plain("null");
      case String s -> new YamlEmitter.Scalar(s, true);
      case Boolean b -> plain(b.toString());
      case Long l -> plain(l.toString());
      case Int64 i -> plain(Long.toString(i.value()));
      case Double d -> plain(formatYamlFloat(d));
      case ZonedDateTime t -> plain(GoJson.rfc3339Nano(t));
      case byte[] b -> new YamlEmitter.Scalar(new String(b, java.nio.charset.StandardCharsets.UTF_8), true);
      case GoObject o -> direct(o.jsonValue());
      case List<?> list -> {
        List<YamlEmitter.Node> items = new ArrayList<>(list.size());
        for (Object item : list) {
          items.add(direct(item));
        }
        yield new YamlEmitter.Sequence(items);
      }
      case Map<?, ?> map -> mapping(map, GoYaml::direct);
      default -> plain(String.valueOf(value));
    };
  }

  /** yaml.v3's resolution of a plain scalar (YAML 1.2 core schema plus go-yaml's extras). */
  static YamlScalars.Tag resolveV3(String in) {
    switch (in) {
      case "", "~", "null", "Null", "NULL":
        return YamlScalars.Tag.NULL;
      case "true", "True", "TRUE", "false", "False", "FALSE":
        return YamlScalars.Tag.BOOL;
      case ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF":
        return YamlScalars.Tag.FLOAT;
      case "<<":
        return YamlScalars.Tag.MERGE;
      default:
        break;
    }
    char hint = in.charAt(0);
    if (hint == '.') {
      return GoNumbers.parseFloat(in) != null ? YamlScalars.Tag.FLOAT : YamlScalars.Tag.STR;
    }
    if (hint == '+' || hint == '-' || (hint >= '0' && hint <= '9')) {
      if (YamlScalars.isTimestamp(in)) {
        return YamlScalars.Tag.TIMESTAMP;
      }
      String plain = in.replace("_", "");
      if (GoNumbers.parseInt(plain) != null || GoNumbers.parseUint(plain) != null) {
        return YamlScalars.Tag.INT;
      }
      if (plain.matches("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
          && GoNumbers.parseFloat(plain) != null) {
        return YamlScalars.Tag.FLOAT;
      }
    }
    return YamlScalars.Tag.STR;
  }
}
