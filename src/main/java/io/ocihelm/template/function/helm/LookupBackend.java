package io.ocihelm.template.function.helm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where Helm's {@code lookup} reads cluster objects. Under {@code template} there is no cluster and
 * every lookup is an empty map (as {@code helm template} gives); the operator plugs in an
 * impersonated, read-only client.
 */
@FunctionalInterface
public interface LookupBackend {
  /** No cluster: every lookup finds nothing. */
  LookupBackend NONE = (apiVersion, kind, namespace, name) -> new LinkedHashMap<>();

  /**
   * The object (name non-empty) or the list ({@code items}) as unstructured JSON values, an empty
   * map when nothing is found. A failure is reported by throwing with Helm's message.
   */
  Map<String, Object> lookup(String apiVersion, String kind, String namespace, String name);
}
