package io.ocihelm.reconciler.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.ocihelm.api.v1alpha1.CosignVerification;
import io.ocihelm.api.v1alpha1.LocalSecretReference;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.RegistryAuth;
import io.ocihelm.api.v1alpha1.RegistryTls;
import io.ocihelm.api.v1alpha1.ValuesReference;
import io.ocihelm.api.v1alpha1.ValuesSourceKind;
import io.ocihelm.api.v1alpha1.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which ConfigMaps and Secrets a release reads, and which releases a changed one reconciles. */
class SourceIndexTest {

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of("no references", release("team-a", "demo", null), List.of()),
        Arguments.of("a ConfigMap", release("team-a", "demo", null, ref(ValuesSourceKind.ConfigMap, "values")),
            List.of("ConfigMap/team-a/values")),
        Arguments.of("a ConfigMap and a Secret of the same name are different sources",
            release("team-a", "demo", null, ref(ValuesSourceKind.ConfigMap, "v"), ref(ValuesSourceKind.Secret, "v")),
            List.of("ConfigMap/team-a/v", "Secret/team-a/v")),
        Arguments.of("a source named twice (two keys of it) is one key",
            release("team-a", "demo", null, ref(ValuesSourceKind.ConfigMap, "v"), ref(ValuesSourceKind.ConfigMap, "v")),
            List.of("ConfigMap/team-a/v")),
        Arguments.of("the registry credentials Secret", release("team-b", "demo", "pull"), List.of("Secret/team-b/pull")),
        Arguments.of("credentials that are also a values Secret: one key",
            release("team-b", "demo", "pull", ref(ValuesSourceKind.Secret, "pull")), List.of("Secret/team-b/pull")),
        Arguments.of("the CA and cosign key Secrets", withTlsAndVerify(release("team-c", "demo", null), "ca", "keys"),
            List.of("Secret/team-c/ca", "Secret/team-c/keys")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void keys(String name, OciHelmRelease release, List<String> expected) {
    assertThat(SourceIndex.keys(release)).containsExactlyElementsOf(expected);
  }

  @Test
  void aChangedSourceMapsToEveryReleaseReadingItAndNoOther() {
    var releases = new ListIndex(List.of(
        release("team-a", "one", null, ref(ValuesSourceKind.ConfigMap, "shared")),
        release("team-a", "two", null, ref(ValuesSourceKind.ConfigMap, "shared"), ref(ValuesSourceKind.Secret, "s")),
        release("team-a", "three", null, ref(ValuesSourceKind.Secret, "shared")),
        release("team-b", "four", null, ref(ValuesSourceKind.ConfigMap, "shared"))));

    var shared = new ConfigMapBuilder().withMetadata(new ObjectMetaBuilder()
        .withNamespace("team-a").withName("shared").build()).build();
    var secret = new SecretBuilder().withMetadata(new ObjectMetaBuilder()
        .withNamespace("team-a").withName("s").build()).build();
    var unread = new ConfigMapBuilder().withMetadata(new ObjectMetaBuilder()
        .withNamespace("team-a").withName("other").build()).build();

    assertThat(SourceIndex.releasesReading(ValuesSourceKind.ConfigMap, shared, releases))
        .containsExactlyInAnyOrder(new ResourceID("one", "team-a"), new ResourceID("two", "team-a"));
    assertThat(SourceIndex.releasesReading(ValuesSourceKind.Secret, secret, releases))
        .containsExactly(new ResourceID("two", "team-a"));
    assertThat(SourceIndex.releasesReading(ValuesSourceKind.ConfigMap, unread, releases)).isEmpty();
  }

  private static OciHelmRelease withTlsAndVerify(OciHelmRelease release, String caSecret, String keySecret) {
    LocalSecretReference ca = new LocalSecretReference();
    ca.setName(caSecret);
    RegistryTls tls = new RegistryTls();
    tls.setCaSecretRef(ca);
    release.getSpec().setTls(tls);
    LocalSecretReference keys = new LocalSecretReference();
    keys.setName(keySecret);
    CosignVerification cosign = new CosignVerification();
    cosign.setPublicKeySecretRef(keys);
    Verification verify = new Verification();
    verify.setCosign(cosign);
    release.getSpec().setVerify(verify);
    return release;
  }

  private static ValuesReference ref(ValuesSourceKind kind, String name) {
    ValuesReference reference = new ValuesReference();
    reference.setKind(kind);
    reference.setName(name);
    return reference;
  }

  private static OciHelmRelease release(String namespace, String name, String authSecret, ValuesReference... refs) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    spec.setValuesFrom(new ArrayList<>(List.of(refs)));
    if (authSecret != null) {
      LocalSecretReference secretRef = new LocalSecretReference();
      secretRef.setName(authSecret);
      RegistryAuth auth = new RegistryAuth();
      auth.setSecretRef(secretRef);
      spec.setAuth(auth);
    }
    release.setSpec(spec);
    return release;
  }

  /** JOSDK's index over a plain list: the index function applied to every release. */
  private record ListIndex(List<OciHelmRelease> releases) implements IndexedResourceCache<OciHelmRelease> {
    @Override
    public List<OciHelmRelease> byIndex(String indexName, String key) {
      assertThat(indexName).isEqualTo(SourceIndex.NAME);
      return releases.stream().filter(r -> SourceIndex.keys(r).contains(key)).toList();
    }

    @Override
    public Stream<OciHelmRelease> list(String namespace, Predicate<OciHelmRelease> predicate) {
      return releases.stream().filter(predicate);
    }

    @Override
    public Optional<OciHelmRelease> get(ResourceID id) {
      return releases.stream().filter(r -> ResourceID.fromResource(r).equals(id)).findFirst();
    }

    @Override
    public Stream<ResourceID> keys() {
      return releases.stream().map(ResourceID::fromResource);
    }

    @Override
    public Stream<OciHelmRelease> list(Predicate<OciHelmRelease> predicate) {
      return releases.stream().filter(predicate);
    }
  }
}
