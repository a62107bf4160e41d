package io.ocihelm.assess;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.apply.Inventory;
import java.util.List;

/**
 * One released object that no longer matches what we applied.
 *
 * @param entry the object
 * @param state how it drifted
 * @param paths JSON pointers of the fields of ours that differ (empty when deleted)
 * @param correction what to apply to put it back: the recorded object, ignored fields as they
 *     are live; null while the object is being deleted (it is recreated once it is gone)
 */
public record ObjectDrift(Inventory.Entry entry, State state, List<String> paths, GenericKubernetesResource correction) {

  public enum State {
    /** A field we set has another value, or is gone. */
    CHANGED,
    /** The object does not exist. */
    DELETED,
    /** The object has a deletionTimestamp (finalizers pending). */
    DELETING
  }

  public ObjectDrift {
    paths = List.copyOf(paths);
  }

  /** e.g. {@code Deployment team-a/web: /spec/replicas} or {@code ConfigMap team-a/x: deleted}. */
  public String describe() {
    String object = entry.kind() + " " + (entry.namespace().isEmpty() ? "" : entry.namespace() + "/") + entry.name();
    return switch (state) {
      case DELETED -> object + ": deleted";
      case DELETING -> object + ": being deleted";
      case CHANGED -> object + ": " + String.join(", ", paths);
    };
  }
}
