package io.ocihelm.reconciler.step;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.api.v1alpha1.DriftDetectionMode;
import io.ocihelm.api.v1alpha1.DriftDetectionSpec;
import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.ReleaseOwnership;
import io.ocihelm.apply.ServerSideApplier;
import io.ocihelm.assess.DriftDetector;
import io.ocihelm.assess.DriftIgnores;
import io.ocihelm.assess.ObjectDrift;
import io.ocihelm.reconciler.DriftResult;
import io.ocihelm.reconciler.ReleaseRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Assess and act, on a reconcile with nothing to release: compare what was applied (from {@link
 * AppliedObjects}, never a new render) with the live objects ({@link DriftDetector}), then per
 * {@code spec.driftDetection.mode}: {@code warn} only reports, {@code enabled} puts the drifted
 * objects back, {@code disabled} does not look.
 *
 * <p>The correction is a server-side apply of the recorded objects, forced: the applied
 * configuration holds only the fields we set (ignored paths carry their live value), so forcing
 * takes back exactly our fields from whoever changed them (a {@code kubectl edit} moves a field's
 * ownership to its editor; without force our apply would conflict on it) and never touches a
 * field only another manager sets. Deleted objects are recreated by the same apply.
 */
public final class CorrectDrift implements ReleaseStep {
  private static final Logger LOG = Logger.getLogger(CorrectDrift.class.getName());

  /** Hears of every correction made (events; a hook point for whoever emits them). */
  @FunctionalInterface
  public interface CorrectionListener {
    void corrected(ReleaseRequest request, List<ObjectDrift> drifts);

    CorrectionListener NONE = (request, drifts) -> {};
  }

  private final AppliedObjects applied;
  private final DriftDetector detector;
  private final ServerSideApplier applier;
  private final CorrectionListener listener;

  public CorrectDrift(AppliedObjects applied, DriftDetector detector, ServerSideApplier applier, CorrectionListener listener) {
    this.applied = applied;
    this.detector = detector;
    this.applier = applier;
    this.listener = listener;
  }

  public static DriftDetectionMode mode(ReleaseRequest request) {
    DriftDetectionSpec spec = request.spec().getDriftDetection();
    return spec == null || spec.getMode() == null ? DriftDetectionMode.ENABLED : spec.getMode();
  }

  @Override
  public void run(ReleaseRequest request) {
    DriftDetectionMode mode = mode(request);
    if (mode == DriftDetectionMode.DISABLED) {
      return;
    }
    Optional<List<GenericKubernetesResource>> desired = applied.desired(request);
    if (desired.isEmpty()) {
      // No record of what was applied (deleted by hand): nothing to compare with; the next
      // release records it again.
      LOG.warning("no release record of " + request.ownerKey() + " to compare live objects with");
      return;
    }
    DriftIgnores ignores = new DriftIgnores(request.spec().getDriftDetection() == null
        ? List.of() : request.spec().getDriftDetection().getIgnore());
    List<ObjectDrift> drifts = detector.detect(desired.get(), ignores);
    if (drifts.isEmpty()) {
      request.setDrift(DriftResult.IN_SYNC);
      return;
    }
    if (mode == DriftDetectionMode.WARN) {
      request.setDrift(DriftResult.detected(drifts));
      return;
    }
    List<GenericKubernetesResource> corrections = drifts.stream().map(ObjectDrift::correction).filter(Objects::nonNull).toList();
    ReleaseOwnership ownership = new ReleaseOwnership(request.releaseName(), request.targetNamespace(), request.ownerKey());
    try {
      applier.apply(corrections, request.targetNamespace(), ownership, true);
    } catch (ApplyException e) {
      request.setDrift(DriftResult.correctionFailed(drifts, e.getMessage()));
      return;
    }
    request.setDrift(DriftResult.corrected(drifts));
    listener.corrected(request, drifts);
  }
}
