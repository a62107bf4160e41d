package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.oci.OciReference;
import io.ocihelm.oci.RegistryException;
import io.ocihelm.oci.ResolvedReference;
import io.ocihelm.reconciler.GoDuration;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.reconciler.watch.ReconcileRequests;

/**
 * Observe: which chart version and manifest digest spec.chart means right now. An exact version
 * costs one HEAD, a constraint one tag list more; nothing is downloaded, so the periodic check of
 * an unchanged release stays cheap. Releases on the same repository, version/constraint and
 * credentials share one such check per interval ({@link SharedResolutions}); an explicit reconcile
 * request (the reconcile-requested-at annotation) asks the registry again.
 */
public final class ResolveChart implements ReleaseStep {
  private final RegistryAccess registries;
  private final SharedResolutions resolutions;

  public ResolveChart(RegistryAccess registries, SharedResolutions resolutions) {
    this.registries = registries;
    this.resolutions = resolutions;
  }

  @Override
  public void run(ReleaseRequest request) {
    ChartSource source = request.spec().getChart();
    try {
      OciReference repository = OciReference.parse(source.getRepository());
      String pinned = source.getDigest();
      boolean digestOnly = (source.getVersion() == null || source.getVersion().isBlank())
          && pinned != null && !pinned.isEmpty();
      if (digestOnly) {
        // The version is known once the chart's config is read (FetchChart).
        request.setResolvedChart(new ReleaseRequest.ResolvedChart(repository.withDigest(pinned), "", pinned));
        return;
      }
      RegistryAccess.Connection connection = registries.connection(request);
      SharedResolutions.Key key = new SharedResolutions.Key(
          source.getRepository(), source.getVersion() == null ? "" : source.getVersion().strip(), connection.identity());
      SharedResolutions.Resolution resolution = resolutions.resolve(key,
          GoDuration.parse(request.spec().getInterval()),
          ReconcileRequests.isPending(request.release()),
          () -> {
            ResolvedReference resolved = connection.client().resolve(repository, source.getVersion());
            String digest = connection.client().headManifest(resolved.reference()).digest();
            return new SharedResolutions.Resolution(resolved.reference(), resolved.version(), digest);
          });
      if (pinned != null && !pinned.isEmpty() && !pinned.equals(resolution.digest())) {
        throw ReconcileFailure.terminal(Reason.VerificationFailed,
            resolution.reference() + " has digest " + resolution.digest() + ", but spec.chart.digest pins " + pinned, null);
      }
      request.setResolvedChart(new ReleaseRequest.ResolvedChart(
          resolution.reference(), resolution.version(), resolution.digest()));
    } catch (RegistryException e) {
      throw RegistryFailures.of(e);
    }
  }
}
