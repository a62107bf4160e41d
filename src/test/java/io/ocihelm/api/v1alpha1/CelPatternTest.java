package io.ocihelm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The regular expressions inside CEL rules, checked with RE2 (re2j), the engine CEL's matches()
 * uses, so a mistake shows up without an API server. The full rules run in
 * OciHelmReleaseValidationIT.
 */
class CelPatternTest {

  record Case(String name, String pattern, String input, boolean matches) {
    @Override
    public String toString() {
      return name + ": " + input;
    }
  }

  private static Case repository(String input, boolean matches) {
    return new Case("repository", ChartSource.OCI_REPOSITORY_PATTERN, input, matches);
  }

  private static Case targetPath(String input, boolean matches) {
    return new Case("targetPath", ValuesReference.TARGET_PATH_PATTERN, input, matches);
  }

  static Stream<Case> cases() {
    return Stream.of(
        repository("oci://ghcr.io/stefanprodan/charts/podinfo", true),
        repository("oci://registry-1.docker.io/bitnamicharts/nginx", true),
        repository("oci://127.0.0.1:5000/charts/my_chart", true),
        repository("oci://123456789012.dkr.ecr.eu-west-1.amazonaws.com/charts/payments", true),
        repository("oci://europe-west1-docker.pkg.dev/my-project/charts/inventory-api", true),
        repository("oci://ghcr.io/stefanprodan/charts/podinfo:6.7.1", false),
        repository("oci://ghcr.io/stefanprodan/charts/podinfo@sha256:abc", false),
        repository("oci://ghcr.io/Stefanprodan/charts/podinfo", false),
        repository("oci://ghcr.io", false),
        repository("oci://ghcr.io/charts/podinfo/", false),
        repository("oci://ghcr.io/charts//podinfo", false),
        repository("oci://ghcr.io/charts/pod info", false),
        targetPath("image.tag", true),
        targetPath("redis.auth.password", true),
        targetPath("ingress.hosts[0].host", true),
        targetPath("podAnnotations.prometheus\\.io/scrape", true),
        targetPath("list[0][1]", true),
        targetPath(".image.tag", false),
        targetPath("image.tag.", false),
        targetPath("image..tag", false),
        targetPath("image tag", false),
        targetPath("hosts[x]", false),
        targetPath("[0]", false),
        targetPath("image.{{ .tag }}", false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void regexInCelRule(Case c) {
    assertThat(Pattern.compile(c.pattern()).matcher(c.input()).find()).isEqualTo(c.matches());
  }
}
