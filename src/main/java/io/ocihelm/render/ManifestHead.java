package io.ocihelm.render;

import io.ocihelm.codec.CodecException;
import io.ocihelm.codec.GoYamlReader;
import io.ocihelm.template.value.GoStringOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Helm's sorter reads from a rendered document: {@code sigs.k8s.io/yaml.Unmarshal} into
 * releaseutil's {@code SimpleHead} (apiVersion, kind, metadata.name, metadata.annotations).
 *
 * <p>Most documents are plain block YAML; {@link HeadScanner} validates those in one pass and
 * picks the fields out. Anything it cannot vouch for (anchors, tags, flow collections, multi-line
 * scalars, any syntax it does not know to be valid, any value needing a conversion) is read here
 * in full, with Helm's semantics and errors.
 *
 * @param kind the document's kind ("" when absent)
 * @param name metadata.name ("" when absent)
 * @param hook the {@code helm.sh/hook} annotation, null when the document has none
 * @param hookWeight the {@code helm.sh/hook-weight} annotation, null when absent
 * @param hookDeletePolicy the {@code helm.sh/hook-delete-policy} annotation, null when absent
 */
record ManifestHead(String kind, String name, String hook, String hookWeight, String hookDeletePolicy) {
  static final ManifestHead EMPTY = new ManifestHead("", "", null, null, null);

  /** @throws CodecException with Helm's text (without the "YAML parse error on PATH: " prefix) */
  static ManifestHead read(String doc) {
    ManifestHead fast = HeadScanner.scan(doc);
    return fast != null ? fast : readFully(doc);
  }

  private static final String METADATA_TYPE =
      "struct { Name string \"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }";
  private static final List<String> HEAD_FIELDS = List.of("apiVersion", "kind", "metadata");
  private static final List<String> METADATA_FIELDS = List.of("name", "annotations");

  /**
   * The whole document, as Helm reads it: yaml.v2 decodes it, sigs.k8s.io/yaml converts it to
   * JSON with the struct as target (numbers and bools bound for a string field become strings),
   * encoding/json decodes the JSON (keys in sorted order, field names matched exactly or else
   * case-insensitively; the first type error is reported, after the whole document is decoded).
   */
  static ManifestHead readFully(String doc) {
    Object yaml = GoYamlReader.readYaml(doc);
    Object json;
    try {
      json = new ToJson().top(yaml);
    } catch (CodecException e) {
      throw new CodecException("error converting YAML to JSON: " + e.getMessage());
    }
    return new Decoder().head(json);
  }

  /** sigs.k8s.io/yaml's convertToJSONableObject with SimpleHead as the target. */
  private static final class ToJson {
    private final GoYamlReader.JsonRoundTrip plain = new GoYamlReader.JsonRoundTrip();

