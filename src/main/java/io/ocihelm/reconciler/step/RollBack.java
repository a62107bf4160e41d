package io.ocihelm.reconciler.step;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.Inventory;
import io.ocihelm.apply.ManifestObjects;
import io.ocihelm.apply.Pruner;
import io.ocihelm.apply.ReleaseOwnership;
import io.ocihelm.apply.ServerSideApplier;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.release.ReleaseRecord;
import io.ocihelm.render.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Remediation: returns the release to an earlier revision like {@code helm rollback}, from the
 * revision's record alone (DESIGN.md §2a: nothing is re-rendered): a new revision "Rollback to N"
 * is recorded pending-rollback, the recorded manifest is applied, what the failed attempt added is
 * pruned, and the new revision becomes deployed (the older deployed ones superseded).
 */
public final class RollBack {
  // Helm compat: a stored manifest is "---"-separated documents, each starting "# Source: <path>".
  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$");
  private static final String SOURCE = "# Source: ";

  private final ServerSideApplier applier;
  private final Pruner pruner;
  private final ReleaseRecorder records;

  public RollBack(ServerSideApplier applier, Pruner pruner, ReleaseRecorder records) {
    this.applier = applier;
    this.pruner = pruner;
    this.records = records;
  }

  /** Rolls back to {@code target}; afterwards {@code request.applied()} is what the rollback applied. */
  public void run(ReleaseRequest request, ReleaseRecord target) {
    List<GenericKubernetesResource> objects;
    try {
      objects = ManifestObjects.decode(documents(target.manifest()));
    } catch (ManifestObjects.InvalidManifestException e) {
      throw ReconcileFailure.terminal(Reason.ApplyFailed, "revision " + target.version() + ": " + e.getMessage(), e);
    }
    Inventory failedAttempt = Inventory.of(union(request));
    records.recordRollback(request, target);
    ReleaseOwnership ownership = new ReleaseOwnership(request.releaseName(), request.targetNamespace(), request.ownerKey());
    try {
      Inventory applied = applier.apply(objects, request.targetNamespace(), ownership, false);
      if (!Boolean.FALSE.equals(request.spec().getPrune())) {
        pruner.prune(failedAttempt, applied);
      }
      request.setApplied(applied);
    } catch (ApplyException e) {
      String message = "rollback to revision " + target.version() + ": " + e.getMessage();
      records.settlePending(request, false, message);
      throw ReconcileFailure.terminal(Reason.ApplyFailed, message, e);
    }
    records.settlePending(request, true, "Rollback to " + target.version());
  }

  /** What the cluster may hold of the failed attempt: the last inventory and whatever this reconcile applied. */
  private static List<Inventory.Entry> union(ReleaseRequest request) {
    List<Inventory.Entry> entries = new ArrayList<>(request.previousInventory().entries());
    if (request.hasApplied()) {
      entries.addAll(request.applied().entries());
    }
    return entries;
  }

  /** The stored manifest as the documents it was made of. */
  static List<Manifest> documents(String manifest) {
    List<Manifest> documents = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(manifest == null ? "" : manifest)) {
      String text = document.strip();
      if (text.isEmpty()) {
        continue;
      }
      String path = "manifest";
      if (text.startsWith(SOURCE)) {
        int end = text.indexOf('\n');
        path = end < 0 ? text.substring(SOURCE.length()) : text.substring(SOURCE.length(), end);
      }
      documents.add(new Manifest(path, text + "\n", "", "", List.of()));
    }
    return documents;
  }
}
