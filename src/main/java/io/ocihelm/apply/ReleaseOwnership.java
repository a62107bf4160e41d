package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metadata that marks an object as part of a release: Helm's own ownership marks (so the helm
 * CLI recognises and can adopt the object) plus our {@value #RELEASE_LABEL} label (for watches
 * and selection) and annotation (the full owner key).
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
  private static final int MAX_LABEL_VALUE = 63;
  private static final int HASH_DIGITS = 10;

  /** Writes the marks into {@code object}'s metadata, keeping the chart's own labels. */
  public void stamp(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    Map<String, String> annotations = new LinkedHashMap<>(orEmpty(meta.getAnnotations()));
    annotations.put(RELEASE_NAME_ANNOTATION, releaseName);
    annotations.put(RELEASE_NAMESPACE_ANNOTATION, releaseNamespace);
    annotations.put(RELEASE_LABEL, ownerKey);
    meta.setAnnotations(annotations);
    Map<String, String> labels = new LinkedHashMap<>(orEmpty(meta.getLabels()));
    // Helm compat: Helm sets managed-by=Helm on everything it creates, overriding the chart's value.
    labels.put(MANAGED_BY_LABEL, MANAGED_BY_HELM);
    labels.put(RELEASE_LABEL, labelValue(ownerKey));
    meta.setLabels(labels);
  }

  /**
   * Marks a hook object. Helm compat: hooks are not release resources (helm never gives them its
   * ownership marks, never prunes them, leaves them on uninstall); only our label and annotation
   * are written, so a hook can still be traced to its release.
   */
  public void stampHook(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    Map<String, String> annotations = new LinkedHashMap<>(orEmpty(meta.getAnnotations()));
    annotations.put(RELEASE_LABEL, ownerKey);
    meta.setAnnotations(annotations);
    Map<String, String> labels = new LinkedHashMap<>(orEmpty(meta.getLabels()));
    labels.put(RELEASE_LABEL, labelValue(ownerKey));
    meta.setLabels(labels);
  }

  /**
   * {@code <namespace>.<name>} as a label value. Label values are limited to 63 characters, and a
   * namespace (63) plus a name (253) can be longer: then the value is the key's first 52
   * characters, "-" and 10 hex digits of its sha256, still unique and still computable from the
   * release for a selector. The full key is always in the annotation of the same name.
   */
  public static String labelValue(String ownerKey) {
    if (ownerKey.length() <= MAX_LABEL_VALUE) {
      return ownerKey;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(ownerKey.getBytes(StandardCharsets.UTF_8));
      String suffix = HexFormat.of().formatHex(hash).substring(0, HASH_DIGITS);
      return ownerKey.substring(0, MAX_LABEL_VALUE - HASH_DIGITS - 1) + "-" + suffix;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