    Object top(Object v) {
      if (!(v instanceof Map<?, ?> map)) {
        return plain.convert(v);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (var e : map.entrySet()) {
        String key = GoYamlReader.JsonRoundTrip.key(e.getKey(), e.getValue());
        String field = field(HEAD_FIELDS, key);
        Object value;
        if (field == null) {
          value = plain.convert(e.getValue());
        } else if (field.equals("metadata")) {
          value = metadata(e.getValue());
        } else {
          value = string(e.getValue());
        }
        out.put(key, value);
      }
      return out;
    }

    private Object metadata(Object v) {
      if (!(v instanceof Map<?, ?> map)) {
        return plain.convert(v);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (var e : map.entrySet()) {
        String key = GoYamlReader.JsonRoundTrip.key(e.getKey(), e.getValue());
        String field = field(METADATA_FIELDS, key);
        Object value;
        if (field == null) {
          value = plain.convert(e.getValue());
        } else if (field.equals("annotations")) {
          value = annotations(e.getValue());
        } else {
          value = string(e.getValue());
        }
        out.put(key, value);
      }
      return out;
    }

    private Object annotations(Object v) {
      if (!(v instanceof Map<?, ?> map)) {
        return plain.convert(v);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (var e : map.entrySet()) {
        out.put(GoYamlReader.JsonRoundTrip.key(e.getKey(), e.getValue()), string(e.getValue()));
      }
      return out;
    }

    /** A value bound for a Go string: numbers and bools are coerced, the rest converted as usual. */
    private Object string(Object v) {
      String coerced = GoYamlReader.scalarAsGoString(v);
      return coerced != null ? coerced : plain.convert(v);
    }
  }

  /** encoding/json decoding the converted document into SimpleHead. */
  private static final class Decoder {
    private String error;
    private String kind = "";
    private String name = "";
    private boolean hasMetadata;
    private Map<String, String> annotations;

    ManifestHead head(Object json) {
      if (json instanceof Map<?, ?> map) {
        for (String key : sortedKeys(map)) {
          Object value = map.get(key);
          switch (String.valueOf(field(HEAD_FIELDS, key))) {
            case "apiVersion" -> string(value, "SimpleHead.apiVersion");
            case "kind" -> {
              String s = string(value, "SimpleHead.kind");
              kind = s != null ? s : kind;
            }
            case "metadata" -> metadata(value);
            default -> { }
          }
        }
      } else if (json != null) {
        fail("json: cannot unmarshal " + GoYamlReader.jsonKind(json) + " into Go value of type util.SimpleHead");
      }
      if (error != null) {
        throw new CodecException("error unmarshaling JSON: while decoding JSON: " + error);
      }
      Map<String, String> a = hasMetadata && annotations != null ? annotations : Map.of();
      return new ManifestHead(kind, hasMetadata ? name : "", a.get(ManifestSorter.HOOK_ANNOTATION),
          a.get(ManifestSorter.HOOK_WEIGHT_ANNOTATION), a.get(ManifestSorter.HOOK_DELETE_POLICY_ANNOTATION));
    }

    private void metadata(Object value) {
      if (value == null) {
        // Helm compat: JSON null sets the *struct pointer back to nil.
        hasMetadata = false;
        name = "";
        annotations = null;
        return;
      }
      if (!(value instanceof Map<?, ?> map)) {
        typeError(value, "SimpleHead.metadata", METADATA_TYPE);
        return;
      }
      hasMetadata = true;
      for (String key : sortedKeys(map)) {
        Object v = map.get(key);
        switch (String.valueOf(field(METADATA_FIELDS, key))) {
          case "name" -> {
            String s = string(v, ".metadata.name");
            name = s != null ? s : name;
          }
          case "annotations" -> annotations(v);
          default -> { }
        }
      }
    }

    private void annotations(Object value) {
      if (value == null) {
        annotations = null;
        return;
      }
      if (!(value instanceof Map<?, ?> map)) {
        typeError(value, ".metadata.annotations", "map[string]string");
        return;
      }
      if (annotations == null) {
        annotations = new HashMap<>();
      }
      for (String key : sortedKeys(map)) {
        String s = string(map.get(key), ".metadata.annotations");
        // Helm compat: a null annotation value is stored as "" (the key is present).
        annotations.put(key, s != null ? s : "");
      }
    }

    /** The string a JSON value decodes to into a Go string field; null for JSON null or a type error. */
    private String string(Object value, String goField) {
      if (value == null) {
        return null;
      }
      if (value instanceof String s) {
        return s;
      }
      typeError(value, goField, "string");
      return null;
    }

    private void typeError(Object value, String goField, String goType) {
      fail("json: cannot unmarshal " + GoYamlReader.jsonKind(value) + " into Go struct field " + goField + " of type " + goType);
    }

    private void fail(String message) {
      if (error == null) {
        error = message;
      }
    }

    private static List<String> sortedKeys(Map<?, ?> map) {
      List<String> keys = new ArrayList<>(map.size());
      for (Object k : map.keySet()) {
        keys.add((String) k);
      }
      keys.sort(GoStringOrder.ORDER);
      return keys;
    }
  }

  /** The struct field a JSON key decodes into: the exact name, else one equal under Unicode case folding. */
  static String field(List<String> fields, String key) {
    for (String f : fields) {
      if (f.equals(key)) {
        return f;
      }
    }
    for (String f : fields) {
      if (foldEquals(key, f)) {
        return f;
      }
    }
    return null;
  }

  /**
   * bytes.EqualFold against an ASCII field name: ASCII letters in either case, plus the two
   * non-ASCII runes whose simple case folding reaches an ASCII letter (KELVIN SIGN, LONG S).
   */
  static boolean foldEquals(String key, String asciiField) {
    if (key.length() != asciiField.length()) {
      // Both special runes are one UTF-16 unit, like the ASCII letter they fold to.
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char k = key.charAt(i);
      char f = Character.toUpperCase(asciiField.charAt(i));
      char folded = switch (k) {
        case '\u212A' -> 'K';
        case '\u017F' -> 'S';
        default -> k < 0x80 ? Character.toUpperCase(k) : k;
      };
      if (folded != f) {
        return false;
      }
    }
    return true;
  }
}
