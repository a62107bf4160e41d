package io.ocihelm.reconciler.step;

import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.Inventory;
import io.ocihelm.apply.Pruner;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.reconciler.Remediation;
import io.ocihelm.release.ReleaseRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a failed install or upgrade: decides by {@link Remediation} (retry, or the last resort
 * once the retries are used up) and carries the last resort out: roll back to the last deployed
 * revision, or uninstall. The decision lands in {@code request.remediation()} for status.
 */
public final class RemediateFailure implements FailureStep {
  private final ReleaseRecorder records;
  private final RollBack rollBack;
  private final Pruner pruner;

  public RemediateFailure(ReleaseRecorder records, RollBack rollBack, Pruner pruner) {
    this.records = records;
    this.rollBack = rollBack;
    this.pruner = pruner;
  }

  @Override
  public void run(ReleaseRequest request, ReconcileFailure failure) {
    if (!Remediation.applies(failure)) {
      return;
    }
    Optional<ReleaseRecord> deployed = records.lastDeployed(request);
    Remediation decision = Remediation.decide(request.spec(), deployed.isPresent(), request.failuresIncludingThis());
    request.setRemediation(switch (decision.action()) {
      case RETRY, NONE -> decision;
      case ROLLBACK -> rollBack(request, failure, decision, deployed.orElseThrow());
      case UNINSTALL -> uninstall(request, failure, decision);
    });
  }

  private Remediation rollBack(ReleaseRequest request, ReconcileFailure failure, Remediation decision, ReleaseRecord target) {
    try {
      rollBack.run(request, target);
      return decision.withOutcome("rolled back to revision " + target.version());
    } catch (ReconcileFailure rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
      return decision.withOutcome(rollbackFailure.getMessage());
    }
  }

  private Remediation uninstall(ReleaseRequest request, ReconcileFailure failure, Remediation decision) {
    List<Inventory.Entry> entries = new ArrayList<>(request.previousInventory().entries());
    if (request.hasApplied()) {
      entries.addAll(request.applied().entries());
    }
    try {
      pruner.delete(Inventory.of(entries).entries());
    } catch (ApplyException e) {
      failure.addSuppressed(e);
      return decision.withOutcome("uninstall failed: " + e.getMessage());
    }
    records.recordUninstalled(request);
    request.setApplied(Inventory.EMPTY);
    return decision.withOutcome("uninstalled");
  }
}
