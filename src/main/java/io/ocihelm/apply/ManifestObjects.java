package io.ocihelm.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.codec.CodecException;
import io.ocihelm.codec.GoYamlReader;
import io.ocihelm.render.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rendered manifests as objects to apply, read the way Helm's kube client reads them. */
public final class ManifestObjects {
  private static final ObjectMapper JSON = new ObjectMapper();
  // Go prints float64 integers below 1e21 without a fraction, so "replicas: 2" reaches the API
  // server as 2 (an int field), never 2.0.
  private static final double GO_PLAIN_FLOAT_LIMIT = 1e21;

  private ManifestObjects() {}

  /**
   * @throws InvalidManifestException when a document is not a YAML mapping with apiVersion, kind
   *     and metadata.name (Helm refuses those before applying anything)
   */
  public static List<GenericKubernetesResource> decode(List<Manifest> manifests) {
    List<GenericKubernetesResource> objects = new ArrayList<>();
    for (Manifest manifest : manifests) {
      Map<String, Object> tree;
      try {
        tree = GoYamlReader.readMap(manifest.content());
      } catch (CodecException e) {
        throw new InvalidManifestException(manifest.path() + ": " + e.getMessage());
      }
      if (tree.isEmpty()) {
        continue;
      }
      GenericKubernetesResource object = JSON.convertValue(normalize(tree), GenericKubernetesResource.class);
      if (isBlank(object.getApiVersion()) || isBlank(object.getKind())
          || object.getMetadata() == null || isBlank(object.getMetadata().getName())) {
        throw new InvalidManifestException(
            manifest.path() + ": object has no apiVersion, kind or metadata.name");
      }
      objects.add(object);
    }
    return objects;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static Object normalize(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, normalize(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ManifestObjects::normalize).toList();
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < GO_PLAIN_FLOAT_LIMIT) {
      return d.longValue();
    }
    return value;
  }

  /** A rendered document that cannot be applied: terminal for the same render. */
  public static final class InvalidManifestException extends RuntimeException {
    public InvalidManifestException(String message) {
      super(message);
    }
  }
}
