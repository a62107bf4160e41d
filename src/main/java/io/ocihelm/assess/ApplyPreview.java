package io.ocihelm.assess;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * What the API server would store if we applied {@code body} now, without storing it: a
 * server-side apply dry run under our field manager. The server's answer settles every case a
 * local comparison cannot (defaults, conversions, list merge semantics, another manager's fields).
 */
@FunctionalInterface
public interface ApplyPreview {

  /** The object as it would be after applying {@code body} (placed and stamped, force). */
  GenericKubernetesResource preview(GenericKubernetesResource body);
}
