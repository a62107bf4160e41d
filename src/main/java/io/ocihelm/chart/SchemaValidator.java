package io.ocihelm.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.ocihelm.template.value.Int64;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * values.schema.json validation of the coalesced values, chart by chart down the tree (a subchart
 * validates its own section), reported the way Helm 4 reports it:
 *
 * <pre>
 * values don't meet the specifications of the schema(s) in the following chart(s):
 * traefik:
 * - at '': additional properties 'logs' not allowed
 * </pre>
 */
public final class SchemaValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaValidator() {}

  /** @throws ChartLoadException when any chart's schema rejects its values */
  public static void validate(Chart chart, Map<String, Object> values) {
    String problems = problems(chart, values);
    if (!problems.isEmpty()) {
      throw new ChartLoadException(
          "values don't meet the specifications of the schema(s) in the following chart(s):\n" + problems);
    }
  }

  private static String problems(Chart chart, Map<String, Object> values) {
    StringBuilder sb = new StringBuilder();
    if (chart.schema() != null) {
      String errors = validateSingle(chart.schema(), values);
      if (!errors.isEmpty()) {
        sb.append(chart.name()).append(":\n").append(errors);
      }
    }
    for (Chart sub : chart.dependencies()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> subValues =
          values.get(sub.name()) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      sb.append(problems(sub, subValues));
    }
    return sb.toString();
  }

  private static String validateSingle(byte[] schemaJson, Map<String, Object> values) {
    JsonNode schemaNode;
    try {
      schemaNode = JSON.readTree(schemaJson);
    } catch (IOException e) {
      return "- " + e.getMessage() + "\n";
    }
    // Helm compat: a $schema naming no known draft (Bitnami's "http://json-schema.org/schema#")
    // does not stop Helm; validate such a schema with the default draft.
    if (schemaNode instanceof ObjectNode object && object.has("$schema")
        && SpecificationVersion.fromDialectId(object.get("$schema").asText()).isEmpty()) {
      object.remove("$schema");
    }
    List<Error> errors;
    try {
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schemaNode);
      errors = new ArrayList<>(schema.validate(toJson(values)));
    } catch (RuntimeException e) {
      return "- " + e.getMessage() + "\n";
    }
    if (errors.isEmpty()) {
      return "";
    }
    errors.sort(Comparator.comparing((Error e) -> pointer(e)));
    StringBuilder sb = new StringBuilder();
    for (Error e : errors) {
      sb.append("- at '").append(pointer(e)).append("': ").append(helmWording(e)).append('\n');
    }
    return sb.toString();
  }

  /** JSON pointer of the failing instance, '' for the root. */
  private static String pointer(Error e) {
    var path = e.getInstanceLocation();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      sb.append('/').append(String.valueOf(path.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  /** santhosh-tekuri/jsonschema's English wording (Helm 4's validator) for common keywords. */
  private static String helmWording(Error e) {
    JsonNode instance = e.getInstanceNode();
    JsonNode schemaValue = e.getSchemaNode();
    Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
    return switch (e.getKeyword()) {
      case "additionalProperties" -> "additional properties " + quoted(List.of(e.getProperty())) + " not allowed";
      case "required" -> "missing property " + quoted(List.of(e.getProperty()));
      case "type" -> "got " + jsonType(instance) + ", want " + wantedTypes(schemaValue);
      case "enum" -> "value must be one of " + enumValues(schemaValue);
      case "const" -> "value must be " + literal(schemaValue);
      case "minimum" -> "must be >= " + schemaValue.asText() + " but found " + instance.asText();
      case "maximum" -> "must be <= " + schemaValue.asText() + " but found " + instance.asText();
      case "minLength" -> "minLength: got " + instance.asText().codePointCount(0, instance.asText().length())
          + ", want " + schemaValue.asText();
      case "maxLength" -> "maxLength: got " + instance.asText().codePointCount(0, instance.asText().length())
          + ", want " + schemaValue.asText();
      case "pattern" -> "'" + instance.asText() + "' does not match pattern '" + schemaValue.asText() + "'";
      case "minItems" -> "minItems: got " + instance.size() + ", want " + schemaValue.asText();
      case "maxItems" -> "maxItems: got " + instance.size() + ", want " + schemaValue.asText();
      default -> e.getMessage() + (args.length == 0 ? "" : "");
    };
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
  }

  private static String wantedTypes(JsonNode schemaValue) {
    if (schemaValue != null && schemaValue.isArray()) {
      List<String> types = new ArrayList<>();
      schemaValue.forEach(t -> types.add(t.asText()));
      return String.join(" or ", types);
    }
    return schemaValue == null ? "" : schemaValue.asText();
  }

  private static String enumValues(JsonNode schemaValue) {
    List<String> out = new ArrayList<>();
    if (schemaValue != null) {
      schemaValue.forEach(v -> out.add(literal(v)));
    }
    return String.join(", ", out);
  }

  private static String literal(JsonNode v) {
    return v.isTextual() ? "'" + v.asText() + "'" : v.toString();
  }

  private static String jsonType(JsonNode n) {
    if (n == null || n.isNull()) {
      return "null";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isTextual()) {
      return "string";
    }
    if (n.isArray()) {
      return "array";
    }
    return "object";
  }

  /** Go values to JSON nodes, as Helm marshals values before validating. */
  static JsonNode toJson(Object v) {
    return switch (v) {
      case null -> NODES.nullNode();
      case String s -> NODES.textNode(s);
      case Boolean b -> NODES.booleanNode(b);
      case Double d -> d == Math.rint(d) && Math.abs(d) < 1e15 ? NODES.numberNode(d.longValue()) : NODES.numberNode(d);
      case Long l -> NODES.numberNode(l);
      case Int64 i -> NODES.numberNode(i.value());
      case Map<?, ?> m -> {
        ObjectNode o = NODES.objectNode();
        m.forEach((k, val) -> o.set(String.valueOf(k), toJson(val)));
        yield o;
      }
      case List<?> l -> {
        ArrayNode a = NODES.arrayNode();
        l.forEach(item -> a.add(toJson(item)));
        yield a;
      }
      default -> NODES.textNode(String.valueOf(v));
    };
  }
}
