package io.ocihelm.assess;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.apply.Inventory;
import java.util.Optional;

/**
 * The live state of applied objects, as the assess stage (health, drift) reads it. The operator's
 * implementation answers from shared informer caches so that assessing a release costs no API
 * call; {@link ApiLiveObjects} asks the API server directly (tests, the CLI, a cache miss).
 */
public interface LiveObjects {

  /** The object as last seen; empty when it does not exist. */
  Optional<GenericKubernetesResource> get(Inventory.Entry entry);
}
