package io.ocihelm.assess;

import io.ocihelm.apply.Inventory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The health of a release's objects at one moment: which of them are not current, and why.
 *
 * @param assessed how many objects were looked at
 * @param unhealthy the objects that are not current, in inventory order
 */
public record HealthReport(int assessed, List<Unhealthy> unhealthy) {

  /** An object that is not current (missing objects included). */
  public record Unhealthy(Inventory.Entry entry, Health health) {
    @Override
    public String toString() {
      return entry.kind() + " " + (entry.namespace().isEmpty() ? "" : entry.namespace() + "/") + entry.name()
          + ": " + health.message();
    }
  }

  /** At most this many objects are named in {@link #summary()}; status messages stay short. */
  static final int NAMED_IN_SUMMARY = 5;

  public HealthReport {
    unhealthy = List.copyOf(unhealthy);
  }

  public boolean isHealthy() {
    return unhealthy.isEmpty();
  }

  /** e.g. {@code 1 of 3 objects not healthy: Deployment team-a/web: 0 of 1 replicas ready}. */
  public String summary() {
    if (isHealthy()) {
      return assessed + " objects healthy";
    }
    String named = unhealthy.stream().limit(NAMED_IN_SUMMARY).map(Unhealthy::toString).collect(Collectors.joining("; "));
    int more = unhealthy.size() - NAMED_IN_SUMMARY;
    return unhealthy.size() + " of " + assessed + " objects not healthy: " + named + (more > 0 ? "; and " + more + " more" : "");
  }
}
