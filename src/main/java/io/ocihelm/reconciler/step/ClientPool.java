package io.ocihelm.reconciler.step;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Clients kept by connection setting ({@code slot}) and the version of what they were built from
 * (a credentials Secret's resourceVersion). A new version replaces the slot's client; beyond
 * {@code capacity} slots the least recently used client goes. Replaced and evicted clients are
 * closed outside the lock (closing may wait for requests in flight).
 */
final class ClientPool<S, C> {
  private record Held<C>(String version, C client) {}

  private final int capacity;
  private final Consumer<C> close;
  private final Map<S, Held<C>> held = new LinkedHashMap<>(16, 0.75f, true);

  ClientPool(int capacity, Consumer<C> close) {
    this.capacity = capacity;
    this.close = close;
  }

  C get(S slot, String version, Supplier<C> create) {
    List<C> retired = new ArrayList<>();
    C client;
    synchronized (held) {
      Held<C> known = held.get(slot);
      if (known != null && known.version().equals(version)) {
        return known.client();
      }
      client = create.get();
      if (known != null) {
        retired.add(known.client());
      }
      held.put(slot, new Held<>(version, client));
      Iterator<Held<C>> eldest = held.values().iterator();
      while (held.size() > capacity) {
        retired.add(eldest.next().client());
        eldest.remove();
      }
    }
    retired.forEach(close);
    return client;
  }

  int size() {
    synchronized (held) {
      return held.size();
    }
  }

  void closeAll() {
    List<C> all;
    synchronized (held) {
      all = held.values().stream().map(Held::client).toList();
      held.clear();
    }
    all.forEach(close);
  }
}
