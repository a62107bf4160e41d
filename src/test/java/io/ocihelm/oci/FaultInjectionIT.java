package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.oci.FaultProxy.Fault;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fault-injecting TCP proxy between the client and a real registry: transient faults are
 * retried to success, persistent ones end in a typed failure, and no unverified byte comes out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT {
  private Registry registry;
  private byte[] chartTgz;
  private String manifestDigest;
  private ChartManifest manifest;

  @BeforeAll
  void start(@TempDir Path work) throws Exception {
    registry = Registry.shared(Registry.Variant.ANONYMOUS);
    Helm helm = Helm.isolated(work.resolve("helm"));
    byte[] noise = new byte[300_000];
    new Random(7).nextBytes(noise);
    Path tgz = HelmCharts.packageChart(helm, "faulty", "1.0.0", noise, work.resolve("src"));
    chartTgz = Files.readAllBytes(tgz);
    manifestDigest = HelmCharts.push(helm, tgz, registry, "faults");
    try (RegistryClient direct = client()) {
      manifest = direct.fetchManifest(OciReference.parse(registry.ociReference("faults/faulty:1.0.0")));
    }
  }

  private static RegistryClient client() {
    return new RegistryClient(RegistryOptions.defaults()
        .withTls(h -> TlsOptions.PLAIN_HTTP)
        .withRetries(4, Duration.ofMillis(20), Duration.ofMillis(200)));
  }

  private PulledChart pullThrough(FaultProxy proxy, BlobCache cache) {
    try (RegistryClient client = client()) {
      return new ChartPuller(client, cache).pull(OciReference.parse("oci://" + proxy.host() + "/faults/faulty"), "1.0.0");
    }
  }

  static Stream<Fault> transientFaults() {
    return Stream.of(Fault.SERVER_ERROR, Fault.TOO_MANY_REQUESTS, Fault.RESET, Fault.TRUNCATE, Fault.TAMPER, Fault.SLOW);
  }

  @ParameterizedTest(name = "{0} once on the chart blob")
  @MethodSource("transientFaults")
  void transientBlobFaultIsRetriedToVerifiedSuccess(Fault fault) throws Exception {
    try (FaultProxy proxy = new FaultProxy(registry.url().getPort(), "/blobs/" + manifest.chart().digest())) {
      proxy.script(fault);
      PulledChart chart = pullThrough(proxy, BlobCache.inMemory(1 << 22));
      assertThat(chart.archive()).isEqualTo(chartTgz);
      assertThat(chart.digest()).isEqualTo(manifestDigest);
      assertThat(proxy.matchingRequests.get()).isEqualTo(fault == Fault.SLOW ? 1 : 2);
    }
  }

  @ParameterizedTest(name = "{0} once on the manifest")
  @MethodSource("transientFaults")
  void transientManifestFaultIsRetriedToVerifiedSuccess(Fault fault) throws Exception {
    try (FaultProxy proxy = new FaultProxy(registry.url().getPort(), "/manifests/")) {
      proxy.script(fault);
      PulledChart chart = pullThrough(proxy, BlobCache.inMemory(1 << 22));
      assertThat(chart.digest()).isEqualTo(manifestDigest);
      assertThat(chart.archive()).isEqualTo(chartTgz);
    }
  }

  @ParameterizedTest(name = "{0} on every attempt")
  @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "RESET", "TRUNCATE", "TAMPER"})
  void persistentBlobFaultFailsTypedAndCachesNothing(Fault fault) throws Exception {
    BlobCache cache = BlobCache.inMemory(1 << 22);
    try (FaultProxy proxy = new FaultProxy(registry.url().getPort(), "/blobs/" + manifest.chart().digest())) {
      proxy.always(fault);
      Class<? extends RegistryException> expected =
          fault == Fault.TAMPER ? DigestMismatchException.class : RegistryUnavailableException.class;
      assertThatThrownBy(() -> pullThrough(proxy, cache)).isInstanceOf(expected);
      // four attempts; java.net.http itself re-sends a GET once after a reset, hence "at least"
      assertThat(proxy.matchingRequests.get()).isGreaterThanOrEqualTo(4);
      assertThat(cache.find(manifest.chart().digest())).isEmpty();
    }
  }

  @Test
  void tamperedManifestIsNeverAccepted() throws Exception {
    try (FaultProxy proxy = new FaultProxy(registry.url().getPort(), "/manifests/")) {
      proxy.always(Fault.TAMPER);
      assertThatThrownBy(() -> pullThrough(proxy, BlobCache.inMemory(1 << 22)))
          .isInstanceOf(DigestMismatchException.class);
    }
  }

  @Test
  void retryAfterIsHonoured() throws Exception {
    try (FaultProxy proxy = new FaultProxy(registry.url().getPort(), "/blobs/" + manifest.chart().digest())) {
      proxy.script(Fault.TOO_MANY_REQUESTS);
      long start = System.nanoTime();
      pullThrough(proxy, BlobCache.inMemory(1 << 22));
      // The client's own backoff is at most 200 ms here; one second means Retry-After: 1 was used.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
  }

  @Test
  void persistentRateLimitEndsAsRegistryUnavailable() throws Exception {
    try (FaultProxy proxy = new FaultProxy(registry.url().getPort(), "/blobs/" + manifest.chart().digest())) {
      proxy.always(Fault.TOO_MANY_REQUESTS);
      assertThatThrownBy(() -> pullThrough(proxy, BlobCache.inMemory(1 << 22)))
          .isInstanceOf(RegistryUnavailableException.class)
          .hasMessageContaining("HTTP 429");
    }
  }
}
