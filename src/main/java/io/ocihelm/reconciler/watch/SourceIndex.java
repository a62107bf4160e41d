package io.ocihelm.reconciler.watch;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.CosignVerification;
import io.ocihelm.api.v1alpha1.LocalSecretReference;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.RegistryAuth;
import io.ocihelm.api.v1alpha1.RegistryTls;
import io.ocihelm.api.v1alpha1.ValuesSourceKind;
import io.ocihelm.api.v1alpha1.Verification;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An index of the ConfigMaps and Secrets each release reads, kept by JOSDK on its cache of
 * OciHelmReleases: the key {@code Kind/namespace/name} of every valuesFrom reference and of the
 * Secrets of spec.auth (credentials), spec.tls (CA) and spec.verify (cosign public keys). A change to a ConfigMap or Secret finds the
 * releases to reconcile with one index lookup, not a scan of all releases. Both references are
 * namespace-local (DESIGN.md §2), so the namespace is the release's.
 */
public final class SourceIndex {
  public static final String NAME = "ocihelm.io/sources";

  private SourceIndex() {}

  /** The index keys of one release: one per distinct referenced ConfigMap or Secret. */
  public static List<String> keys(OciHelmRelease release) {
    OciHelmReleaseSpec spec = release.getSpec();
    if (spec == null) {
      return List.of();
    }
    String namespace = release.getMetadata().getNamespace();
    Stream<String> values = spec.getValuesFrom() == null ? Stream.empty() : spec.getValuesFrom().stream()
        .filter(r -> r.getKind() != null && r.getName() != null && !r.getName().isEmpty())
        .map(r -> key(r.getKind(), namespace, r.getName()));
    Stream<String> secrets = Stream.of(
            Optional.ofNullable(spec.getAuth()).map(RegistryAuth::getSecretRef),
            Optional.ofNullable(spec.getTls()).map(RegistryTls::getCaSecretRef),
            Optional.ofNullable(spec.getVerify()).map(Verification::getCosign)
                .map(CosignVerification::getPublicKeySecretRef))
        .flatMap(Optional::stream)
        .map(LocalSecretReference::getName)
        .filter(name -> name != null && !name.isEmpty())
        .map(name -> key(ValuesSourceKind.Secret, namespace, name));
    return Stream.concat(values, secrets).distinct().toList();
  }

  public static String key(ValuesSourceKind kind, String namespace, String name) {
    return kind.name() + "/" + namespace + "/" + name;
  }

  /** The releases that read {@code source} (a ConfigMap or Secret). */
  public static Set<ResourceID> releasesReading(
      ValuesSourceKind kind, HasMetadata source, IndexedResourceCache<OciHelmRelease> releases) {
    String key = key(kind, source.getMetadata().getNamespace(), source.getMetadata().getName());
    return releases.byIndex(NAME, key).stream().map(ResourceID::fromResource).collect(Collectors.toSet());
  }
}
