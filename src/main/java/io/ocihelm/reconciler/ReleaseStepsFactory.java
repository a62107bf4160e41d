package io.ocihelm.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.chart.SemverRange;
import io.ocihelm.oci.BlobCache;
import io.ocihelm.oci.RegistryOptions;
import io.ocihelm.reconciler.step.ApplyManifests;
import io.ocihelm.reconciler.step.FetchChart;
import io.ocihelm.reconciler.step.LoadValues;
import io.ocihelm.reconciler.step.PruneOrphans;
import io.ocihelm.reconciler.step.RecordFailedApply;
import io.ocihelm.reconciler.step.RecordRelease;
import io.ocihelm.reconciler.step.RegistryAccess;
import io.ocihelm.reconciler.step.ReleaseRecorder;
import io.ocihelm.reconciler.step.RenderRelease;
import io.ocihelm.reconciler.step.ResolveChart;
import io.ocihelm.reconciler.step.StoredReleaseRecorder;
import io.ocihelm.reconciler.step.Uninstall;
import io.ocihelm.render.Capabilities;
import io.ocihelm.render.ReleaseRenderer;
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

  /**
   * The operator's default: revisions recorded as Helm's release Secrets; apply, prune, records
   * and uninstall as the release's ServiceAccount when it names one ({@link ClusterAccess}).
   */
  public static ReleaseSteps standard(KubernetesClient client, RegistryOptions registryOptions) {
    ClusterAccess access = new ClusterAccess(client);
    return standard(client, registryOptions, access,
        new StoredReleaseRecorder(access::store, java.time.Clock.systemUTC()));
  }

  public static ReleaseSteps standard(KubernetesClient client, RegistryOptions registryOptions, ReleaseRecorder records) {
    return standard(client, registryOptions, new ClusterAccess(client), records);
  }

  /**
   * Registry credentials and valuesFrom are read as the operator (deploy/restricted grants that per
   * tenant namespace); what a chart does to the cluster goes through {@code access}.
   */
  public static ReleaseSteps standard(
      KubernetesClient client, RegistryOptions registryOptions, ClusterAccess access, ReleaseRecorder records) {
    RegistryAccess registries = new RegistryAccess(client, registryOptions, BlobCache.inMemory(BLOB_CACHE_BYTES));
    ReleaseRenderer renderer = new ReleaseRenderer(new SemverRange(), LOG::warning);
    return new ReleaseSteps(
        new ResolveChart(registries),
        new LoadValues(client),
        new FetchChart(registries, new ChartLoader()),
        new RenderRelease(renderer, clusterCapabilities(client), records),
        new RecordFailedApply(new ApplyManifests(access::applier), records),
        new PruneOrphans(access::pruner),
        new RecordRelease(records),
        new Uninstall(access::pruner, records));
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
