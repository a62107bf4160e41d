package io.ocihelm.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cluster behind Helm's {@code lookup} function. {@code helm template} has no cluster, so
 * {@link #NONE} answers an empty map for everything; the operator may inject a real one.
 */
@FunctionalInterface
public interface Lookup {
  /** The object (or a List kind with {@code items} when name is empty), or an empty map. */
  Map<String, Object> lookup(String apiVersion, String kind, String namespace, String name);

  Lookup NONE = (apiVersion, kind, namespace, name) -> new LinkedHashMap<>();

  /**
   * The cluster refused a lookup (forbidden, unavailable): the template fails with this message,
   * as Helm's lookup returns the client's error.
   */
  final class LookupException extends RuntimeException {
    public LookupException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
