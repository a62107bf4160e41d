package io.ocihelm.assess;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocihelm.apply.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Finds released objects that drifted from what we applied, in two stages:
 *
 * <ol>
 *   <li>{@link FieldComparison}: desired ⊆ live, with the server's normalisations, on the live
 *       object from {@link LiveObjects} (an informer cache: no API call). Nothing found: in sync.
 *   <li>A difference is only a suspicion until the API server confirms it: a server-side apply dry
 *       run of the correction ({@link ApplyPreview}) shows what applying it would store; when that
 *       equals the live object (managedFields, resourceVersion, generation aside), applying would
 *       change nothing and there is no drift (a default, a conversion, another manager's list
 *       elements). A confirmed-clean object is remembered by resourceVersion, so a suspicion the
 *       server already cleared costs no second dry run until the object changes.
 * </ol>
 *
 * A missing object is drift (deleted); an object with a deletionTimestamp is reported as being
 * deleted and not corrected until it is gone (its deletion event brings the next check).
 */
public final class DriftDetector {
  private static final Logger LOG = Logger.getLogger(DriftDetector.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_CLEARED = 100_000;

  private final LiveObjects live;
  private final ApplyPreview preview;
  /** Objects whose suspicion the server cleared: entry → resourceVersion and desired hash. */
  private final Map<Inventory.Entry, String> cleared = new ConcurrentHashMap<>();

  public DriftDetector(LiveObjects live, ApplyPreview preview) {
    this.live = live;
    this.preview = preview;
  }

  /** The drifted objects among {@code desired} (placed and stamped as they were applied). */
  public List<ObjectDrift> detect(List<GenericKubernetesResource> desired, DriftIgnores ignores) {
    List<ObjectDrift> drifts = new ArrayList<>();
    for (GenericKubernetesResource object : desired) {
      Inventory.Entry entry = entryOf(object);
      Optional<GenericKubernetesResource> current = live.get(entry);
      if (current.isEmpty()) {
        drifts.add(new ObjectDrift(entry, ObjectDrift.State.DELETED, List.of(), JSON.convertValue(object, GenericKubernetesResource.class)));
        continue;
      }
      GenericKubernetesResource liveObject = current.get();
      if (liveObject.getMetadata().getDeletionTimestamp() != null) {
        drifts.add(new ObjectDrift(entry, ObjectDrift.State.DELETING, List.of(), null));
        continue;
      }
      JsonNode wanted = JSON.valueToTree(object);
      JsonNode seen = JSON.valueToTree(liveObject);
      List<String> paths = FieldComparison.differences(wanted, seen, ignores.forObject(entry));
      if (paths.isEmpty()) {
        continue;
      }
      String clearedKey = liveObject.getMetadata().getResourceVersion() + "|" + wanted.hashCode();
      if (clearedKey.equals(cleared.get(entry))) {
        continue;
      }
      GenericKubernetesResource correction = correction(wanted, seen, ignores.paths(entry));
      if (confirmed(entry, correction, seen)) {
        drifts.add(new ObjectDrift(entry, ObjectDrift.State.CHANGED, paths, correction));
      } else {
        if (cleared.size() > MAX_CLEARED) {
          cleared.clear();
        }
        cleared.put(entry, clearedKey);
      }
    }
    return drifts;
  }

  /** Whether applying {@code correction} would change the live object. */
  private boolean confirmed(Inventory.Entry entry, GenericKubernetesResource correction, JsonNode seen) {
    GenericKubernetesResource after;
    try {
      after = preview.preview(correction);
    } catch (KubernetesClientException e) {
      // Not confirmed is not drift: report nothing rather than something false; the next change
      // of the object or the interval asks again.
      LOG.warning("drift of " + entry + " not confirmed, dry run failed: HTTP " + e.getCode());
      return false;
    }
    JsonNode result = JSON.valueToTree(after);
    if (!result.path("metadata").path("resourceVersion").equals(seen.path("metadata").path("resourceVersion"))) {
      // The cache is behind the server: the newer object's event brings the next check.
      return false;
    }
    return !withoutBookkeeping(result).equals(withoutBookkeeping(seen));
  }

  /**
   * The object to apply to put {@code desired} back: the recorded object, with every ignored path
   * set to what it is live (or left out when it is not set live), so forcing our fields back
   * never overrides an ignored one, and never gives up a field we own.
   */
  static GenericKubernetesResource correction(JsonNode desired, JsonNode live, List<String> ignoredPaths) {
    ObjectNode body = desired.deepCopy();
    for (String path : ignoredPaths) {
      JsonPointer pointer;
      try {
        pointer = JsonPointer.compile(path);
      } catch (IllegalArgumentException e) {
        continue;
      }
      JsonNode parent = body.at(pointer.head());
      JsonNode liveValue = live.at(pointer);
      if (parent instanceof ObjectNode object) {
        String name = pointer.last().getMatchingProperty();
        if (liveValue.isMissingNode()) {
          object.remove(name);
        } else {
          object.set(name, liveValue.deepCopy());
        }
      } else if (parent instanceof ArrayNode array) {
        int index = pointer.last().getMatchingIndex();
        if (index >= 0 && index < array.size() && !liveValue.isMissingNode()) {
          array.set(index, liveValue.deepCopy());
        }
      }
    }
    return JSON.convertValue(body, GenericKubernetesResource.class);
  }

  private static JsonNode withoutBookkeeping(JsonNode object) {
    ObjectNode copy = object.deepCopy();
    if (copy.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove(List.of("managedFields", "resourceVersion", "generation"));
    }
    return copy;
  }

  public static Inventory.Entry entryOf(GenericKubernetesResource object) {
    return new Inventory.Entry(object.getApiVersion(), object.getKind(), object.getMetadata().getNamespace(),
        object.getMetadata().getName());
  }
}
