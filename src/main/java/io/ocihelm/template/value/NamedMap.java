package io.ocihelm.template.value;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A Go map of a named or non-{@code interface {}} type: {@code common.Values} (Helm's {@code .Values}
 * and {@code .Template}), {@code map[string]string} (Sprig's {@code split}), ... It behaves as a map
 * for field access, range and printing, but {@code %T} shows its own name and Sprig functions that
 * type-assert {@code map[string]interface {}} (like {@code dig}) reject it, as they do in Go.
 * Writes go through to the wrapped map (Helm's {@code set .Values ...} is visible to later templates).
 */
public final class NamedMap extends AbstractMap<String, Object> {
  private final String goTypeName;
  private final Map<String, Object> entries;

  public NamedMap(String goTypeName, Map<String, Object> entries) {
    this.goTypeName = goTypeName;
    this.entries = entries;
  }

  /** The Go type name as {@code %T} prints it, e.g. {@code common.Values}. */
  public String goTypeName() {
    return goTypeName;
  }

  /** The wrapped map, shared (not copied). */
  public Map<String, Object> entries() {
    return entries;
  }

  @Override
  public Object get(Object key) {
    return entries.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  @Override
  public Object put(String key, Object value) {
    return entries.put(key, value);
  }

  @Override
  public Object remove(Object key) {
    return entries.remove(key);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return entries.entrySet();
  }
}
