package io.ocihelm.assess;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.ocihelm.apply.Inventory;
import io.ocihelm.apply.ReleaseOwnership;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * {@link LiveObjects} from shared informers: one per kind (apiVersion and kind) that appears in a
 * release's inventory, started on first use, watching every namespace for objects labelled
 * {@value ReleaseOwnership#RELEASE_LABEL}, shared by all releases. Assessing a release then reads
 * memory, not the API server; a miss (kind not synced yet, object not labelled, object gone) is
 * confirmed with one GET, so "absent" is never a stale answer.
 *
 * <p>Memory: the cache keeps whole objects except {@code metadata.managedFields} (often the larger
 * half of an object, and needed neither for health nor drift), and no namespace index. Objects
 * returned by {@link #get} are the cached instances: read them, never modify them.
 *
 * <p>{@link Listener}s hear of every update and delete of a watched object (adds are our own
 * applies or the initial list, never news), which the reconciler turns into a reconcile of the
 * owning OciHelmRelease.
 */
public final class InformerLiveObjects implements LiveObjects, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(InformerLiveObjects.class.getName());
  private static final Duration RETRY_START = Duration.ofMinutes(5);

  /** Hears of a change to a released object. */
  @FunctionalInterface
  public interface Listener {
    void changed(GenericKubernetesResource object);
  }

  private final KubernetesClient client;
  private final LiveObjects api;
  private final Map<String, SharedIndexInformer<GenericKubernetesResource>> informers = new ConcurrentHashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  /** Kinds whose informer could not start (not served, or no list/watch right): nanoTime of the next try. */
  private final Map<String, Long> retryAfter = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public InformerLiveObjects(KubernetesClient client) {
    this.client = client;
    this.api = new ApiLiveObjects(client);
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  public void removeListener(Listener listener) {
    listeners.remove(listener);
  }

  /** Starts the informer of every kind in {@code inventory} that has none yet. */
  public void watch(Inventory inventory) {
    inventory.entries().stream().map(e -> List.of(e.apiVersion(), e.kind())).distinct()
        .forEach(kind -> watch(kind.get(0), kind.get(1)));
  }

  /** Starts the informer of a kind unless it runs already; returns at once (the list is async). */
  public void watch(String apiVersion, String kind) {
    String key = apiVersion + "/" + kind;
    Long notBefore = retryAfter.get(key);
    if (closed || (notBefore != null && System.nanoTime() - notBefore < 0)) {
      return;
    }
    informers.computeIfAbsent(key, k -> start(k, apiVersion, kind));
  }

  /** The kinds watched, as {@code apiVersion/kind}. */
  public List<String> watchedKinds() {
    return informers.keySet().stream().sorted().toList();
  }

  @Override
  public Optional<GenericKubernetesResource> get(Inventory.Entry entry) {
    watch(entry.apiVersion(), entry.kind());
    SharedIndexInformer<GenericKubernetesResource> informer = informers.get(entry.apiVersion() + "/" + entry.kind());
    if (informer != null && informer.hasSynced()) {
      String key = entry.namespace().isEmpty() ? entry.name() : entry.namespace() + "/" + entry.name();
      GenericKubernetesResource cached = informer.getStore().getByKey(key);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    return api.get(entry);
  }

  /** Stops every informer; later calls answer by GET. */
  @Override
  public void close() {
    closed = true;
    informers.values().forEach(SharedIndexInformer::stop);
    informers.clear();
  }

  private SharedIndexInformer<GenericKubernetesResource> start(String key, String apiVersion, String kind) {
    SharedIndexInformer<GenericKubernetesResource> informer;
    try {
      informer = client.genericKubernetesResources(apiVersion, kind).inAnyNamespace()
          .withLabel(ReleaseOwnership.RELEASE_LABEL).runnableInformer(0);
    } catch (KubernetesClientException e) {
      // The kind is not served (yet): nothing cached, get() asks the API server; the next
      // watch() tries again.
      LOG.fine(() -> "no informer for " + key + ": " + e.getMessage());
      retryAfter.put(key, System.nanoTime() + RETRY_START.toNanos());
      return null;
    }
    informer.removeNamespaceIndex();
    informer.itemStore(new LeanItemStore());
    informer.addEventHandler(new Forwarder());
    informer.start().whenComplete((ignored, failure) -> {
      if (failure != null) {
        // Without list/watch rights (deploy/restricted) objects are read by GET; asked again later.
        LOG.warning("informer for " + key + " did not start: " + failure.getMessage());
        retryAfter.put(key, System.nanoTime() + RETRY_START.toNanos());
        informers.remove(key, informer);
        informer.stop();
      }
    });
    return informer;
  }

  private final class Forwarder implements ResourceEventHandler<GenericKubernetesResource> {
    @Override
    public void onAdd(GenericKubernetesResource object) {}

    @Override
    public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
      if (!Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
        notify(after);
      }
    }

    @Override
    public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
      notify(object);
    }

    private void notify(GenericKubernetesResource object) {
      for (Listener listener : listeners) {
        listener.changed(object);
      }
    }
  }

  /** The informer's cache, without managedFields. */
  private static final class LeanItemStore implements ItemStore<GenericKubernetesResource> {
    private final Map<String, GenericKubernetesResource> items = new ConcurrentHashMap<>();

    @Override
    public String getKey(GenericKubernetesResource object) {
      return Cache.metaNamespaceKeyFunc(object);
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
      object.getMetadata().setManagedFields(null);
      return items.put(key, object);
    }

    @Override
    public GenericKubernetesResource remove(String key) {
      return items.remove(key);
    }

    @Override
    public Stream<String> keySet() {
      return items.keySet().stream();
    }

    @Override
    public Stream<GenericKubernetesResource> values() {
      return items.values().stream();
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public GenericKubernetesResource get(String key) {
      return items.get(key);
    }
  }
}
