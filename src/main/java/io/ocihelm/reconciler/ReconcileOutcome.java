package io.ocihelm.reconciler;

/** How one reconcile ended, as the steps left it; {@link StatusWriter} turns it into status. */
public sealed interface ReconcileOutcome {
  ReleaseRequest request();

  /** A new revision was rendered and applied, and is healthy (or spec.wait is false). */
  record Released(ReleaseRequest request) implements ReconcileOutcome {}

  /** The revision is applied; its objects are not healthy yet and spec.timeout has not passed. */
  record Waiting(ReleaseRequest request) implements ReconcileOutcome {}

  /** Nothing changed since the last successful revision. */
  record UpToDate(ReleaseRequest request) implements ReconcileOutcome {}

  /** A step failed; the failure says whether it is retried. */
  record Failed(ReleaseRequest request, ReconcileFailure failure) implements ReconcileOutcome {}
}
