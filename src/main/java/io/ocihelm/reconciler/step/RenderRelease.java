package io.ocihelm.reconciler.step;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.ManifestObjects;
import io.ocihelm.chart.ChartLoadException;
import io.ocihelm.render.Capabilities;
import io.ocihelm.render.Lookup;
import io.ocihelm.render.ReleaseInfo;
import io.ocihelm.render.ReleaseRenderer;
import io.ocihelm.render.RenderException;
import io.ocihelm.render.RenderedRelease;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import java.util.function.Supplier;

/**
 * Act: renders the chart with the merged values, as {@code helm install} would, and decodes the
 * manifests into objects. A failure here is terminal and nothing is applied: the same chart and
 * values fail the same way until one of them changes. The message is Helm's, which names the
 * template file and line. As {@code helm install}, and unlike {@code helm template}, the render sees
 * the cluster: {@code lookup} reads it and {@code .Capabilities} is the cluster's (a cluster that
 * cannot answer makes the failure transient).
 */
public final class RenderRelease implements ReleaseStep {
  private final ReleaseRenderer renderer;
  private final Supplier<Capabilities> capabilities;
  private final Lookup lookup;
  private final ReleaseRecorder records;

  public RenderRelease(ReleaseRenderer renderer, Supplier<Capabilities> capabilities, ReleaseRecorder records) {
    this(renderer, capabilities, Lookup.NONE, records);
  }

  public RenderRelease(
      ReleaseRenderer renderer, Supplier<Capabilities> capabilities, Lookup lookup, ReleaseRecorder records) {
    this.renderer = renderer;
    this.capabilities = capabilities;
    this.lookup = lookup;
    this.records = records;
  }

  @Override
  public void run(ReleaseRequest request) {
    long revision = records.nextRevision(request);
    request.setRevision(revision);
    ReleaseInfo info = new ReleaseInfo(
        request.releaseName(), request.targetNamespace(), revision, revision == 1, revision > 1);
    Capabilities cluster;
    try {
      cluster = capabilities.get();
    } catch (KubernetesClientException e) {
      throw ReconcileFailure.transientFailure(Reason.RenderFailed,
          "could not get apiVersions from Kubernetes: " + e.getMessage(), e);
    }
    RenderedRelease rendered;
    try {
      rendered = renderer.render(new ReleaseRenderer.Request(
          request.chart(), request.values().values(), info, cluster, false, lookup));
    } catch (RenderException e) {
      if (clusterUnavailable(e)) {
        throw ReconcileFailure.transientFailure(Reason.RenderFailed, e.getMessage(), e);
      }
      throw ReconcileFailure.terminal(Reason.RenderFailed, e.getMessage(), e);
    } catch (ChartLoadException e) {
      // Helm refuses these before rendering: schema violations, missing dependencies, bad values.
      throw ReconcileFailure.terminal(Reason.ValuesInvalid, e.getMessage(), e);
    }
    try {
      request.setObjects(ManifestObjects.decode(rendered.manifests()));
    } catch (ManifestObjects.InvalidManifestException e) {
      throw ReconcileFailure.terminal(Reason.RenderFailed, e.getMessage(), e);
    }
    request.setRendered(rendered);
  }

  /** A lookup the API server could not answer for a passing reason (unavailable, throttled). */
  private static boolean clusterUnavailable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof KubernetesClientException k) {
        int code = k.getCode();
        return code == 0 || code == 429 || code >= 500;
      }
    }
    return false;
  }
}
