package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.NamespaceCreator;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;

/**
 * Act: with spec.createNamespace, the target namespace is created when missing, before hooks and
 * resources go into it ({@code helm install --create-namespace}). It is not part of the release:
 * uninstall leaves it.
 */
public final class CreateNamespace implements ReleaseStep {
  private final NamespaceCreator namespaces;

  public CreateNamespace(NamespaceCreator namespaces) {
    this.namespaces = namespaces;
  }

  @Override
  public void run(ReleaseRequest request) {
    if (!Boolean.TRUE.equals(request.spec().getCreateNamespace())) {
      return;
    }
    try {
      namespaces.ensure(request.targetNamespace());
    } catch (ApplyException e) {
      String message = "create namespace: " + e.getMessage();
      throw e.isTransient()
          ? ReconcileFailure.transientFailure(Reason.ApplyFailed, message, e)
          : ReconcileFailure.terminal(Reason.ApplyFailed, message, e);
    }
  }
}
