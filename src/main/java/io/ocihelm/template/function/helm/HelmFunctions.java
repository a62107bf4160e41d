package io.ocihelm.template.function.helm;

import io.ocihelm.template.fmt.GoStrconv;

import static io.ocihelm.template.function.GoType.ANY;
import static io.ocihelm.template.function.GoType.STRING;

import io.ocihelm.codec.CodecException;
import io.ocihelm.codec.GoJson;
import io.ocihelm.codec.GoToml;
import io.ocihelm.codec.GoTomlReader;
import io.ocihelm.codec.GoYaml;
import io.ocihelm.codec.GoYamlReader;
import io.ocihelm.template.TemplateException;
import io.ocihelm.template.function.CallContext;
import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Helm's own template functions (pkg/engine/funcs.go and engine.go) plus the Sprig JSON printers
 * Helm keeps: YAML/JSON/TOML conversion, {@code include}, {@code tpl}, {@code required}, {@code
 * fail}, {@code lookup} and {@code getHostByName}. The conversions live in {@code io.ocihelm.codec};
 * this class only gives them Helm's names and error behaviour.
 */
public final class HelmFunctions {
  private HelmFunctions() {}


  /** The name Helm gives templates parsed by {@code tpl}; it shows in their error messages. */
  public static final String TPL_NAME = "gotpl";

  /** The environment the non-hermetic functions see. */
  public record Options(LookupBackend lookup, boolean dnsEnabled) {
    /** helm template's defaults: no cluster, no DNS. */
    public static final Options TEMPLATE = new Options(LookupBackend.NONE, false);
  }

  public static void register(FunctionRegistry registry) {
    register(registry, Options.TEMPLATE);
  }

  public static void register(FunctionRegistry registry, Options options) {
    FunctionSignature anyToString = FunctionSignature.of(ANY);
    FunctionSignature stringIn = FunctionSignature.of(STRING);

    registry.register("toYaml", anyToString, (ctx, a) -> toYaml(a[0]));
    registry.register("mustToYaml", anyToString, (ctx, a) -> mustToYaml(a[0]));
    registry.register("toYamlPretty", anyToString, (ctx, a) -> toYamlPretty(a[0]));
    registry.register("fromYaml", stringIn, (ctx, a) -> fromYaml((String) a[0]));
    registry.register("fromYamlArray", stringIn, (ctx, a) -> fromYamlArray((String) a[0]));

    registry.register("toJson", anyToString, (ctx, a) -> toJson(a[0]));
    registry.register("mustToJson", anyToString, (ctx, a) -> mustToJson(a[0]));
    registry.register("toPrettyJson", anyToString, (ctx, a) -> toPrettyJson(a[0]));
    registry.register("mustToPrettyJson", anyToString, (ctx, a) -> mustToPrettyJson(a[0]));
    registry.register("toRawJson", anyToString, (ctx, a) -> mustToRawJson(a[0]));
    registry.register("mustToRawJson", anyToString, (ctx, a) -> mustToRawJson(a[0]));
    registry.register("fromJson", stringIn, (ctx, a) -> fromJson((String) a[0]));
    registry.register("fromJsonArray", stringIn, (ctx, a) -> fromJsonArray((String) a[0]));
    registry.register("mustFromJson", stringIn, (ctx, a) -> mustFromJson((String) a[0]));

    registry.register("toToml", anyToString, (ctx, a) -> toToml(a[0]));
    registry.register("fromToml", stringIn, (ctx, a) -> fromToml((String) a[0]));

    registry.register("include", FunctionSignature.of(STRING, ANY), (ctx, a) -> include(ctx, (String) a[0], a[1]));
    registry.register("tpl", FunctionSignature.of(STRING, ANY), (ctx, a) -> tpl(ctx, (String) a[0], a[1]));
    registry.register("required", FunctionSignature.of(STRING, ANY), (ctx, a) -> required((String) a[0], a[1]));
    registry.register("fail", stringIn, (ctx, a) -> fail((String) a[0]));
    registry.register("lookup", FunctionSignature.of(STRING, STRING, STRING, STRING),
        (ctx, a) -> options.lookup().lookup((String) a[0], (String) a[1], (String) a[2], (String) a[3]));
    registry.register("getHostByName", stringIn, (ctx, a) -> getHostByName((String) a[0], options.dnsEnabled()));
  }

  // --- YAML ---

