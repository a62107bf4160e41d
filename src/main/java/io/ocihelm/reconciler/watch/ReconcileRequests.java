package io.ocihelm.reconciler.watch;

import io.ocihelm.api.v1alpha1.OciHelmRelease;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The annotation {@value #ANNOTATION}: a user (or a CI job) sets it to any new value to ask for an
 * immediate, full reconcile ({@code kubectl annotate ohr x ocihelm.io/reconcile-requested-at="$(date +%s)" --overwrite}).
 * A request is pending while the value differs from {@code status.lastHandledReconcileAt}, its echo.
 */
public final class ReconcileRequests {
  public static final String ANNOTATION = "ocihelm.io/reconcile-requested-at";

  private ReconcileRequests() {}

  /** The annotation's value; empty when absent or blank. */
  public static Optional<String> requestedAt(OciHelmRelease release) {
    Map<String, String> annotations = release.getMetadata() == null ? null : release.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(ANNOTATION);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** True when the annotation holds a value that status does not echo yet. */
  public static boolean isPending(OciHelmRelease release) {
    String handled = release.getStatus() == null ? null : release.getStatus().getLastHandledReconcileAt();
    return requestedAt(release).filter(value -> !value.equals(handled)).isPresent();
  }

  /** True when the annotation's value differs between two versions of the same release. */
  public static boolean changed(OciHelmRelease older, OciHelmRelease newer) {
    return !Objects.equals(requestedAt(older), requestedAt(newer));
  }
}
