package io.ocihelm.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.apply.ReleaseOwnership;
import io.ocihelm.assess.InformerLiveObjects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a change or deletion of a released object (seen by the shared informers of {@link
 * InformerLiveObjects}) into a reconcile of the OciHelmRelease that owns it, named by the object's
 * {@value ReleaseOwnership#RELEASE_LABEL} annotation ({@code <namespace>.<name>}; the label may be
 * a hash, the annotation is the full key). JOSDK coalesces events per release, so a burst of
 * changes to one release's objects is one reconcile.
 */
public final class LiveObjectEventSource extends AbstractEventSource<GenericKubernetesResource, OciHelmRelease> {
  private final InformerLiveObjects liveObjects;
  private final InformerLiveObjects.Listener listener = this::changed;

  public LiveObjectEventSource(InformerLiveObjects liveObjects) {
    super(GenericKubernetesResource.class, "released-objects");
    this.liveObjects = liveObjects;
  }

  @Override
  public void start() {
    liveObjects.addListener(listener);
    super.start();
  }

  @Override
  public void stop() {
    liveObjects.removeListener(listener);
    liveObjects.close();
    super.stop();
  }

  @Override
  public Set<GenericKubernetesResource> getSecondaryResources(OciHelmRelease primary) {
    return Set.of();
  }

  private void changed(GenericKubernetesResource object) {
    if (isRunning()) {
      owner(object).ifPresent(id -> getEventHandler().handleEvent(new Event(id)));
    }
  }

  /** The owning release from the annotation {@code <namespace>.<name>} (a namespace has no dot). */
  static Optional<ResourceID> owner(GenericKubernetesResource object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    String key = annotations == null ? null : annotations.get(ReleaseOwnership.RELEASE_LABEL);
    if (key == null) {
      return Optional.empty();
    }
    int dot = key.indexOf('.');
    if (dot <= 0 || dot == key.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new ResourceID(key.substring(dot + 1), key.substring(0, dot)));
  }
}
