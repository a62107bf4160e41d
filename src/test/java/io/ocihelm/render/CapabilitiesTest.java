package io.ocihelm.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.codec.GoJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code .Capabilities} as helm 4.1.4 ({@code helm template}, no cluster) shows it. */
class CapabilitiesTest {

  /** Expected values printed by helm 4.1.4 for {@code --kube-version <given>}. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "1.31.0, v1.31.0, 1, 31",
      "v1.31, v1.31, 1, 31",
      "1.31, v1.31, 1, 31",
      "1.31.0-alpha, v1.31.0-alpha, 1, 31",
      "1.31.2-rc.1+abc, v1.31.2-rc.1+abc, 1, 31",
  })
  void kubeVersionKeepsTheGivenText(String given, String version, String major, String minor) {
    Capabilities.KubeVersion kv = Capabilities.KubeVersion.parse(given);
    assertThat(kv.version()).isEqualTo(version);
    assertThat(kv.major()).isEqualTo(major);
    assertThat(kv.minor()).isEqualTo(minor);
  }

  /** helm 4.1.4, --kube-version 1.31.2-rc.1+abc: {@code {{ .Capabilities.KubeVersion }}} prints v1.31.2. */
  @Test
  void kubeVersionPrintsWithoutPrereleaseAndBuild() {
    assertThat(Capabilities.KubeVersion.parse("1.31.2-rc.1+abc").goString()).isEqualTo("v1.31.2");
  }

  @Test
  void kubeVersionNeedsMajorAndMinor() {
    assertThatThrownBy(() -> Capabilities.KubeVersion.parse("1"))
        .hasMessage("invalid kube version '1': illegal version string \"1\"");
  }

  @Test
  void withoutKubeVersionFlagHelmReportsItsClientVersion() {
    Capabilities caps = Capabilities.forTemplate(null, List.of(), Capabilities.DEFAULT_API_VERSIONS);
    assertThat(GoJson.marshal(caps.kubeVersion())).isEqualTo("{\"Version\":\"v1.35.0\",\"Major\":\"1\",\"Minor\":\"35\"}");
  }

  /** Start and end of helm 4.1.4's {@code toJson .Capabilities} (no flags). */
  @Test
  void toJsonWritesStructFieldsInGoDeclarationOrder() {
    Capabilities caps = Capabilities.forTemplate(null, List.of(), Capabilities.DEFAULT_API_VERSIONS);
    assertThat(GoJson.marshal(caps))
        .startsWith("{\"KubeVersion\":{\"Version\":\"v1.35.0\",\"Major\":\"1\",\"Minor\":\"35\"},"
            + "\"APIVersions\":[\"v1\",\"admissionregistration.k8s.io/v1\",")
        .endsWith("\"apiextensions.k8s.io/v1beta1\",\"apiextensions.k8s.io/v1\"],"
            + "\"HelmVersion\":{\"version\":\"v4.1.4\",\"git_commit\":\"05fa37973dc9e42b76e1d2883494c87174b6074f\","
            + "\"git_tree_state\":\"clean\",\"go_version\":\"go1.25.9\",\"kube_client_version\":\"v1.35\"}}");
  }
}
