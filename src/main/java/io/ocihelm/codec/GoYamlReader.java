package io.ocihelm.codec;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * Reads YAML the way Helm does (sigs.k8s.io/yaml over yaml.v2): YAML 1.1 scalars ({@code yes}/
 * {@code on}/{@code y} are booleans, also as keys; {@code 0777} is octal; {@code ~} is null),
 * anchors, aliases and {@code <<} merge keys, only the first document; then the JSON round trip,
 * so every number becomes a float64 ({@link Double}), keys become strings, and NaN/Inf fail. Errors
 * carry Helm's wording ({@code error converting YAML to JSON: yaml: ...}).
 *
 * <p>SnakeYAML supplies the YAML event stream (syntax); the meaning of each scalar is go-yaml's,
 * decided here with {@link YamlScalars}.
 */
public final class GoYamlReader {
  private GoYamlReader() {}

  /** The document's top-level value after the JSON round trip (null for an empty document). */
  public static Object read(String text) {
    Object yamlValue = readYaml(text);
    try {
      return new JsonRoundTrip().convert(yamlValue);
    } catch (CodecException e) {
      throw new CodecException("error converting YAML to JSON: " + e.getMessage());
    }
  }

  /**
   * The first document as yaml.v2 decodes it into interface{}, before the JSON round trip: map
   * keys of any scalar type, integers as Long (BigInteger beyond int64), floats as Double. For
   * callers that convert towards a typed target themselves ({@link JsonRoundTrip}).
   */
  public static Object readYaml(String text) {
    try {
      return new Builder(text).firstDocument();
    } catch (CodecException e) {
      throw new CodecException("error converting YAML to JSON: " + e.getMessage());
    }
  }

  /**
   * sigs.k8s.io/yaml's coercion of a YAML number or bool decoded towards a Go string field:
   * integers in decimal, floats with 32-bit shortest %g ({@code NaN}, {@code +Inf} spelled as Go
   * does), bools as true/false; null for any other value (which is not coerced).
   */
  public static String scalarAsGoString(Object yamlValue) {
    return switch (yamlValue) {
      case Long l -> l.toString();
      case BigInteger b -> b.toString();
      case Boolean b -> b.toString();
      case Double d -> d.isNaN() || d.isInfinite() ? GoFloats.formatG(d) : GoFloats.formatG(JsonRoundTrip.shortestFloat32(d));
      case null, default -> null;
    };
  }

  /** sigs.k8s.io/yaml.Unmarshal into a map[string]interface{}: the top level must be a mapping or null. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readMap(String text) {
    Object value = read(text);
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new CodecException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
        + jsonKind(value) + " into Go value of type map[string]interface {}");
  }

  /** sigs.k8s.io/yaml.Unmarshal into a []interface{}. */
  @SuppressWarnings("unchecked")
  public static List<Object> readList(String text) {
    Object value = read(text);
    if (value == null) {
      return new ArrayList<>();
    }
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw new CodecException("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
        + jsonKind(value) + " into Go value of type []interface {}");
  }

