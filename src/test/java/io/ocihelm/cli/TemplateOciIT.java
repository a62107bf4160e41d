package io.ocihelm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocihelm.oci.HelmCharts;
import io.ocihelm.testbed.ToolRun;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code ocihelm template oci://…} next to the real {@code helm template} on the same registry. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateOciIT {
  private Registry anonymous;
  private Registry basicAuth;
  private Helm helm;

  record Run(int exitCode, String stdout, String stderr) {}

  @BeforeAll
  void pushCharts(@TempDir Path work) {
    anonymous = Registry.shared(Registry.Variant.ANONYMOUS);
    basicAuth = Registry.shared(Registry.Variant.BASIC_AUTH);
    helm = Helm.isolated(work.resolve("helm"));
    for (String v : List.of("1.0.0", "1.2.0", "2.0.0-rc.1")) {
      HelmCharts.push(helm, HelmCharts.packageChart(helm, "tmpl", v, null, work), anonymous, "tpl");
    }
    helm.login(basicAuth);
    HelmCharts.push(helm, HelmCharts.packageChart(helm, "tmpl", "1.0.0", null, work.resolve("auth")), basicAuth, "tpl");
    helm.run("registry", "logout", basicAuth.host()).requireSuccess();
  }

  static Stream<String> versions() {
    return Stream.of("", "1.0.0", "^1", "~1.2", ">=2.0.0-0");
  }

  @ParameterizedTest(name = "template --version [{0}]")
  @MethodSource("versions")
  void rendersWhatHelmRendersFromTheRegistry(String version) {
    List<String> args = List.of("template", "myrel", anonymous.ociReference("tpl/tmpl"), "--version", version,
        "--plain-http", "--namespace", "apps", "--set", "replicaCount=3");
    Run ours = ocihelm(args);
    ToolRun theirs = helm.run(args.toArray(String[]::new));
    assertThat(theirs.exitCode()).as(theirs.stderr()).isZero();
    assertThat(ours.exitCode()).as(ours.stderr()).isZero();
    assertThat(ours.stdout()).isEqualTo(theirs.stdout());
    assertThat(ours.stderr()).isEqualTo(theirs.stderr());
  }

  @Test
  void missingTagFailsLikeHelm() {
    List<String> args = List.of("template", anonymous.ociReference("tpl/tmpl"), "--version", "9.9.9", "--plain-http");
    Run ours = ocihelm(args);
    ToolRun theirs = helm.run(args.toArray(String[]::new));
    assertThat(theirs.exitCode()).isEqualTo(1);
    assertThat(ours.exitCode()).isEqualTo(1);
    assertThat(ours.stdout()).isEqualTo(theirs.stdout()).isEmpty();
    assertThat(ours.stderr()).isEqualTo(theirs.stderr());
  }

  @Test
  void basicAuthFlagsReachTheRegistryLikeHelms() {
    var credentials = basicAuth.credentials().orElseThrow();
    List<String> args = new ArrayList<>(List.of("template", basicAuth.ociReference("tpl/tmpl"), "--version", "1.0.0",
        "--username", credentials.username(), "--password", credentials.password()));
    args.addAll(Helm.connectionFlags(basicAuth));
    Run ours = ocihelm(args);
    ToolRun theirs = helm.run(args.toArray(String[]::new));
    assertThat(theirs.exitCode()).as(theirs.stderr()).isZero();
    assertThat(ours.exitCode()).as(ours.stderr()).isZero();
    assertThat(ours.stdout()).isEqualTo(theirs.stdout());
  }

  private static Run ocihelm(List<String> args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
