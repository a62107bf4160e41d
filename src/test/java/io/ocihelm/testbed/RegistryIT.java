package io.ocihelm.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry bed is real: the real helm pushes a chart into every variant and we read it back. */
class RegistryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern DIGEST = Pattern.compile("Digest: (sha256:[0-9a-f]{64})");

  static Stream<Arguments> variantsAndHelms() {
    return Stream.of(Registry.Variant.values())
        .flatMap(variant -> Stream.of(Arguments.of(variant, Tool.HELM), Arguments.of(variant, Tool.HELM3)))
        // Helm 3.17.3 speaks plain HTTP to 127.0.0.1 even with --ca-file or
        // --insecure-skip-tls-verify, so it cannot push to a TLS registry on loopback (seen here).
        .filter(arguments -> !(arguments.get()[0] == Registry.Variant.TLS && arguments.get()[1] == Tool.HELM3));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("variantsAndHelms")
  void helmPushesAChartThatReadsBackWithHelmMediaTypes(Registry.Variant variant, Tool helmTool, @TempDir Path work)
      throws Exception {
    Registry registry = Registry.shared(variant);
    Helm helm = Helm.isolated(helmTool, work.resolve("helm-home"));
    String prefix = "smoke/" + helmTool.name().toLowerCase(Locale.ROOT);
    String repository = prefix + "/demo";
    Path chart = helm.createAndPackage("demo", "0.1.0", work);
    int tokensBefore = registry.tokenServer().map(TokenServer::issuedCount).orElse(0);

    helm.login(registry);
    ToolRun push = helm.push(chart, registry, prefix).requireSuccess();
    int tokensAfterPush = registry.tokenServer().map(TokenServer::issuedCount).orElse(0);

    Matcher pushed = DIGEST.matcher(push.stdout() + push.stderr());
    assertThat(pushed.find()).as("helm push output: %s%s", push.stdout(), push.stderr()).isTrue();
    String manifestDigest = pushed.group(1);

    HttpResponse<String> manifest = registry.get("/v2/" + repository + "/manifests/0.1.0", Registry.OCI_MANIFEST, repository);
    assertThat(manifest.statusCode()).as(manifest.body()).isEqualTo(200);
    assertThat(manifest.headers().firstValue("Docker-Content-Digest")).hasValue(manifestDigest);
    assertThat(sha256(manifest.body().getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(manifestDigest);
    JsonNode body = JSON.readTree(manifest.body());
    assertThat(manifest.headers().firstValue("Content-Type")).hasValue(Registry.OCI_MANIFEST);
    assertThat(body.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(body.path("config").path("mediaType").asText()).isEqualTo("application/vnd.cncf.helm.config.v1+json");
    JsonNode layer = body.path("layers").path(0);
    assertThat(layer.path("mediaType").asText()).isEqualTo("application/vnd.cncf.helm.chart.content.v1.tar+gzip");
    byte[] chartBytes = Files.readAllBytes(chart);
    assertThat(layer.path("digest").asText()).isEqualTo(sha256(chartBytes));

    HttpResponse<byte[]> blob = getBytes(registry, "/v2/" + repository + "/blobs/" + layer.path("digest").asText(), repository);
    assertThat(blob.statusCode()).isEqualTo(200);
    assertThat(blob.body()).isEqualTo(chartBytes);

    // This registry stores Helm's manifest as OCI only: without the OCI Accept header it is "unknown".
    assertThat(registry.get("/v2/" + repository + "/manifests/0.1.0", "application/json", repository).statusCode())
        .isEqualTo(404);

    if (registry.credentials().isPresent()) {
      HttpResponse<Void> anonymous =
          registry
              .httpClient()
              .send(
                  HttpRequest.newBuilder(registry.url().resolve("/v2/" + repository + "/manifests/0.1.0"))
                      .header("Accept", Registry.OCI_MANIFEST)
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(
              challenge ->
                  assertThat(challenge).startsWith(variant == Registry.Variant.BEARER_TOKEN ? "Bearer realm=" : "Basic realm="));
    }
    if (variant == Registry.Variant.BEARER_TOKEN) {
      assertThat(tokensAfterPush).as("tokens issued to helm").isGreaterThan(tokensBefore);
    }
  }

  private static HttpResponse<byte[]> getBytes(Registry registry, String path, String repository) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(registry.url().resolve(path));
    registry.authorization(repository, "pull").ifPresent(value -> request.header("Authorization", value));
    return registry.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
