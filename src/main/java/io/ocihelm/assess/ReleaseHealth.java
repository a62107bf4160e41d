package io.ocihelm.assess;

import io.ocihelm.apply.Inventory;
import java.util.ArrayList;
import java.util.List;

/** Assesses every object of a release's inventory by {@link HealthRules}, reading them through {@link LiveObjects}. */
public final class ReleaseHealth {
  private final LiveObjects live;

  public ReleaseHealth(LiveObjects live) {
    this.live = live;
  }

  /** Reads every object of {@code inventory} and assesses it. */
  public HealthReport assess(Inventory inventory) {
    return assess(inventory, false);
  }

  /**
   * @param justApplied the inventory was applied successfully a moment ago: objects whose kind is
   *     healthy once it exists ({@link HealthRules#dependsOnState}) are not read back
   */
  public HealthReport assess(Inventory inventory, boolean justApplied) {
    List<HealthReport.Unhealthy> unhealthy = new ArrayList<>();
    for (Inventory.Entry entry : inventory.entries()) {
      if (justApplied && !HealthRules.dependsOnState(entry.apiVersion(), entry.kind())) {
        continue;
      }
      Health health = live.get(entry)
          .map(HealthRules::assess)
          .orElseGet(() -> Health.inProgress("not found"));
      if (!health.isCurrent()) {
        unhealthy.add(new HealthReport.Unhealthy(entry, health));
      }
    }
    return new HealthReport(inventory.entries().size(), unhealthy);
  }
}
