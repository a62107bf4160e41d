package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Last resort once the retries of a failed upgrade are used up. */
public enum ExhaustedAction {
  /** Re-apply the last successful revision's recorded manifest. */
  @JsonProperty("rollback")
  ROLLBACK,
  /** Uninstall the release. */
  @JsonProperty("uninstall")
  UNINSTALL,
  /** Leave the failed upgrade in place. */
  @JsonProperty("none")
  NONE
}
