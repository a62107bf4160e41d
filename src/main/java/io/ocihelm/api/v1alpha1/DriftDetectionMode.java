package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How drift of released resources from the recorded manifest is handled. */
public enum DriftDetectionMode {
  /** Detect drift and re-apply the recorded manifest. */
  @JsonProperty("enabled")
  ENABLED,
  /** Detect drift and report it in the Drifted condition, change nothing. */
  @JsonProperty("warn")
  WARN,
  /** Do not look for drift. */
  @JsonProperty("disabled")
  DISABLED
}
