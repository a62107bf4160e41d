package io.ocihelm.reconciler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's bounded caches (parsed charts, passed signature checks, shared resolutions,
 * impersonating clients): an access-ordered map that drops its least recently used entry once it
 * holds more than {@code capacity}. Not synchronized; callers that share it across reconciles wrap
 * it or lock around it.
 */
public final class LeastRecentlyUsed {
  private LeastRecentlyUsed() {}

  public static <K, V> Map<K, V> map(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }
}
