package io.ocihelm.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocihelm.render.Lookup;
import io.ocihelm.template.value.Int64;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helm's {@code lookup} against the cluster, as {@code helm install|upgrade} does it (not {@code
 * helm template}): an object by name, or a list (every namespace when none is given); not found is
 * an empty map. Values come back as Go's unstructured decoding gives them: integers as {@code
 * int64}, other numbers as {@code float64}.
 */
public final class ClusterLookup implements Lookup {
  private final KubernetesClient client;
  private final ResourceScopes scopes;

  public ClusterLookup(KubernetesClient client, ResourceScopes scopes) {
    this.client = client;
    this.scopes = scopes;
  }

  @Override
  public Map<String, Object> lookup(String apiVersion, String kind, String namespace, String name) {
    try {
      Optional<Boolean> namespaced = scopes.isNamespaced(apiVersion, kind);
      if (namespaced.isEmpty()) {
        // A kind the cluster does not serve has no objects.
        return new LinkedHashMap<>();
      }
      var ops = client.genericKubernetesResources(apiVersion, kind);
      boolean inNamespace = namespaced.get() && !namespace.isEmpty();
      if (!name.isEmpty()) {
        if (namespaced.get() && namespace.isEmpty()) {
          return new LinkedHashMap<>();
        }
        GenericKubernetesResource object = inNamespace
            ? ops.inNamespace(namespace).withName(name).get()
            : ops.withName(name).get();
        return object == null ? new LinkedHashMap<>() : values(object);
      }
      GenericKubernetesResourceList list = inNamespace
          ? ops.inNamespace(namespace).list()
          : namespaced.get() ? ops.inAnyNamespace().list() : ops.list();
      Map<String, Object> result = values(list);
      result.put("apiVersion", apiVersion);
      result.put("kind", kind + "List");
      // client-go's unstructured lists give every item its apiVersion and kind.
      if (result.get("items") instanceof List<?> items) {
        for (Object item : items) {
          if (item instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> itemMap = (Map<String, Object>) map;
            itemMap.putIfAbsent("apiVersion", apiVersion);
            itemMap.putIfAbsent("kind", kind);
          }
        }
      } else {
        result.put("items", new ArrayList<>());
      }
      return result;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return new LinkedHashMap<>();
      }
      String message = e.getStatus() != null && e.getStatus().getMessage() != null
          ? e.getStatus().getMessage() : e.getMessage();
      throw new LookupException(message, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> values(Object fabric8Object) {
    JsonNode tree = Serialization.jsonMapper().valueToTree(fabric8Object);
    return (Map<String, Object>) goValue(tree);
  }

  /** A JSON tree as the template engine's Go values (int64 integers, float64 others). */
  static Object goValue(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        map.put(field.getKey(), goValue(field.getValue()));
      }
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(item -> list.add(goValue(item)));
      return list;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return Int64.of(node.longValue());
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    return null;
  }
}
