package io.ocihelm.template.value;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The exported fields of a Go struct as encoding/json sees them, in declaration order. A plain map
 * is written with its keys sorted; a struct is not, so {@link GoObject#jsonValue} returns this to
 * keep Go's field order ({@code {"Version":..,"Major":..,"Minor":..}} for {@code common.KubeVersion}).
 * Read-only.
 */
public final class StructFields extends AbstractMap<String, Object> {
  private final Map<String, Object> fields;

  private StructFields(Map<String, Object> fields) {
    this.fields = Collections.unmodifiableMap(fields);
  }

  /** Fields given as name, value, name, value, ... in the struct's declaration order. */
  public static StructFields of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("StructFields.of needs name/value pairs");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new StructFields(fields);
  }

  @Override
  public Object get(Object key) {
    return fields.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return fields.containsKey(key);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return fields.entrySet();
  }
}
