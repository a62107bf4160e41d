package io.ocihelm.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.apply.ClusterCapabilities;
import io.ocihelm.apply.ClusterLookup;
import io.ocihelm.apply.CrdEstablishment;
import io.ocihelm.apply.CrdInstaller;
import io.ocihelm.apply.NamespaceCreator;
import io.ocihelm.apply.Pruner;
import io.ocihelm.apply.hook.HookRunner;
import io.ocihelm.apply.ResourceScopes;
import io.ocihelm.apply.ServerSideApplier;
import io.ocihelm.assess.DriftDetector;
import io.ocihelm.assess.InformerLiveObjects;
import io.ocihelm.assess.ServerSideApplyPreview;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.chart.SemverRange;
import io.ocihelm.oci.BlobCache;
import io.ocihelm.oci.RegistryOptions;
import io.ocihelm.assess.ApiLiveObjects;
import io.ocihelm.assess.LiveObjects;
import io.ocihelm.assess.ReleaseHealth;
import io.ocihelm.reconciler.step.ApplyManifests;
import io.ocihelm.reconciler.step.ApplyWithHooks;
import io.ocihelm.reconciler.step.PostHooksWhenHealthy;
import io.ocihelm.reconciler.step.CreateNamespace;
import io.ocihelm.reconciler.step.InstallCrds;
import io.ocihelm.reconciler.step.AssessHealth;
import io.ocihelm.reconciler.step.AppliedObjects;
import io.ocihelm.reconciler.step.ApplyManifests;
import io.ocihelm.reconciler.step.CorrectDrift;
import io.ocihelm.reconciler.step.FetchChart;
import io.ocihelm.reconciler.step.LoadValues;
import io.ocihelm.reconciler.step.PruneOrphans;
import io.ocihelm.reconciler.step.RecordFailedApply;
import io.ocihelm.reconciler.step.RecordRelease;
import io.ocihelm.reconciler.step.RegistryAccess;
import io.ocihelm.reconciler.step.RemediateFailure;
import io.ocihelm.reconciler.step.RollBack;
import io.ocihelm.reconciler.step.RememberApplied;
import io.ocihelm.reconciler.step.ReleaseRecorder;
import io.ocihelm.reconciler.step.RenderRelease;
import io.ocihelm.reconciler.step.ResolveChart;
import io.ocihelm.reconciler.step.SharedResolutions;
import io.ocihelm.reconciler.step.StoredReleaseRecorder;
import io.ocihelm.release.ReleaseStore;
import io.ocihelm.reconciler.step.Uninstall;
import io.ocihelm.reconciler.step.VerifyChart;
import io.ocihelm.render.ReleaseRenderer;
import io.ocihelm.reconciler.watch.WatchedSources;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Builds the production steps on one Kubernetes client: one registry access (clients and blob
 * cache shared by all releases), one renderer, one discovery cache (kinds' scopes, lookups and
 * .Capabilities), one hook runner.
 */
public final class ReleaseStepsFactory {
  private static final Logger LOG = Logger.getLogger(ReleaseStepsFactory.class.getName());
  private static final long BLOB_CACHE_BYTES = 64L * 1024 * 1024;
  /** CRDs installed by others show in .Capabilities after at most this long. */
  private static final Duration CAPABILITIES_MAX_AGE = Duration.ofMinutes(5);
  // What releases applied, gzipped: ~2-5 KiB for ten objects, so 1,000 releases fit many times.
  private static final long APPLIED_OBJECTS_BYTES = 32L * 1024 * 1024;

  private ReleaseStepsFactory() {}

  /**
   * The operator's default: revisions recorded as Helm's release Secrets; apply, prune, records
   * and uninstall as the release's ServiceAccount when it names one ({@link ClusterAccess}).
   */
  public static ReleaseSteps standard(KubernetesClient client, RegistryOptions registryOptions) {
    return standard(client, registryOptions, (ReleaseRecorder) null);
  }

  /** The operator's default, reading ConfigMaps and Secrets through {@code sources}' informers. */
  public static ReleaseSteps standard(KubernetesClient client, RegistryOptions registryOptions, WatchedSources sources) {
    return standard(client, registryOptions, null, sources,
        new SharedResolutions(Clock.systemUTC()), new ApiLiveObjects(client));
  }

  public static ReleaseSteps standard(KubernetesClient client, RegistryOptions registryOptions, ReleaseRecorder records) {
    return standard(client, registryOptions, records, new WatchedSources(client), new SharedResolutions(Clock.systemUTC()),
        new ApiLiveObjects(client));
  }

  /**
   * @param records null for the default: Helm's release Secrets, written as the release's identity
   * @param live how the health step reads released objects: by GET in the operator, since an
   *     informer cache can lag an apply (an old generation would look healthy)
   */
  public static ReleaseSteps standard(KubernetesClient client, RegistryOptions registryOptions, ReleaseRecorder givenRecords,
      WatchedSources sources, SharedResolutions resolutions, LiveObjects live) {
    RegistryAccess registries = new RegistryAccess(sources, registryOptions, BlobCache.inMemory(BLOB_CACHE_BYTES));
    ReleaseRenderer renderer = new ReleaseRenderer(new SemverRange(), LOG::warning);
    Pruner pruner = new Pruner(client);
    ResourceScopes scopes = new ResourceScopes(client);
    ClusterCapabilities capabilities = new ClusterCapabilities(client, Clock.systemUTC(), CAPABILITIES_MAX_AGE);
    // A CRD established by any release changes what every render sees in .Capabilities.
    CrdEstablishment crds = new CrdEstablishment(client, capabilities::invalidate);
    ServerSideApplier applier = new ServerSideApplier(client, scopes, crds);
    // spec.serviceAccountName: apply, prune, records and uninstall impersonate it. Hooks, CRDs,
    // createNamespace, lookups, rollback and drift correction still run as the operator (see
    // docs/operator.md).
    ClusterAccess access = new ClusterAccess(client, identity -> new ServerSideApplier(identity, scopes, crds));
    ReleaseRecorder records = givenRecords != null ? givenRecords
        : new StoredReleaseRecorder(access::store, Clock.systemUTC());
    HookRunner hooks = new HookRunner(client, applier, Clock.systemUTC());
    InformerLiveObjects liveObjects = new InformerLiveObjects(client);
    AppliedObjects applied = new AppliedObjects(new ReleaseStore(client), APPLIED_OBJECTS_BYTES);
    return new ReleaseSteps(
        new ResolveChart(registries, resolutions),
        new LoadValues(sources),
        new VerifyChart(sources, registries),
        new FetchChart(registries, new ChartLoader()),
        new InstallCrds(new CrdInstaller(client, crds), records),
        new RenderRelease(renderer, capabilities, new ClusterLookup(client, scopes), records),
        new CreateNamespace(new NamespaceCreator(client)),
        new RecordFailedApply(new ApplyWithHooks(hooks, new ApplyManifests(access::applier)), records),
        new PruneOrphans(access::pruner),
        new PostHooksWhenHealthy(hooks, records,
            new AssessHealth(new ReleaseHealth(live), records, Clock.systemUTC())),
        new RecordRelease(records),
        new RemediateFailure(records, new RollBack(applier, pruner, records), pruner),
        new Uninstall(access::pruner, records, hooks),
        new RememberApplied(applied, liveObjects),
        new CorrectDrift(applied, new DriftDetector(liveObjects, new ServerSideApplyPreview(client)), applier,
            CorrectDrift.CorrectionListener.NONE),
        liveObjects);
  }
}
