package io.ocihelm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real launcher {@code bin/ocihelm template} (a subprocess over the packaged
 * {@code target/quarkus-app}) on conformance cases, with the argument list of
 * {@code conformance/cli/check-charts.py}. It runs in the case directory with relative
 * {@code chart.tgz}/{@code values.yaml}, as the recorded helm command did, so that error messages
 * naming those files compare byte for byte with {@code expected-error.txt}.
 */
class TemplateLauncherIT {
  private static final Path REPO = Path.of("").toAbsolutePath();
  private static final Path CHARTS = REPO.resolve("../shared/conformance/charts").normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  record Run(int exitCode, byte[] stdout, String stderr) {}

  static Stream<String> cases() {
    return Stream.of(
        "kyverno--default", // the largest chart of the corpus
        "argo-cd--default",
        "istio-ambient--default",
        "app-template--controllers-ingress-persistence", // extraArgs
        "argo-events--webhook-nocrds",
        "falcosidekick--template-type-error",
        "mailhog--invalid-values-yaml",
        "bitnami-common--library-not-installable");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void launcherPrintsWhatHelmPrinted(String caseId) throws Exception {
    Path dir = CHARTS.resolve(caseId);
    JsonNode spec = YAML.readTree(dir.resolve("case.yaml").toFile());
    Run run = launch(dir, arguments(dir, spec));
    if (spec.path("expect").asText("success").equals("error")) {
      assertThat(run.exitCode()).isEqualTo(spec.path("exitCode").asInt());
      assertThat(run.stdout()).isEmpty();
      assertThat(run.stderr()).isEqualTo(Files.readString(dir.resolve("expected-error.txt"), StandardCharsets.UTF_8));
    } else {
      assertThat(run.exitCode()).as(run.stderr()).isZero();
      assertThat(new String(run.stdout(), StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(dir.resolve("expected.yaml"), StandardCharsets.UTF_8));
      assertThat(run.stdout()).isEqualTo(Files.readAllBytes(dir.resolve("expected.yaml")));
    }
  }

  /**
   * A chart whose values.schema.json is validated: helm prints nothing on stderr, and neither may
   * we (the schema validator logs through SLF4J, whose provider cannot start without Quarkus).
   */
  @Test
  void schemaValidationKeepsStderrAsQuietAsHelm() throws Exception {
    Path chart = REPO.resolve("e2e/sample-chart");
    Run run = launch(REPO,
        List.of(REPO.resolve("bin/ocihelm").toString(), "template", "demo", chart.toString()));
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr()).isEmpty();
    assertThat(new String(run.stdout(), StandardCharsets.UTF_8)).contains("kind: ConfigMap");
  }

  /** check-charts.py's command line, with the case files relative to the case directory. */
  private static List<String> arguments(Path dir, JsonNode spec) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(REPO.resolve("bin/ocihelm").toString(), "template",
        spec.path("release").asText(), "chart.tgz", "--namespace", spec.path("namespace").asText(),
        "--kube-version", spec.path("kubeVersion").asText()));
    for (JsonNode api : spec.path("apiVersions")) {
      cmd.addAll(List.of("--api-versions", api.asText()));
    }
    if (spec.path("includeCrds").asBoolean(false)) {
      cmd.add("--include-crds");
    }
    Path values = dir.resolve("values.yaml");
    if (Files.exists(values) && Files.size(values) > 0) {
      cmd.addAll(List.of("-f", "values.yaml"));
    }
    for (JsonNode extra : spec.path("extraArgs")) {
      cmd.add(extra.asText());
    }
    return cmd;
  }

  private static Run launch(Path dir, List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("bin/ocihelm template timed out after 120 s: " + cmd);
    }
    return new Run(p.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
