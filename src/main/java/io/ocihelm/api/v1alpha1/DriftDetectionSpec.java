package io.ocihelm.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** How changes made to released resources outside ocihelm are handled. */
public class DriftDetectionSpec {

  @Default("enabled")
  @JsonPropertyDescription(
      "enabled: correct drift; warn: only report it (Drifted condition); disabled: do not look.")
  private DriftDetectionMode mode = DriftDetectionMode.ENABLED;

  @Size(max = 64)
  @JsonPropertyDescription("Fields that may differ from the chart without counting as drift.")
  private List<DriftIgnoreRule> ignore = new ArrayList<>();

  public DriftDetectionMode getMode() {
    return mode;
  }

  public void setMode(DriftDetectionMode mode) {
    this.mode = mode;
  }

  public List<DriftIgnoreRule> getIgnore() {
    return ignore;
  }

  public void setIgnore(List<DriftIgnoreRule> ignore) {
    this.ignore = ignore;
  }
}
