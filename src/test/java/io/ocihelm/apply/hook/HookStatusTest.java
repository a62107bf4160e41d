package io.ocihelm.apply.hook;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** When Helm considers a hook finished: Jobs by conditions, Pods by phase, other kinds at once. */
class HookStatusTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("job without status runs", "Job", "{}", "Running"),
        Arguments.of("job Complete=True succeeded", "Job",
            "{\"conditions\":[{\"type\":\"Complete\",\"status\":\"True\"}]}", "Succeeded"),
        Arguments.of("job Complete=False still runs", "Job",
            "{\"conditions\":[{\"type\":\"Complete\",\"status\":\"False\"}]}", "Running"),
        Arguments.of("job Failed=True failed with its reason", "Job",
            "{\"conditions\":[{\"type\":\"Failed\",\"status\":\"True\",\"reason\":\"BackoffLimitExceeded\"}]}",
            "Failed: job h failed: BackoffLimitExceeded"),
        Arguments.of("pod Running runs", "Pod", "{\"phase\":\"Running\"}", "Running"),
        Arguments.of("pod Succeeded", "Pod", "{\"phase\":\"Succeeded\"}", "Succeeded"),
        Arguments.of("pod Failed", "Pod", "{\"phase\":\"Failed\"}", "Failed: pod h failed"),
        Arguments.of("a ConfigMap is done once applied", "ConfigMap", "{}", "Succeeded"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsStatusLikeHelm(String title, String kind, String status, String expected) {
    GenericKubernetesResource live = Serialization.unmarshal(
        "{\"apiVersion\":\"v1\",\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"h\"},\"status\":" + status + "}",
        GenericKubernetesResource.class);
    String actual = switch (HookStatus.of(live)) {
      case HookStatus.Running r -> "Running";
      case HookStatus.Succeeded s -> "Succeeded";
      case HookStatus.Failed f -> "Failed: " + f.message();
    };
    assertThat(actual).isEqualTo(expected);
  }
}
