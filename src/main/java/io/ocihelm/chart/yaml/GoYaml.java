package io.ocihelm.chart.yaml;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.scanner.ScannerException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads YAML into Go values exactly as Helm does with {@code sigs.k8s.io/yaml}: the text is read
 * the yaml.v2 way (YAML 1.1 scalars: {@code yes/no/on/off/y/n} are booleans, also as keys; 0777
 * is octal; timestamps stay strings), converted to JSON and decoded again, so every number comes
 * out a {@link Double} (Go float64) and every map key a {@link String}.
 *
 * <p>Value model: null, {@link String}, {@link Boolean}, {@link Double}, {@link List}, {@link
 * Map} (insertion ordered; Go prints maps sorted, which is the printer's business). Used for
 * values files, Chart.yaml, and the {@code fromYaml} template function.
 */
public final class GoYaml {

  private static final Pattern YAML_STYLE_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
  private static final Pattern GO_INT_BASE0 =
      Pattern.compile("^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
              + "(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
              + "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$");

  private GoYaml() {}

  /**
   * The first document of {@code text} as a Go value (null for an empty stream).
   *
   * @throws YamlException worded like sigs.k8s.io/yaml: {@code error converting YAML to JSON: …}
   */
  public static Object read(String text) {
    Node node = compose(text);
    if (node == null) {
      return null;
    }
    return new Converter().value(node);
  }

  /**
   * The first document as a map, as {@code yaml.Unmarshal(data, &map[string]interface{})} gives
   * it: an empty stream or {@code null} is an empty map, any other non-map is an error.
   */
  public static Map<String, Object> readMap(String text) {
    Object value = read(text);
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) map;
      return result;
    }
    throw new YamlException(
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
            + jsonKind(value)
            + " into Go value of type map[string]interface {}");
  }

  /** JSON's name for a value's kind, as encoding/json words it in type errors. */
  public static String jsonKind(Object value) {
    if (value instanceof List<?>) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Map<?, ?>) {
      return "object";
    }
    return "null";
  }

  private static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(10_000);
    options.setCodePointLimit(64 * 1024 * 1024);
    options.setNestingDepthLimit(10_000);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new VerbatimResolver());
    try {
      Iterator<Node> docs = yaml.composeAll(new StringReader(text)).iterator();
      // Helm compat: yaml.v2 Unmarshal reads only the first document and never looks further.
      return docs.hasNext() ? docs.next() : null;
    } catch (MarkedYAMLException e) {
      throw new YamlException("error converting YAML to JSON: yaml: " + goMessage(e));
    } catch (YAMLException e) {
      throw new YamlException("error converting YAML to JSON: yaml: " + e.getMessage());
    }
  }

  /** Rewords SnakeYAML's errors into libyaml's (which yaml.v2 reports) with its line rule. */
  private static String goMessage(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String message;
    if (problem.startsWith("expected <block end>")) {
      message =
          context.contains("block collection") ? "did not find expected '-' indicator" : "did not find expected key";
    } else if (problem.startsWith("mapping values are not allowed")) {
      message = "mapping values are not allowed in this context";
    } else if (problem.contains("that cannot start any token")) {
      message = "found character that cannot start any token";
    } else if (problem.startsWith("could not find expected ':'")) {
      message = "could not find expected ':'";
    } else if (problem.startsWith("expected ',' or ']'")) {
      message = "did not find expected ',' or ']'";
    } else if (problem.startsWith("expected ',' or '}'")) {
      message = "did not find expected ',' or '}'";
    } else if (problem.startsWith("found undefined alias")) {
      message = "unknown anchor '" + problem.substring("found undefined alias ".length()) + "' referenced";
    } else if (problem.startsWith("expected the node content")) {
      message = "did not find expected node content";
    } else {
      message = problem;
    }
    var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    int line = mark == null ? 0 : mark.getLine();
    // Helm compat: libyaml reports scanner errors one line further than parser errors.
    if (e instanceof ScannerException) {
      line++;
    }
    if (line == 0 && e.getContextMark() != null && !(e instanceof ComposerException)) {
      line = e.getContextMark().getLine();
    }
    return (line != 0 ? "line " + line + ": " : "") + message;
  }

  /** Leaves every scalar untyped so that yaml.v2's own rules can be applied in {@link Converter}. */
  private static final class VerbatimResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {}
  }

  private static final class Converter {
    private final Set<Node> inProgress = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    Object value(Node node) {
      return json(yamlValue(node));
    }

    /** yaml.v2's decoding into interface{}: YAML 1.1 scalar resolution. */
    private Object yamlValue(Node node) {
      return switch (node) {
        case ScalarNode scalar -> scalar(scalar);
        case SequenceNode seq -> {
          guard(seq);
          List<Object> list = new ArrayList<>(seq.getValue().size());
          for (Node item : seq.getValue()) {
            list.add(yamlValue(item));
          }
          inProgress.remove(seq);
          yield list;
        }
        case MappingNode mapping -> {
          guard(mapping);
          Map<Object, Object> map = new LinkedHashMap<>();
          mapping(mapping, map);
          inProgress.remove(mapping);
          yield map;
        }
        default -> throw new YamlException("error converting YAML to JSON: yaml: unsupported node");
      };
    }

    private void guard(Node node) {
      if (!inProgress.add(node)) {
        throw new YamlException("error converting YAML to JSON: yaml: anchor '' value contains itself");
      }
    }

    private void mapping(MappingNode mapping, Map<Object, Object> out) {
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (keyNode instanceof ScalarNode k
            && k.isPlain()
            && k.getValue().equals("<<")) {
          merge(tuple.getValueNode(), out);
          continue;
        }
        out.put(yamlValue(keyNode), yamlValue(tuple.getValueNode()));
      }
    }

    /** yaml.v2 merge keys: applied in place, a list merged last-to-first so earlier ones win. */
    private void merge(Node node, Map<Object, Object> out) {
      if (node instanceof MappingNode m) {
        guard(m);
        mapping(m, out);
        inProgress.remove(m);
      } else if (node instanceof SequenceNode seq) {
        List<Node> items = seq.getValue();
        for (int i = items.size() - 1; i >= 0; i--) {
          if (!(items.get(i) instanceof MappingNode m)) {
            throw new YamlException(
                "error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value");
          }
          mapping(m, out);
        }
      } else {
        throw new YamlException(
            "error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value");
      }
    }

    private Object scalar(ScalarNode node) {
      String text = node.getValue();
      if (!node.isPlain()) {
        return text;
      }
      Tag tag = node.getTag();
      if (!tag.equals(Tag.STR) && !tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT)
          && !tag.equals(Tag.BOOL) && !tag.equals(Tag.NULL) && !tag.equals(Tag.TIMESTAMP)) {
        return text;
      }
      return resolvePlain(text);
    }

    /** sigs.k8s.io/yaml's YAML→JSON→Go step: numbers become float64, keys strings. */
    private Object json(Object v) {
      if (v instanceof Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : map.entrySet()) {
          out.put(jsonKey(e.getKey(), e.getValue()), json(e.getValue()));
        }
        return out;
      }
      if (v instanceof List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object item : list) {
          out.add(json(item));
        }
        return out;
      }
      if (v instanceof Long l) {
        return (double) l;
      }
      if (v instanceof BigInteger b) {
        return b.doubleValue();
      }
      if (v instanceof Double d) {
        if (d.isNaN()) {
          throw new YamlException("error converting YAML to JSON: json: unsupported value: NaN");
        }
        if (d.isInfinite()) {
          throw new YamlException(
              "error converting YAML to JSON: json: unsupported value: " + (d > 0 ? "+Inf" : "-Inf"));
        }
        return d;
      }
      return v;
    }

    private String jsonKey(Object key, Object value) {
      return switch (key) {
        case String s -> s;
        case Boolean b -> b.toString();
        case Long l -> l.toString();
        case BigInteger b -> b.toString();
        case Double d -> float32Key(d);
        case null ->
            throw new YamlException(
                "error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: "
                    + goPrint(value));
        default ->
            throw new YamlException(
                "error converting YAML to JSON: unsupported map key of type: " + goTypeName(key)
                    + ", key: " + goPrint(key) + ", value: " + goPrint(value));
      };
    }
  }

  /** yaml.v2's resolution of a plain scalar (resolve.go), before the JSON step. */
  static Object resolvePlain(String in) {
    switch (in) {
      case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
        return Boolean.TRUE;
      case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
        return Boolean.FALSE;
      case "", "~", "null", "Null", "NULL":
        return null;
      case ".nan", ".NaN", ".NAN":
        return Double.NaN;
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
        return Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF":
        return Double.NEGATIVE_INFINITY;
      default:
        break;
    }
    char first = in.charAt(0);
    if (first == '.') {
      return parseGoFloat(in);
    }
    if (first != '+' && first != '-' && (first < '0' || first > '9')) {
      return in;
    }
    if (TIMESTAMP.matcher(in).matches()) {
      // Helm compat: yaml.v2 hands timestamps to interface{} as the original string.
      return in;
    }
    String plain = in.replace("_", "");
    Object integer = parseGoIntBase0(plain);
    if (integer != null) {
      return integer;
    }
    if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
      Object f = parseGoFloat(plain);
      if (f instanceof Double) {
        return f;
      }
    }
    return in;
  }

  /** strconv.ParseInt(s, 0, 64), falling back to ParseUint; null when neither accepts it. */
  private static Object parseGoIntBase0(String s) {
    if (!GO_INT_BASE0.matcher(s).matches()) {
      return null;
    }
    boolean negative = s.startsWith("-");
    String body = (s.startsWith("-") || s.startsWith("+")) ? s.substring(1) : s;
    int radix = 10;
    String digits = body;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x') {
        radix = 16;
        digits = body.substring(2);
      } else if (p == 'o') {
        radix = 8;
        digits = body.substring(2);
      } else if (p == 'b') {
        radix = 2;
        digits = body.substring(2);
      } else {
        radix = 8;
        digits = body.substring(1);
      }
    }
    BigInteger value = new BigInteger(digits.isEmpty() ? "0" : digits, radix);
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() <= 63) {
      return value.longValue();
    }
    if (!negative && value.bitLength() <= 64) {
      return value;
    }
    return null;
  }

  private static Object parseGoFloat(String s) {
    try {
      if (!s.matches("[-+]?[0-9.]*([eE][-+]?[0-9]+)?") || !s.matches(".*[0-9].*")) {
        return s;
      }
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return s;
    }
  }

  /** strconv.FormatFloat(f, 'g', -1, 32), which sigs.k8s.io/yaml uses for float map keys. */
  static String float32Key(double d) {
    return goG(new java.math.BigDecimal(Float.toString((float) d)));
  }

  private static String goG(java.math.BigDecimal bd) {
    if (bd.signum() == 0) {
      return "0";
    }
    bd = bd.stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1;
    // Go's shortest %g switches to an exponent from 1e+06 on.
    if (exp < -4 || exp >= 6) {
      String digits = bd.unscaledValue().abs().toString();
      String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      return (bd.signum() < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+")
          + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
    return bd.toPlainString();
  }

  private static String goTypeName(Object v) {
    if (v instanceof Map<?, ?>) {
      return "map[interface {}]interface {}";
    }
    if (v instanceof List<?>) {
      return "[]interface {}";
    }
    return v.getClass().getSimpleName();
  }

  private static String goPrint(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Long || v instanceof BigInteger) {
      return v.toString();
    }
    return String.valueOf(v);
  }
}
