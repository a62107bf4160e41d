package io.ocihelm.apply.hook;

import io.ocihelm.render.Manifest;
import java.time.Instant;
import java.util.List;

/**
 * How one hook ran: Helm's {@code last_run}. {@code completedAt} is null while it runs.
 *
 * @param hook the hook as rendered
 * @param deletePolicies the policies it ran with (Helm records the default it applied)
 * @param phase Helm's phase: {@value #RUNNING}, {@value #SUCCEEDED} or {@value #FAILED}
 */
public record HookRun(Manifest hook, List<String> deletePolicies, String phase, Instant startedAt, Instant completedAt) {
  public static final String RUNNING = "Running";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";

  public HookRun {
    deletePolicies = List.copyOf(deletePolicies);
  }

  HookRun finished(String finalPhase, Instant at) {
    return new HookRun(hook, deletePolicies, finalPhase, startedAt, at);
  }
}
