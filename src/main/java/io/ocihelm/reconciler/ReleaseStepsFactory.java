package io.ocihelm.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.apply.Pruner;
import io.ocihelm.apply.ResourceScopes;
import io.ocihelm.apply.ServerSideApplier;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.chart.SemverRange;
import io.ocihelm.oci.BlobCache;
import io.ocihelm.oci.RegistryOptions;
import io.ocihelm.assess.ApiLiveObjects;
import io.ocihelm.assess.LiveObjects;
import io.ocihelm.assess.ReleaseHealth;
import io.ocihelm.reconciler.step.ApplyManifests;
import io.ocihelm.reconciler.step.AssessHealth;
import io.ocihelm.reconciler.step.FetchChart;
import io.ocihelm.reconciler.step.LoadValues;
import io.ocihelm.reconciler.step.PruneOrphans;
import io.ocihelm.reconciler.step.RecordFailedApply;
import io.ocihelm.reconciler.step.RecordRelease;
import io.ocihelm.reconciler.step.RegistryAccess;
import io.ocihelm.reconciler.step.RemediateFailure;
import io.ocihelm.reconciler.step.RollBack;
import io.ocihelm.reconciler.step.ReleaseRecorder;
import io.ocihelm.reconciler.step.RenderRelease;
import io.ocihelm.reconciler.step.ResolveChart;
import io.ocihelm.reconciler.step.StoredReleaseRecorder;
import io.ocihelm.release.ReleaseStore;
import io.ocihelm.reconciler.step.Uninstall;
import io.ocihelm.render.Capabilities;
import io.ocihelm.render.ReleaseRenderer;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Builds the production steps on one Kubernetes client: one registry access (clients and blob
 * cache shared by all releases), one renderer, one discovery cache.
 */
public final class ReleaseStepsFactory {
  private static final Logger LOG = Logger.getLogger(ReleaseStepsFactory.class.getName());
  private static final long BLOB_CACHE_BYTES = 64L * 1024 * 1024;

  private ReleaseStepsFactory() {}

  /** The operator's default: revisions recorded as Helm's release Secrets. */
  public static ReleaseSteps standard(KubernetesClient client, RegistryOptions registryOptions) {
    return standard(client, registryOptions, new StoredReleaseRecorder(new ReleaseStore(client)));
  }

  public static ReleaseSteps standard(KubernetesClient client, RegistryOptions registryOptions, ReleaseRecorder records) {
    return standard(client, registryOptions, records, new ApiLiveObjects(client));
  }

  /** @param live how the health step reads released objects (an informer cache in the operator) */
  public static ReleaseSteps standard(
      KubernetesClient client, RegistryOptions registryOptions, ReleaseRecorder records, LiveObjects live) {
    RegistryAccess registries = new RegistryAccess(client, registryOptions, BlobCache.inMemory(BLOB_CACHE_BYTES));
    ReleaseRenderer renderer = new ReleaseRenderer(new SemverRange(), LOG::warning);
    Pruner pruner = new Pruner(client);
    ServerSideApplier applier = new ServerSideApplier(client, new ResourceScopes(client));
    return new ReleaseSteps(
        new ResolveChart(registries),
        new LoadValues(client),
        new FetchChart(registries, new ChartLoader()),
        new RenderRelease(renderer, clusterCapabilities(client), records),
        new RecordFailedApply(new ApplyManifests(applier), records),
        new PruneOrphans(pruner),
        new AssessHealth(new ReleaseHealth(live), records, Clock.systemUTC()),
        new RecordRelease(records),
        new RemediateFailure(records, new RollBack(applier, pruner, records), pruner),
        new Uninstall(pruner, records));
  }

  /**
   * The cluster's version for .Capabilities.KubeVersion, asked once. The API versions are Helm's
   * defaults for now, not the cluster's discovery (see the report of issue 8).
   */
  private static Supplier<Capabilities> clusterCapabilities(KubernetesClient client) {
    return new Supplier<>() {
      private volatile Capabilities known;

      @Override
      public Capabilities get() {
        if (known == null) {
          String version = client.getKubernetesVersion().getGitVersion();
          known = Capabilities.forTemplate(version, List.of(), Capabilities.DEFAULT_API_VERSIONS);
        }
        return known;
      }
    };
  }
}