  /**
   * Splits a multi-document stream the way Kubernetes' YAMLReader does (Helm 4 reads values files
   * with it): a line starting with {@code ---} ends a document when only a comment may follow it;
   * empty documents are dropped.
   */
  public static List<String> splitDocuments(String text) {
    List<String> documents = new ArrayList<>();
    StringBuilder buffer = new StringBuilder();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline + 1;
      String line = text.substring(start, end);
      start = end;
      if (line.startsWith("---")) {
        String trimmed = line.substring(3).strip();
        if (!trimmed.isEmpty() && trimmed.charAt(0) != '#') {
          throw new CodecException("invalid Yaml document separator: " + trimmed);
        }
        if (!buffer.isEmpty()) {
          documents.add(buffer.toString());
          buffer.setLength(0);
        }
        continue;
      }
      buffer.append(line);
    }
    if (!buffer.isEmpty()) {
      documents.add(buffer.toString());
    }
    return documents;
  }

  /** encoding/json's name for a JSON value's kind in "cannot unmarshal X into ..." errors. */
  public static String jsonKind(Object value) {
    return switch (value) {
      case Map<?, ?> m -> "object";
      case List<?> l -> "array";
      case String s -> "string";
      case Boolean b -> "bool";
      case Double d -> "number";
      default -> "value";
    };
  }

  private static final String TAG_PREFIX = "tag:yaml.org,2002:";
  /** yaml.v2 refuses documents whose aliases expand far beyond their size (billion laughs). */
  private static final long MAX_EXPANDED_NODES = 2_000_000;

  /** Read-only after initialisation: the parser only reads it. */
  private static final LoaderOptions LOADER_OPTIONS = loaderOptions();

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return options;
  }

  /** Builds go-yaml's decoded value (map keys of any type) from SnakeYAML's events. */
  private static final class Builder {
    private final String text;
    private final Iterator<Event> events;
    private final Map<String, Object> anchors = new HashMap<>();

    Builder(String text) {
      this.text = text;
      // The parser alone, as Yaml.parse wires it: a Yaml instance per call (constructor,
      // representer, resolver) cost ~8% of a warm render, which reads every rendered document.
      Parser parser = new ParserImpl(new StreamReader(new StringReader(text)), LOADER_OPTIONS);
      this.events = new Iterator<>() {
        @Override
        public boolean hasNext() {
          return parser.peekEvent() != null;
        }

        @Override
        public Event next() {
          Event e = parser.getEvent();
          if (e == null) {
            throw new NoSuchElementException();
          }
          return e;
        }
      };
    }

    Object firstDocument() {
      try {
        while (events.hasNext()) {
          Event e = events.next();
          if (e.is(Event.ID.DocumentStart)) {
            Object value = node(events.next());
            return value;
          }
          if (e.is(Event.ID.StreamEnd)) {
            return null;
          }
        }
        return null;
      } catch (MarkedYAMLException e) {
        throw new CodecException("yaml: " + where(e) + libyamlProblem(e.getProblem(), e.getContext()));
      } catch (YAMLException e) {
        throw new CodecException("yaml: " + e.getMessage());
      }
    }

    /** libyaml's "line N: " prefix (go-yaml counts scanner errors 1-based, parser errors as the mark's line). */
    private String where(MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      if (mark == null) {
        return "";
      }
      int line = mark.getLine();
      // libyaml moves the end-of-stream mark to a new line when the text does not end with one
      if (mark.getIndex() >= text.length() && !text.isEmpty() && !text.endsWith("\n")) {
        line++;
      }
      if (line != 0) {
        return "line " + (e instanceof ScannerException ? line + 1 : line) + ": ";
      }
      // yaml.v2 falls back to the context mark's line when the problem sits on the first line
      Mark context = e.getContextMark();
      if (context != null && context.getLine() != 0) {
        return "line " + context.getLine() + ": ";
      }
      return "";
    }

    private static String libyamlProblem(String problem, String context) {
      if (problem == null) {
        return "unknown problem parsing YAML content";
      }
      if (problem.contains("that cannot start any token")) {
        return "found character that cannot start any token";
      }
      if (problem.startsWith("expected the node content") || problem.contains("expected node content")) {
        return "did not find expected node content";
      }
      if (problem.startsWith("expected <block end>")) {
        return context != null && context.contains("block collection")
            ? "did not find expected '-' indicator" : "did not find expected key";
      }
      if (problem.startsWith("mapping values are not allowed")) {
        return "mapping values are not allowed in this context";
      }
      if (problem.startsWith("expected ',' or ']'")) {
        return "did not find expected ',' or ']'";
      }
      if (problem.startsWith("expected ',' or '}'")) {
        return "did not find expected ',' or '}'";
      }
      if (problem.contains("could not find expected ':'")) {
        return "could not find expected ':'";
      }
      if (problem.startsWith("found undefined alias")) {
        return "unknown anchor '" + problem.substring("found undefined alias ".length()) + "' referenced";
      }
      return problem;
    }

    private Object node(Event event) {
      if (event instanceof AliasEvent alias) {
        if (!anchors.containsKey(alias.getAnchor())) {
          throw new CodecException("yaml: unknown anchor '" + alias.getAnchor() + "' referenced");
        }
        return anchors.get(alias.getAnchor());
      }
      Object value;
      if (event instanceof ScalarEvent scalar) {
        value = scalar(scalar);
      } else if (event instanceof SequenceStartEvent seq) {
        List<Object> list = new ArrayList<>();
        remember(seq, list);
        while (true) {
          Event next = events.next();
          if (next.is(Event.ID.SequenceEnd)) {
            break;
          }
          list.add(node(next));
        }
        return list;
      } else if (event instanceof MappingStartEvent map) {
        Map<Object, Object> out = new LinkedHashMap<>();
        remember(map, out);
        while (true) {
          Event next = events.next();
          if (next.is(Event.ID.MappingEnd)) {
            break;
          }
          boolean merge = next instanceof ScalarEvent k && isMergeKey(k);
          Object key = node(next);
          Object val = node(events.next());
          if (merge) {
            merge(out, val);
          } else {
            checkKey(key);
            out.put(key, val);
          }
        }
        return out;
      } else {
        throw new CodecException("unexpected " + event);
      }
      remember((NodeEvent) event, value);
      return value;
    }

    private void remember(NodeEvent event, Object value) {
      if (event.getAnchor() != null) {
        anchors.put(event.getAnchor(), value);
      }
    }

    private static boolean isMergeKey(ScalarEvent key) {
      return key.getValue().equals("<<") && key.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
          && (key.getTag() == null || key.getTag().equals(TAG_PREFIX + "merge"));
    }

    /** yaml.v2's merge: a mapping, or a sequence of mappings where earlier ones win. */
    private static void merge(Map<Object, Object> out, Object value) {
      if (value instanceof Map<?, ?> m) {
        out.putAll(m);
      } else if (value instanceof List<?> list) {
        for (int i = list.size() - 1; i >= 0; i--) {
          if (!(list.get(i) instanceof Map<?, ?> m)) {
            throw new CodecException("yaml: map merge requires map or sequence of maps as the value");
          }
          out.putAll(m);
        }
      } else {
        throw new CodecException("yaml: map merge requires map or sequence of maps as the value");
      }
    }

    private static void checkKey(Object key) {
      if (key instanceof List<?> || key instanceof Map<?, ?>) {
        throw new CodecException("yaml: invalid map key: " + goSharpV(key));
      }
    }

    private Object scalar(ScalarEvent e) {
      String value = e.getValue();
      String tag = e.getTag();
      boolean plain = e.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
      if (tag == null || tag.equals("!")) {
        return plain && tag == null ? resolved(value) : value;
      }
      String shortTag = tag.startsWith(TAG_PREFIX) ? tag.substring(TAG_PREFIX.length()) : tag;
      return switch (shortTag) {
        case "str" -> value;
        case "binary" -> new String(Base64.getMimeDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
        case "float" -> {
          Object r = resolved(value);
          if (r instanceof Long l) {
            yield l.doubleValue();
          }
          if (r instanceof BigInteger b) {
            yield b.doubleValue();
          }
          if (r instanceof Double) {
            yield r;
          }
          throw new CodecException("cannot decode !!str `" + value + "` as a !!float");
        }
        case "int", "bool", "null" -> {
          Object r = resolved(value);
          String actual = switch (r) {
            case null -> "null";
            case Long l -> "int";
            case BigInteger b -> "int";
            case Boolean b -> "bool";
            case Double d -> "float";
            default -> "str";
          };
          if (!actual.equals(shortTag)) {
            throw new CodecException("cannot decode !!" + actual + " `" + value + "` as a !!" + shortTag);
          }
          yield r;
        }
        default -> plain ? resolved(value) : value;
      };
    }

    private static Object resolved(String value) {
      YamlScalars.Resolved r = YamlScalars.resolve(value);
      return switch (r.tag()) {
        // yaml.v2 keeps timestamps as strings when decoding into interface{}
        case TIMESTAMP, STR, MERGE -> value;
        default -> r.value();
      };
    }
  }

  /** Go's %#v for the few key shapes an error can show. */
  static String goSharpV(Object v) {
    return switch (v) {
      case null -> "interface {}(nil)";
      case String s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
      case List<?> l -> {
        StringBuilder b = new StringBuilder("[]interface {}{");
        for (int i = 0; i < l.size(); i++) {
          b.append(i > 0 ? ", " : "").append(goSharpV(l.get(i)));
        }
        yield b.append('}').toString();
      }
      case Map<?, ?> m -> {
        StringBuilder b = new StringBuilder("map[interface {}]interface {}{");
        boolean first = true;
        for (var e : m.entrySet()) {
          b.append(first ? "" : ", ").append(goSharpV(e.getKey())).append(':').append(goSharpV(e.getValue()));
          first = false;
        }
        yield b.append('}').toString();
      }
      case Double d -> GoFloats.formatG(d);
      default -> v.toString();
    };
  }

  /**
   * sigs.k8s.io/yaml's conversion to JSON-able values, then encoding/json's view of the result.
   * One instance per document: it carries the document's alias-expansion budget. Errors come
   * without the "error converting YAML to JSON: " prefix.
   */
  public static final class JsonRoundTrip {
    private long budget = MAX_EXPANDED_NODES;

    public Object convert(Object v) {
      if (--budget < 0) {
        throw new CodecException("yaml: document contains excessive aliasing");
      }
      return switch (v) {
        case null -> null;
        case String s -> s;
        case Boolean b -> b;
        case Long l -> l.doubleValue();
        case BigInteger b -> b.doubleValue();
        case Double d -> {
          if (d.isNaN() || d.isInfinite()) {
            throw new CodecException("json: unsupported value: " + GoFloats.formatG(d));
          }
          yield d;
        }
        case List<?> list -> {
          List<Object> out = new ArrayList<>(list.size());
          for (Object item : list) {
            out.add(convert(item));
          }
          yield out;
        }
        case Map<?, ?> map -> {
          Map<String, Object> out = new LinkedHashMap<>();
          for (var e : map.entrySet()) {
            out.put(key(e.getKey(), e.getValue()), convert(e.getValue()));
          }
          yield out;
        }
        default -> throw new CodecException("unsupported value " + v);
      };
    }

    /** A map key as the JSON object key it becomes (null keys fail as sigs.k8s.io/yaml fails). */
    public static String key(Object k, Object value) {
      return switch (k) {
        case String s -> s;
        case Boolean b -> b.toString();
        case Long l -> l.toString();
        case BigInteger b -> b.toString();
        // sigs.k8s.io/yaml formats float keys with 32-bit precision, as go-yaml does
        case Double d -> GoYaml.formatYamlFloat(shortestFloat32(d));
        case null -> throw new CodecException(
            "unsupported map key of type: %!s(<nil>), key: <nil>, value: " + goSharpV(value));
        default -> String.valueOf(k);
      };
    }

    /** The float64 whose shortest %g equals float32's shortest spelling of d. */
    static double shortestFloat32(double d) {
      return Double.parseDouble(Float.toString((float) d));
    }
  }
}
