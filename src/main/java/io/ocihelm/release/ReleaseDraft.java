package io.ocihelm.release;

import java.util.List;
import java.util.Map;

/**
 * What the reconciler knows about a revision it is about to record; {@link ReleaseStore} adds the
 * revision number, timestamps and status.
 *
 * @param namespace the release's (target) namespace
 * @param name the release name
 * @param chart the chart as rendered (metadata with name/version/appVersion at least, templates, default values)
 * @param config the user-supplied values ({@code values} + {@code valuesFrom} merged), not the chart defaults
 * @param manifest the rendered non-hook manifests, {@code ---}-separated, as applied
 * @param hooks the rendered hooks
 * @param notes the rendered NOTES.txt, or ""
 * @param description "Install complete" / "Upgrade complete" style text; {@code null} for Helm's default
 */
public record ReleaseDraft(
    String namespace,
    String name,
    ReleaseChart chart,
    Map<String, Object> config,
    String manifest,
    List<ReleaseHook> hooks,
    String notes,
    String description) {

  public ReleaseDraft {
    config = config == null ? Map.of() : config;
    hooks = hooks == null ? List.of() : List.copyOf(hooks);
    notes = notes == null ? "" : notes;
  }
}
