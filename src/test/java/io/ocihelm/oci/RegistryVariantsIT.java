package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.Registry.Variant;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every test-bed registry variant (anonymous HTTP, htpasswd, token server, TLS): charts pushed by
 * helm are pulled by us with helm's digests; wrong or missing credentials are AuthenticationFailed.
 */
class RegistryVariantsIT {

  private record Pushed(Registry registry, Helm helm, OciReference ref, String digest) {}

  private static Pushed push(Variant variant, Path work) {
    Registry registry = Registry.shared(variant);
    Helm helm = Helm.isolated(work.resolve("helm"));
    helm.login(registry);
    String repo = "variants-" + variant.name().toLowerCase(Locale.ROOT);
    String digest = HelmCharts.push(helm, HelmCharts.packageChart(helm, "auth", "1.0.0+build.3", null, work), registry, repo);
    return new Pushed(registry, helm, OciReference.parse(registry.ociReference(repo + "/auth")), digest);
  }

  private static PulledChart pull(RegistryOptions options, OciReference ref, String version) {
    try (RegistryClient client = new RegistryClient(options)) {
      return new ChartPuller(client, BlobCache.inMemory(1 << 22)).pull(ref, version);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Variant.class)
  void pullsWhatHelmPushedWithItsDigest(Variant variant, @TempDir Path work) {
    Pushed p = push(variant, work);
    PulledChart chart = pull(HelmCharts.options(p.registry()), p.ref(), "^1.0.0");
    assertThat(chart.digest()).isEqualTo(p.digest());
    assertThat(chart.version()).isEqualTo("1.0.0+build.3");
    assertThat(chart.reference().registryTag()).isEqualTo("1.0.0_build.3");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Variant.class, names = {"BASIC_AUTH", "BEARER_TOKEN"})
  void credentialsFromTheConfigHelmLoginWrote(Variant variant, @TempDir Path work) {
    Pushed p = push(variant, work);
    DockerConfig config = DockerConfig.load(work.resolve("helm/config/helm/registry/config.json"));
    TlsOptions tls = HelmCharts.tls(p.registry());
    PulledChart chart = pull(RegistryOptions.defaults().withTls(h -> tls).withCredentials(config), p.ref(), null);
    assertThat(chart.digest()).isEqualTo(p.digest());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Variant.class, names = {"BASIC_AUTH", "BEARER_TOKEN"})
  void wrongPasswordIsAuthenticationFailed(Variant variant, @TempDir Path work) {
    Pushed p = push(variant, work);
    RegistryOptions wrong = HelmCharts.options(p.registry())
        .withCredentials(CredentialStore.of(Credentials.basic(p.registry().credentials().orElseThrow().username(), "wrong-pass")));
    assertThatThrownBy(() -> pull(wrong, p.ref(), "1.0.0+build.3"))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageNotContaining("wrong-pass");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Variant.class, names = {"BASIC_AUTH", "BEARER_TOKEN"})
  void anonymousIsAuthenticationFailed(Variant variant, @TempDir Path work) {
    Pushed p = push(variant, work);
    RegistryOptions anonymous = HelmCharts.options(p.registry()).withCredentials(CredentialStore.ANONYMOUS);
    assertThatThrownBy(() -> pull(anonymous, p.ref(), null)).isInstanceOf(AuthenticationFailedException.class);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Variant.class)
  void missingTagIsChartNotFound(Variant variant, @TempDir Path work) {
    Pushed p = push(variant, work);
    assertThatThrownBy(() -> pull(HelmCharts.options(p.registry()), p.ref(), "9.9.9"))
        .isInstanceOf(ChartNotFoundException.class);
  }

  /** Charts pushed by helm 3.17.3 (the last helm 3 that pushes {@code +build} versions) read the same. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Variant.class, names = {"ANONYMOUS", "BEARER_TOKEN"})
  void pullsWhatHelm3Pushed(Variant variant, @TempDir Path work) {
    Registry registry = Registry.shared(variant);
    Helm helm3 = Helm.isolated(io.ocihelm.testbed.Tool.HELM3, work.resolve("helm3"));
    helm3.login(registry);
    String repo = "helm3-" + variant.name().toLowerCase(Locale.ROOT);
    String digest = HelmCharts.push(helm3, HelmCharts.packageChart(helm3, "old", "2.0.0+legacy.1", null, work), registry, repo);
    PulledChart chart = pull(HelmCharts.options(registry), OciReference.parse(registry.ociReference(repo + "/old")), null);
    assertThat(chart.digest()).isEqualTo(digest);
    assertThat(chart.version()).isEqualTo("2.0.0+legacy.1");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Variant.class, names = {"BEARER_TOKEN"})
  void tokenIsReusedAcrossRequests(Variant variant, @TempDir Path work) {
    Pushed p = push(variant, work);
    try (RegistryClient client = new RegistryClient(HelmCharts.options(p.registry()))) {
      ChartPuller puller = new ChartPuller(client, BlobCache.inMemory(1 << 22));
      puller.pull(p.ref(), "1.0.0+build.3");
      long before = client.requestCount();
      puller.pull(p.ref(), "1.0.0+build.3");
      // warm and authenticated: one HEAD with the cached token, no challenge, no token request
      assertThat(client.requestCount() - before).isEqualTo(1);
    }
  }
}
