package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.CrdsPolicy;
import io.ocihelm.api.v1alpha1.InstallSpec;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.api.v1alpha1.UpgradeSpec;
import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.CrdInstaller;
import io.ocihelm.apply.ManifestObjects;
import io.ocihelm.chart.Chart;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Act, before rendering (as {@code helm install} does, so the render's .Capabilities sees them):
 * the CRDs of the chart tree's {@code crds/} directories by spec.install.crds on a first install
 * (default Create: missing ones only) and spec.upgrade.crds afterwards (default Skip, as {@code
 * helm upgrade}); CreateReplace also replaces existing ones. Waits until they are Established,
 * within spec.timeout.
 */
public final class InstallCrds implements ReleaseStep {
  /** {@link CrdInstaller#install}, the seam unit tests replace. */
  @FunctionalInterface
  public interface Installer {
    List<String> install(List<Chart.Crd> files, CrdInstaller.Existing existing, Duration timeout);
  }

  private final Installer installer;
  private final ReleaseRecorder records;

  public InstallCrds(CrdInstaller installer, ReleaseRecorder records) {
    this(installer::install, records);
  }

  public InstallCrds(Installer installer, ReleaseRecorder records) {
    this.installer = installer;
    this.records = records;
  }

  @Override
  public void run(ReleaseRequest request) {
    List<Chart.Crd> crds = request.chart().crdObjects();
    if (crds.isEmpty()) {
      return;
    }
    boolean install = records.nextRevision(request) == 1;
    CrdsPolicy policy = install
        ? Optional.ofNullable(request.spec().getInstall()).map(InstallSpec::getCrds).orElse(CrdsPolicy.Create)
        : Optional.ofNullable(request.spec().getUpgrade()).map(UpgradeSpec::getCrds).orElse(CrdsPolicy.Skip);
    if (policy == CrdsPolicy.Skip) {
      return;
    }
    CrdInstaller.Existing existing =
        policy == CrdsPolicy.CreateReplace ? CrdInstaller.Existing.REPLACE : CrdInstaller.Existing.KEEP;
    try {
      installer.install(crds, existing, request.timeout());
    } catch (ManifestObjects.InvalidManifestException e) {
      throw ReconcileFailure.terminal(Reason.RenderFailed, "crds/: " + e.getMessage(), e);
    } catch (ApplyException e) {
      String message = "crds/: " + e.getMessage();
      throw e.isTransient()
          ? ReconcileFailure.transientFailure(Reason.ApplyFailed, message, e)
          : ReconcileFailure.terminal(Reason.ApplyFailed, message, e);
    }
  }
}
