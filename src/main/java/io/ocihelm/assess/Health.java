package io.ocihelm.assess;

/**
 * How one released object stands, in kstatus' terms: {@code Current} (reconciled and ready),
 * {@code InProgress} (its controller is still working, or nobody has looked yet) or {@code Failed}
 * (its controller reports it cannot get there, e.g. a Job's Failed condition). The message says why
 * an object is not current, in the words a user reads in the Ready condition.
 *
 * @param state the object's state
 * @param message why it is not current; empty when it is
 */
public record Health(State state, String message) {

  /** kstatus' states this operator distinguishes. */
  public enum State {
    CURRENT,
    IN_PROGRESS,
    FAILED
  }

  private static final Health CURRENT = new Health(State.CURRENT, "");

  public static Health current() {
    return CURRENT;
  }

  public static Health inProgress(String message) {
    return new Health(State.IN_PROGRESS, message);
  }

  public static Health failed(String message) {
    return new Health(State.FAILED, message);
  }

  public boolean isCurrent() {
    return state == State.CURRENT;
  }
}
