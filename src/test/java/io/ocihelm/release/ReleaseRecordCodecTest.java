package io.ocihelm.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Secret format of Helm's secrets driver, against Secrets the real helm 4.1.4 and 3.17.3 wrote. */
class ReleaseRecordCodecTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A Secret captured from real helm (see src/test/resources/io/ocihelm/release/README.md). */
  record Captured(
      String scenario,
      String resource,
      String namespace,
      Instant firstDeployed,
      Instant lastDeployed,
      String applyMethod,
      String expectedModifiedAt) {}

  static Stream<Captured> captured() {
    return Stream.of(
        new Captured(
            "helm 4.1.4 upgrade",
            "helm4.1.4-upgrade-v2.secret.json",
            "cap4",
            Instant.parse("2026-11-25T22:54:14.523399719Z"),
            Instant.parse("2026-11-25T22:54:15.179994269Z"),
            "ssa",
            "1795647254"),
        new Captured(
            "helm 3.17.3 upgrade",
            "helm3.17.3-upgrade-v2.secret.json",
            "cap3",
            Instant.parse("2026-11-25T22:54:17.868577412Z"),
            Instant.parse("2026-11-25T22:54:19.437133213Z"),
            null,
            "1795647259"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captured")
  void decodesWhatHelmWrote(Captured captured) throws IOException {
    Secret secret = secret(captured.resource());

    ReleaseRecord record = ReleaseRecordCodec.fromSecret(secret);

    assertThat(record.name()).isEqualTo("web");
    assertThat(record.namespace()).isEqualTo(captured.namespace());
    assertThat(record.version()).isEqualTo(2);
    assertThat(record.status()).isEqualTo(ReleaseStatus.DEPLOYED);
    assertThat(record.info().description()).isEqualTo("Upgrade complete");
    assertThat(record.info().firstDeployed()).isEqualTo(captured.firstDeployed());
    assertThat(record.info().lastDeployed()).isEqualTo(captured.lastDeployed());
    assertThat(record.info().deleted()).isNull();
    assertThat(record.info().notes()).startsWith("1. Get the application URL by running these commands:");
    assertThat(record.applyMethod()).isEqualTo(captured.applyMethod());
    assertThat(record.chart().name()).isEqualTo("demo");
    assertThat(record.chart().version()).isEqualTo("0.1.0");
    assertThat(record.chart().appVersion()).isEqualTo("1.16.0");
    assertThat(record.chart().templates()).hasSize(9);
    assertThat(record.chart().templates().getFirst().name()).isEqualTo("templates/NOTES.txt");
    assertThat(record.chart().values()).containsEntry("replicaCount", 1);
    assertThat(record.chart().schema()).isNull();
    assertThat(record.config()).isEqualTo(Map.of("replicaCount", 3));
    assertThat(record.manifest()).contains("# Source: demo/templates/deployment.yaml");
    assertThat(record.hooks()).singleElement().satisfies(hook -> {
      assertThat(hook.name()).isEqualTo("web-demo-test-connection");
      assertThat(hook.kind()).isEqualTo("Pod");
      assertThat(hook.events()).containsExactly("test");
    });
    assertThat(record.labels()).isEmpty();
    assertThat(secret.getMetadata().getLabels())
        .isEqualTo(ReleaseRecordCodec.toSecret(record, Instant.ofEpochSecond(Long.parseLong(captured.expectedModifiedAt())))
            .getMetadata()
            .getLabels());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captured")
  void reencodingHelmsRecordKeepsEveryField(Captured captured) throws IOException {
    Secret secret = secret(captured.resource());
    JsonNode helmJson = JSON.readTree(helmJson(secret));

    JsonNode ours = JSON.readTree(ReleaseRecordCodec.toJson(ReleaseRecordCodec.fromSecret(secret)));

    // Helm compat: helm 3 writes an unset "deleted" as ""; we omit unset times, as helm 4 does.
    ObjectNode expected = helmJson.deepCopy();
    if (expected.path("info").path("deleted").asText().isEmpty()) {
      ((ObjectNode) expected.get("info")).remove("deleted");
    }
    assertThat(ours).isEqualTo(expected);
  }

  @Test
  void roundTripsOurOwnRecord() {
    ReleaseRecord record =
        new ReleaseRecord(
            "app",
            ReleaseInfo.of(
                Instant.parse("2026-01-02T03:04:05.1Z"), Instant.parse("2026-01-02T03:04:06Z"), ReleaseStatus.DEPLOYED, "Install complete", "hi"),
            ReleaseChart.of(
                Map.of("apiVersion", "v2", "name", "app", "version", "1.2.3", "appVersion", "4.5"),
                List.of(ReleaseFile.of("templates/cm.yaml", "kind: ConfigMap\n")),
                Map.of("a", 1),
                "{\"type\":\"object\"}".getBytes(StandardCharsets.UTF_8),
                List.of()),
            Map.of("a", 2, "nested", Map.of("b", List.of("x"))),
            "---\n# Source: app/templates/cm.yaml\nkind: ConfigMap\n",
            List.of(ReleaseHook.of("job", "Job", "app/templates/job.yaml", "kind: Job\n", List.of("pre-install"), 5, List.of("hook-succeeded"))),
            1,
            "team-a",
            ReleaseRecord.APPLY_METHOD_SERVER_SIDE,
            Map.of("team", "a"),
            null);

    Secret secret = ReleaseRecordCodec.toSecret(record, Instant.ofEpochSecond(1_700_000_000L));
    ReleaseRecord decoded = ReleaseRecordCodec.fromSecret(secret);

    assertThat(secret.getMetadata().getName()).isEqualTo("sh.helm.release.v1.app.v1");
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(secret.getType()).isEqualTo("helm.sh/release.v1");
    assertThat(secret.getMetadata().getLabels())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("team", "a", "name", "app", "owner", "helm", "status", "deployed", "version", "1", "modifiedAt", "1700000000"));
    assertThat(ReleaseRecordCodec.toJson(decoded)).isEqualTo(ReleaseRecordCodec.toJson(record));
    assertThat(decoded.labels()).isEqualTo(Map.of("team", "a"));
    assertThat(new String(decoded.chart().schema(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"object\"}");
  }

  @Test
  void acceptsUngzippedJsonLikeHelm() {
    String plain = Base64.getEncoder().encodeToString("{\"name\":\"x\",\"version\":3,\"info\":{\"status\":\"failed\"}}".getBytes(StandardCharsets.UTF_8));

    ReleaseRecord record = ReleaseRecordCodec.decode(plain);

    assertThat(record.version()).isEqualTo(3);
    assertThat(record.status()).isEqualTo(ReleaseStatus.FAILED);
  }

  @Test
  void rejectsDataThatIsNoRelease() {
    assertThatThrownBy(() -> ReleaseRecordCodec.decode("%%%")).isInstanceOf(ReleaseRecordException.class).hasMessageContaining("base64");
    assertThatThrownBy(() -> ReleaseRecordCodec.decode(Base64.getEncoder().encodeToString("[1,2]".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ReleaseRecordException.class)
        .hasMessageContaining("not a Helm release JSON");
  }

  /** Go's RFC3339Nano drops trailing zeros of the fraction (helm's records show nine digits when there are nine). */
  record TimeCase(String scenario, String instant, String formatted) {}

  static Stream<TimeCase> times() {
    return Stream.of(
        new TimeCase("nine digits, as helm wrote", "2026-11-25T22:54:14.523399719Z", "2026-11-25T22:54:14.523399719Z"),
        new TimeCase("trailing zeros dropped", "2026-11-25T22:54:14.500Z", "2026-11-25T22:54:14.5Z"),
        new TimeCase("whole second", "2026-11-25T22:54:14Z", "2026-11-25T22:54:14Z"),
        new TimeCase("micros", "2026-11-25T22:54:14.000120Z", "2026-11-25T22:54:14.00012Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("times")
  void formatsTimesLikeGo(TimeCase time) {
    assertThat(HelmTime.format(Instant.parse(time.instant()))).isEqualTo(time.formatted());
    assertThat(HelmTime.parse(time.formatted())).isEqualTo(Instant.parse(time.instant()));
  }

  @Test
  void unsetTimesReadAsNull() {
    assertThat(HelmTime.parse("")).isNull();
    assertThat(HelmTime.parse("0001-01-01T00:00:00Z")).isNull();
    assertThat(HelmTime.parse("2026-11-25T23:54:14+01:00")).isEqualTo(Instant.parse("2026-11-25T22:54:14Z"));
  }

  /** Go's encoding/json float64 output, as seen in helm's records (chart values are all float64). */
  record FloatCase(String scenario, double value, String json) {}

  static Stream<FloatCase> floats() {
    return Stream.of(
        new FloatCase("integral, as helm wrote replicaCount", 1.0, "1"),
        new FloatCase("integral, as helm wrote targetCPUUtilizationPercentage", 80.0, "80"),
        new FloatCase("integral, as helm wrote maxReplicas", 100.0, "100"),
        new FloatCase("fraction", 0.25, "0.25"),
        new FloatCase("negative", -3.5, "-3.5"),
        new FloatCase("zero", 0.0, "0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("floats")
  void writesFloatsLikeGo(FloatCase c) {
    assertThat(GoFloatSerializer.format(c.value())).isEqualTo(c.json());
  }

  static Secret secret(String resource) throws IOException {
    try (InputStream in = ReleaseRecordCodecTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return JSON.readValue(in, Secret.class);
    }
  }

  private static byte[] helmJson(Secret secret) throws IOException {
    byte[] once = Base64.getDecoder().decode(secret.getData().get("release"));
    byte[] gzipped = Base64.getDecoder().decode(new String(once, StandardCharsets.US_ASCII));
    try (var gzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
      return gzip.readAllBytes();
    }
  }
}
