package io.ocihelm.reconciler.step;

import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.oci.OciReference;
import io.ocihelm.oci.RegistryClient;
import io.ocihelm.oci.RegistryException;
import io.ocihelm.oci.ResolvedReference;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;

/**
 * Observe: which chart version and manifest digest spec.chart means right now. An exact version
 * costs one HEAD, a constraint one tag list more; nothing is downloaded, so the periodic check of
 * an unchanged release stays cheap.
 */
public final class ResolveChart implements ReleaseStep {
  private final RegistryAccess registries;

  public ResolveChart(RegistryAccess registries) {
    this.registries = registries;
  }

  @Override
  public void run(ReleaseRequest request) {
    ChartSource source = request.spec().getChart();
    try {
      OciReference repository = OciReference.parse(source.getRepository());
      RegistryClient client = registries.client(request);
      String pinned = source.getDigest();
      boolean digestOnly = (source.getVersion() == null || source.getVersion().isBlank())
          && pinned != null && !pinned.isEmpty();
      if (digestOnly) {
        // The version is known once the chart's config is read (FetchChart).
        request.setResolvedChart(new ReleaseRequest.ResolvedChart(repository.withDigest(pinned), "", pinned));
        return;
      }
      ResolvedReference resolved = client.resolve(repository, source.getVersion());
      OciReference tagged = resolved.reference();
      String digest = client.headManifest(tagged).digest();
      if (pinned != null && !pinned.isEmpty() && !pinned.equals(digest)) {
        throw ReconcileFailure.terminal(Reason.VerificationFailed,
            tagged + " has digest " + digest + ", but spec.chart.digest pins " + pinned, null);
      }
      request.setResolvedChart(new ReleaseRequest.ResolvedChart(tagged, resolved.version(), digest));
    } catch (RegistryException e) {
      throw RegistryFailures.of(e);
    }
  }
}
