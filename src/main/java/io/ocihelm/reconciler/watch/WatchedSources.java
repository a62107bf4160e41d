package io.ocihelm.reconciler.watch;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.ValuesSourceKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ConfigMaps and Secrets releases read (valuesFrom, registry credentials), watched by one
 * informer per kind for all releases, and read from those informers' caches.
 *
 * <p>Watches: a change of a ConfigMap's or Secret's data reconciles every release whose valuesFrom
 * (or spec.auth) names it, found through {@link SourceIndex} on JOSDK's release cache; changes of
 * metadata only (labels, annotations) trigger nothing.
 *
 * <p>Memory: the informers cache every ConfigMap and Secret of the watched namespaces except two
 * kinds that are large, numerous and never values: Helm's release records (Secrets labelled
 * {@code owner=helm}, one per revision, each a gzipped chart and manifest) and the objects our
 * releases apply (labelled {@value #RELEASE_LABEL}). A values source carrying such a label is still
 * read, from the API server on each reconcile, but its changes trigger nothing until the interval.
 *
 * <p>Reads: the cache first; the API server only when the cache has no such object (not attached
 * yet, excluded by the selectors above, just created, or really absent — an absent optional
 * reference thus costs one GET per reconcile). Before {@link #eventSources} attaches the informers
 * (tests that call the reconciler directly), every read goes to the API server.
 */
public final class WatchedSources {
  static final String RELEASE_LABEL = "ocihelm.io/release";
  /** ConfigMaps that are not objects one of our releases applied. */
  static final String CONFIG_MAP_SELECTOR = "!" + RELEASE_LABEL;
  /** Secrets that are neither Helm release records nor objects one of our releases applied. */
  static final String SECRET_SELECTOR = "owner!=helm,!" + RELEASE_LABEL;

  private final KubernetesClient client;
  private volatile InformerEventSource<ConfigMap, OciHelmRelease> configMaps;
  private volatile InformerEventSource<Secret, OciHelmRelease> secrets;

  public WatchedSources(KubernetesClient client) {
    this.client = client;
  }

  public Optional<ConfigMap> configMap(String namespace, String name) {
    InformerEventSource<ConfigMap, OciHelmRelease> cache = configMaps;
    Optional<ConfigMap> cached = cache == null ? Optional.empty() : cache.get(new ResourceID(name, namespace));
    return cached.isPresent()
        ? cached
        : Optional.ofNullable(client.configMaps().inNamespace(namespace).withName(name).get());
  }

  public Optional<Secret> secret(String namespace, String name) {
    InformerEventSource<Secret, OciHelmRelease> cache = secrets;
    Optional<Secret> cached = cache == null ? Optional.empty() : cache.get(new ResourceID(name, namespace));
    return cached.isPresent()
        ? cached
        : Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get());
  }

  /**
   * The two informers, for {@code Reconciler#prepareEventSources}; from then on reads use their
   * caches. Registers the valuesFrom index on the release cache the mappers look up.
   */
  public List<EventSource<?, OciHelmRelease>> eventSources(EventSourceContext<OciHelmRelease> context) {
    context.getPrimaryCache().addIndexer(SourceIndex.NAME, SourceIndex::keys);
    InformerEventSource<ConfigMap, OciHelmRelease> configMapSource = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(ConfigMap.class, OciHelmRelease.class)
            .withName("values-configmaps")
            .withNamespacesInheritedFromController()
            .withLabelSelector(CONFIG_MAP_SELECTOR)
            .withSecondaryToPrimaryMapper(map -> SourceIndex.releasesReading(
                ValuesSourceKind.ConfigMap, map, context.getPrimaryCache()))
            .withOnUpdateFilter((newer, older) -> !Objects.equals(newer.getData(), older.getData())
                || !Objects.equals(newer.getBinaryData(), older.getBinaryData()))
            .build(),
        context);
    InformerEventSource<Secret, OciHelmRelease> secretSource = new InformerEventSource<>(
        InformerEventSourceConfiguration.from(Secret.class, OciHelmRelease.class)
            .withName("values-secrets")
            .withNamespacesInheritedFromController()
            .withLabelSelector(SECRET_SELECTOR)
            .withSecondaryToPrimaryMapper(secret -> SourceIndex.releasesReading(
                ValuesSourceKind.Secret, secret, context.getPrimaryCache()))
            .withOnUpdateFilter((newer, older) -> !Objects.equals(newer.getData(), older.getData())
                || !Objects.equals(newer.getStringData(), older.getStringData()))
            .build(),
        context);
    configMaps = configMapSource;
    secrets = secretSource;
    return List.of(configMapSource, secretSource);
  }
}
