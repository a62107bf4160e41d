package io.ocihelm.reconciler.step;

import io.ocihelm.assess.InformerLiveObjects;
import io.ocihelm.reconciler.ReleaseRequest;

/**
 * After a release: keeps what was applied for later drift checks ({@link AppliedObjects}) and
 * makes sure every kind released is watched, so a change to any of them reconciles the release.
 */
public final class RememberApplied implements ReleaseStep {
  private final AppliedObjects applied;
  private final InformerLiveObjects watched;

  /** @param watched the shared informers, or null when nothing is watched (tests) */
  public RememberApplied(AppliedObjects applied, InformerLiveObjects watched) {
    this.applied = applied;
    this.watched = watched;
  }

  @Override
  public void run(ReleaseRequest request) {
    if (!request.hasApplied()) {
      // Only health was assessed (the objects were applied by an earlier reconcile, remembered then).
      return;
    }
    applied.remember(request);
    if (watched != null) {
      watched.watch(request.applied());
    }
  }
}