  private static String trimFinalNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }

  // Helm compat: toYaml swallows marshalling errors and prints nothing.
  public static String toYaml(Object value) {
    try {
      return trimFinalNewline(GoYaml.marshal(value));
    } catch (CodecException e) {
      return "";
    }
  }

  public static String mustToYaml(Object value) {
    try {
      return trimFinalNewline(GoYaml.marshal(value));
    } catch (CodecException e) {
      throw new FunctionException(e.getMessage());
    }
  }

  public static String toYamlPretty(Object value) {
    return trimFinalNewline(GoYaml.marshalPretty(value));
  }

  // Helm compat: fromYaml reports errors inside the map, under "Error".
  public static Map<String, Object> fromYaml(String text) {
    try {
      return GoYamlReader.readMap(text);
    } catch (CodecException e) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Error", e.getMessage());
      return m;
    }
  }

  // Helm compat: fromYamlArray replaces the result with a one-element list holding the error.
  public static List<Object> fromYamlArray(String text) {
    try {
      return GoYamlReader.readList(text);
    } catch (CodecException e) {
      List<Object> l = new ArrayList<>();
      l.add(e.getMessage());
      return l;
    }
  }

  // --- JSON ---

  // Helm compat: toJson swallows marshalling errors (NaN) and prints nothing.
  public static String toJson(Object value) {
    try {
      return GoJson.marshal(value);
    } catch (CodecException e) {
      return "";
    }
  }

  public static String mustToJson(Object value) {
    try {
      return GoJson.marshal(value);
    } catch (CodecException e) {
      throw new FunctionException(e.getMessage());
    }
  }

  public static String toPrettyJson(Object value) {
    try {
      return GoJson.marshalIndent(value);
    } catch (CodecException e) {
      return "";
    }
  }

  public static String mustToPrettyJson(Object value) {
    try {
      return GoJson.marshalIndent(value);
    } catch (CodecException e) {
      throw new FunctionException(e.getMessage());
    }
  }

  // Helm compat: Sprig's toRawJson panics where toJson returns "", so both raw forms fail alike.
  public static String mustToRawJson(Object value) {
    try {
      return GoJson.marshalRaw(value);
    } catch (CodecException e) {
      throw new FunctionException(e.getMessage());
    }
  }

  public static Map<String, Object> fromJson(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    try {
      Object value = GoJson.unmarshal(text);
      if (value instanceof Map<?, ?> map) {
        for (var e : map.entrySet()) {
          m.put((String) e.getKey(), e.getValue());
        }
      } else if (value != null) {
        m.put("Error", "json: cannot unmarshal " + GoYamlReader.jsonKind(value)
            + " into Go value of type map[string]interface {}");
      }
    } catch (CodecException e) {
      m.put("Error", e.getMessage());
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  public static List<Object> fromJsonArray(String text) {
    try {
      Object value = GoJson.unmarshal(text);
      if (value == null) {
        return new ArrayList<>();
      }
      if (value instanceof List<?> list) {
        return (List<Object>) list;
      }
      List<Object> l = new ArrayList<>();
      l.add("json: cannot unmarshal " + GoYamlReader.jsonKind(value) + " into Go value of type []interface {}");
      return l;
    } catch (CodecException e) {
      List<Object> l = new ArrayList<>();
      l.add(e.getMessage());
      return l;
    }
  }

  public static Object mustFromJson(String text) {
    try {
      return GoJson.unmarshal(text);
    } catch (CodecException e) {
      throw new FunctionException(e.getMessage());
    }
  }

  // --- TOML ---

  public static String toToml(Object value) {
    try {
      return GoToml.marshal(value);
    } catch (CodecException e) {
      // Helm compat: toToml prints the encoder's error as its result.
      return e.getMessage();
    }
  }

  public static Map<String, Object> fromToml(String text) {
    try {
      return GoTomlReader.read(text);
    } catch (CodecException e) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Error", e.getMessage());
      return m;
    }
  }

  // --- templates ---

  /** Helm's cap on how deeply one template name may include itself (recursionMaxNums). */
  static final int MAX_NESTED_INCLUDES = 1000;

  /**
   * How many executions of each template name are in progress through include on this thread.
   * Helm keeps this count per render; a render runs on one thread and every include decrements
   * what it incremented, so a per-thread count is the same number.
   */
  private static final ThreadLocal<Map<String, Integer>> INCLUDED_NAMES = ThreadLocal.withInitial(HashMap::new);

  private static String include(CallContext ctx, String name, Object data) {
    Map<String, Integer> included = INCLUDED_NAMES.get();
    int nesting = included.getOrDefault(name, 0);
    if (nesting > MAX_NESTED_INCLUDES) {
      throw new FunctionException("rendering template has a nested reference name: " + name
          + ": unable to execute template");
    }
    included.put(name, nesting + 1);
    try {
      return ctx.executeTemplate(name, data);
    } finally {
      if (nesting == 0) {
        included.remove(name);
      } else {
        included.put(name, nesting);
      }
    }
  }

  private static String tpl(CallContext ctx, String text, Object data) {
    String out;
    try {
      out = ctx.parseAndExecute(TPL_NAME, text, data);
    } catch (TemplateException e) {
      if (e.kind() == TemplateException.Kind.LIMIT) {
        throw e;
      }
      // Go's own error text, not Helm's rewriting of it: Helm rewrites once, at the top.
      String prefix = e.kind() == TemplateException.Kind.PARSE
          ? "cannot parse template " : "error during tpl function execution for ";
      throw new FunctionException(prefix + GoStrconv.quote(text) + ": " + e.goMessage(), e);
    }
    // Helm compat: tpl removes "<no value>" from its own output too.
    return out.replace("<no value>", "");
  }

  // Helm compat: only nil and "" count as missing; 0, false and empty collections pass.
  private static Object required(String warning, Object value) {
    if (value == null || "".equals(value)) {
      throw new FunctionException(TemplateException.helmWarning(warning));
    }
    return value;
  }

  private static String fail(String message) {
    throw new FunctionException(TemplateException.helmWarning(message));
  }

  private static String getHostByName(String name, boolean dnsEnabled) {
    if (!dnsEnabled) {
      return "";
    }
    try {
      InetAddress[] addresses = InetAddress.getAllByName(name);
      return addresses[ThreadLocalRandom.current().nextInt(addresses.length)].getHostAddress();
    } catch (UnknownHostException e) {
      return "";
    }
  }

}
