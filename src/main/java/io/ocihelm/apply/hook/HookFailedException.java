package io.ocihelm.apply.hook;

import java.util.List;

/**
 * A hook of an event failed: its object was refused, its Job or Pod failed, or it did not finish
 * within the timeout. The message names the event and the hook's template, as Helm's does;
 * {@link #runs()} are the hooks of the event that ran, the failed one last.
 */
public final class HookFailedException extends RuntimeException {
  private final List<HookRun> runs;
  private final boolean isTransient;

  public HookFailedException(String message, List<HookRun> runs, boolean isTransient, Throwable cause) {
    super(message, cause);
    this.runs = List.copyOf(runs);
    this.isTransient = isTransient;
  }

  public List<HookRun> runs() {
    return runs;
  }

  /** True when the cluster refused for a passing reason (throttled, unavailable). */
  public boolean isTransient() {
    return isTransient;
  }
}
