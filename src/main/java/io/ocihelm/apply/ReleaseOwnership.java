package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata that marks an object as part of a release: Helm's own ownership marks (so the helm
 * CLI recognises and can adopt the object) plus our {@value #RELEASE_LABEL} label, used for
 * watches and selection.
 *
 * @param releaseName Helm release name
 * @param releaseNamespace Helm release namespace (the target namespace)
 * @param ownerKey {@code <namespace>.<name>} of the OciHelmRelease
 */
public record ReleaseOwnership(String releaseName, String releaseNamespace, String ownerKey) {
  public static final String RELEASE_NAME_ANNOTATION = "meta.helm.sh/release-name";
  public static final String RELEASE_NAMESPACE_ANNOTATION = "meta.helm.sh/release-namespace";
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_HELM = "Helm";
  public static final String RELEASE_LABEL = "ocihelm.io/release";

  /** Writes the marks into {@code object}'s metadata, keeping the chart's own labels. */
  public void stamp(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    Map<String, String> annotations = new LinkedHashMap<>(orEmpty(meta.getAnnotations()));
    annotations.put(RELEASE_NAME_ANNOTATION, releaseName);
    annotations.put(RELEASE_NAMESPACE_ANNOTATION, releaseNamespace);
    meta.setAnnotations(annotations);
    Map<String, String> labels = new LinkedHashMap<>(orEmpty(meta.getLabels()));
    // Helm compat: Helm sets managed-by=Helm on everything it creates, overriding the chart's value.
    labels.put(MANAGED_BY_LABEL, MANAGED_BY_HELM);
    labels.put(RELEASE_LABEL, ownerKey);
    meta.setLabels(labels);
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
