package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.testbed.ToolRun;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The client against a real anonymous registry, with charts pushed and pulled by the real helm. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryClientIT {
  private static final List<String> DEMO_VERSIONS = List.of(
      "0.1.0", "0.2.0", "0.2.1", "1.0.0", "1.2.3", "1.2.4-beta.1", "1.10.0", "2.0.0-rc.1", "0.1.0+build.1");
  private static final Pattern PULLED = Pattern.compile("Pulled: [^ ]+/charts/demo:(\\S+)");

  private Path work;
  private Registry registry;
  private Helm helm;
  private final Map<String, String> pushedDigests = new LinkedHashMap<>();
  private RegistryClient client;

  @BeforeAll
  void pushCharts(@TempDir Path tempDir) throws Exception {
    work = tempDir;
    // A private registry: the "demo" tag set must be exactly what the parity checks expect.
    registry = Registry.start(Registry.Variant.ANONYMOUS);
    helm = Helm.isolated(work.resolve("helm"));
    for (String v : DEMO_VERSIONS) {
      Path tgz = HelmCharts.packageChart(helm, "demo", v, null, work.resolve("src"));
      pushedDigests.put(v, HelmCharts.push(helm, tgz, registry, "charts"));
    }
    client = new RegistryClient(RegistryOptions.defaults().withTls(h -> TlsOptions.PLAIN_HTTP));
  }

  @AfterAll
  void stop() {
    if (client != null) {
      client.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  private OciReference demo() {
    return OciReference.parse(registry.ociReference("charts/demo"));
  }

  private ChartPuller puller() {
    return new ChartPuller(client, BlobCache.inMemory(64L << 20));
  }

  @Test
  void manifestDigestsEqualWhatHelmPushReported() {
    ChartPuller puller = puller();
    pushedDigests.forEach((version, digest) -> {
      PulledChart chart = puller.fetch(demo().withTag(version));
      assertThat(chart.digest()).as(version).isEqualTo(digest);
      assertThat(chart.version()).isEqualTo(version);
      assertThat(ContentDigest.sha256(chart.archive())).isEqualTo(chart.manifest().chart().digest());
    });
  }

  static Stream<String> constraints() {
    return Stream.of("", "*", "^1", "~1.2", ">=1.2.4-0", "0.1.0+build.1", "0.1.0", "1.0.0", "<1", ">0.1.0 <1.0.0",
        "~0.2", "^0.1", "1.x", ">=1.0.0, <1.5", "0.2.0 || 1.2.3", "1.2.3 - 1.10.0", "!=1.10.0", ">2", "1.2", "v1.0.0");
  }

  /** helm pull --version c and our resolution choose the same tag and digest, and write the same bytes. */
  @ParameterizedTest(name = "[{0}]")
  @MethodSource("constraints")
  void resolvesLikeHelmPull(String constraint) throws Exception {
    Path dest = Files.createTempDirectory(work, "pull-");
    ToolRun helm = HelmCharts.helm(this.helm, registry, "pull", registry.ociReference("charts/demo"),
        "--version", constraint, "--destination", dest.toString());
    if (helm.exitCode() != 0) {
      assertThatThrownBy(() -> puller().pull(demo(), constraint)).isInstanceOf(ChartNotFoundException.class);
      return;
    }
    String output = helm.stdout() + helm.stderr();
    Matcher m = PULLED.matcher(output);
    assertThat(m.find()).as(output).isTrue();
    PulledChart ours = puller().pull(demo(), constraint);
    assertThat(ours.reference().registryTag()).isEqualTo(m.group(1));
    assertThat(ours.digest()).isEqualTo(HelmCharts.digestIn(output));
    Path helmFile = dest.resolve(ours.archiveFileName());
    assertThat(helmFile).exists();
    assertThat(ours.archive()).isEqualTo(Files.readAllBytes(helmFile));
  }

  @Test
  void chartOverOneMegabyteMatchesHelmAndIsFasterWarm() throws Exception {
    byte[] noise = new byte[1_300_000];
    new Random(42).nextBytes(noise); // incompressible, so the .tgz stays over 1 MB
    Path tgz = HelmCharts.packageChart(helm, "big", "1.0.0", noise, work.resolve("src"));
    assertThat(Files.size(tgz)).isGreaterThan(1_000_000);
    String digest = HelmCharts.push(helm, tgz, registry, "charts");

    try (RegistryClient fresh = new RegistryClient(RegistryOptions.defaults().withTls(h -> TlsOptions.PLAIN_HTTP))) {
      ChartPuller puller = new ChartPuller(fresh, new BlobCache(work.resolve("cache"), 64L << 20));
      OciReference big = OciReference.parse(registry.ociReference("charts/big"));
      long t0 = System.nanoTime();
      long r0 = fresh.requestCount();
      PulledChart cold = puller.pull(big, "^1");
      long coldNanos = System.nanoTime() - t0;
      long coldRequests = fresh.requestCount() - r0;
      t0 = System.nanoTime();
      r0 = fresh.requestCount();
      PulledChart warm = puller.pull(big, "^1");
      long warmNanos = System.nanoTime() - t0;
      long warmRequests = fresh.requestCount() - r0;
      r0 = fresh.requestCount();
      puller.pull(big, "1.0.0");
      long exactWarmRequests = fresh.requestCount() - r0;

      assertThat(cold.digest()).isEqualTo(digest);
      assertThat(warm.archive()).isEqualTo(cold.archive()).isEqualTo(Files.readAllBytes(tgz));
      assertThat(warmRequests).isLessThan(coldRequests);
      String report = "1.3 MB chart (%d bytes): cold %.1f ms / %d requests (constraint), warm %.1f ms / %d requests (constraint), warm exact version %d request(s)%n"
          .formatted(cold.archive().length, coldNanos / 1e6, coldRequests, warmNanos / 1e6, warmRequests, exactWarmRequests);
      System.out.print(report);
      Files.writeString(Path.of("target", "oci-pull-latency.txt"), report);
    }
  }

  @Test
  void rePushedTagIsSeenWithItsNewDigest() throws Exception {
    Path first = HelmCharts.packageChart(helm, "repush", "3.0.0", "first".getBytes(StandardCharsets.UTF_8), work.resolve("a"));
    String d1 = HelmCharts.push(helm, first, registry, "charts");
    ChartPuller puller = puller();
    OciReference ref = OciReference.parse(registry.ociReference("charts/repush:3.0.0"));
    assertThat(puller.fetch(ref).digest()).isEqualTo(d1);

    Path second = HelmCharts.packageChart(helm, "repush", "3.0.0", "second".getBytes(StandardCharsets.UTF_8), work.resolve("b"));
    String d2 = HelmCharts.push(helm, second, registry, "charts");
    assertThat(d2).isNotEqualTo(d1);
    PulledChart again = puller.fetch(ref);
    assertThat(again.digest()).isEqualTo(d2);
    assertThat(again.archive()).isEqualTo(Files.readAllBytes(second));
    assertThat(client.headManifest(ref).digest()).isEqualTo(d2);
  }

  @Test
  void missingTagAndRepositoryAreChartNotFound() {
    assertThatThrownBy(() -> puller().pull(demo(), "9.9.9")).isInstanceOf(ChartNotFoundException.class);
    assertThatThrownBy(() -> puller().pull(demo(), ">5")).isInstanceOf(ChartNotFoundException.class)
        .hasMessageContaining("could not locate a version matching");
    OciReference nothing = OciReference.parse(registry.ociReference("charts/nothing"));
    assertThatThrownBy(() -> puller().pull(nothing, "")).isInstanceOf(ChartNotFoundException.class);
  }

  @Test
  void digestReferenceAndTagMismatch() {
    String digest = pushedDigests.get("1.0.0");
    OciReference byDigest = demo().withDigest(digest);
    assertThat(puller().pull(byDigest, null).version()).isEqualTo("1.0.0");
    assertThatThrownBy(() -> puller().pull(demo().withTag("1.0.0"), "0.2.0"))
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessage("chart reference and version mismatch: 0.2.0 is not 1.0.0");
  }

  @Test
  void indexAndNonHelmArtifactsAreRefusedClearly() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String config = upload(http, "other/image", "{}".getBytes(StandardCharsets.UTF_8));
    String imageManifest = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":2},"layers":[]}"""
        .formatted(config);
    String imageDigest = putManifest(http, "other/image", "1.0.0", MediaTypes.OCI_MANIFEST, imageManifest);
    String index = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json",
         "manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%d}]}"""
        .formatted(imageDigest, imageManifest.getBytes(StandardCharsets.UTF_8).length);
    putManifest(http, "other/image", "2.0.0", MediaTypes.OCI_INDEX, index);

    OciReference image = OciReference.parse(registry.ociReference("other/image"));
    assertThatThrownBy(() -> client.fetchManifest(image.withTag("1.0.0")))
        .isInstanceOf(UnsupportedArtifactException.class)
        .hasMessageContaining("is not a Helm chart: config media type is application/vnd.oci.image.config.v1+json");
    assertThatThrownBy(() -> client.fetchManifest(image.withTag("2.0.0")))
        .isInstanceOf(UnsupportedArtifactException.class)
        .hasMessageContaining("is an image index");
  }

  private String upload(HttpClient http, String repo, byte[] content) throws Exception {
    HttpResponse<Void> start = http.send(HttpRequest.newBuilder(URI.create("http://" + registry.host() + "/v2/" + repo + "/blobs/uploads/"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    String location = start.headers().firstValue("Location").orElseThrow();
    String digest = ContentDigest.sha256(content);
    URI put = URI.create("http://" + registry.host() + "/").resolve(location);
    put = URI.create(put + (put.getQuery() == null ? "?" : "&") + "digest=" + digest);
    HttpResponse<String> done = http.send(HttpRequest.newBuilder(put).PUT(HttpRequest.BodyPublishers.ofByteArray(content))
        .header("Content-Type", "application/octet-stream").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).as(done.body()).isEqualTo(201);
    return digest;
  }

  private String putManifest(HttpClient http, String repo, String tag, String mediaType, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + registry.host() + "/v2/" + repo + "/manifests/" + tag))
        .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return r.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }
}
