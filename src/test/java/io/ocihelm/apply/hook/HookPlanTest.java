package io.ocihelm.apply.hook;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocihelm.render.Manifest;
import io.ocihelm.render.ManifestSorter;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Helm's hook order and delete policies: hooks come sorted by kind from {@link ManifestSorter};
 * execHook's stable sort by weight, ties by name, decides; no policy means before-hook-creation;
 * CustomResourceDefinition hooks are never deleted.
 */
class HookPlanTest {

  private static String hook(String kind, String name, String events, String weight, String policies) {
    return "apiVersion: v1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\n  annotations:\n"
        + "    helm.sh/hook: " + events + "\n"
        + (weight == null ? "" : "    helm.sh/hook-weight: \"" + weight + "\"\n")
        + (policies == null ? "" : "    helm.sh/hook-delete-policy: " + policies + "\n");
  }

  private static List<Manifest> render(String... documents) {
    return ManifestSorter.sort(Map.of("demo/templates/hooks.yaml", String.join("---\n", documents))).hooks();
  }

  static Stream<Arguments> orders() {
    return Stream.of(
        Arguments.of("weights ascending, negative first",
            List.of(hook("Job", "c", "pre-install", "5", null), hook("Job", "a", "pre-install", "-5", null),
                hook("Job", "b", "pre-install", "0", null)),
            "pre-install", List.of("Job/a", "Job/b", "Job/c")),
        Arguments.of("equal weights: by name, not by kind order",
            List.of(hook("Job", "a-job", "pre-install", null, null), hook("ConfigMap", "z-config", "pre-install", null, null)),
            "pre-install", List.of("Job/a-job", "ConfigMap/z-config")),
        Arguments.of("equal weight and name: install order of kinds",
            List.of(hook("Job", "same", "post-install", "1", null), hook("ConfigMap", "same", "post-install", "1", null)),
            "post-install", List.of("ConfigMap/same", "Job/same")),
        Arguments.of("only the event's hooks; several events per hook",
            List.of(hook("Job", "both", "pre-install,pre-upgrade", null, null), hook("Job", "up", "pre-upgrade", null, null),
                hook("Pod", "test", "test", null, null)),
            "pre-upgrade", List.of("Job/both", "Job/up")),
        Arguments.of("an unparsable weight counts as 0",
            List.of(hook("Job", "b", "pre-delete", "1", null), hook("Job", "a", "pre-delete", "x1", null)),
            "pre-delete", List.of("Job/a", "Job/b")),
        Arguments.of("test hooks never belong to install events",
            List.of(hook("Pod", "t", "test", null, null)), "post-install", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("orders")
  void runsHooksInHelmsOrder(String title, List<String> documents, String event, List<String> expected) {
    List<Manifest> plan = HookPlan.forEvent(render(documents.toArray(String[]::new)), event);
    assertThat(plan).extracting(m -> m.kind() + "/" + m.name()).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> weights() {
    return Stream.of(
        Arguments.of("5", 5), Arguments.of("-3", -3), Arguments.of("+7", 7), Arguments.of("007", 7),
        Arguments.of(" 1", 0), Arguments.of("1.5", 0), Arguments.of("", 0), Arguments.of("0x10", 0),
        Arguments.of("99999999999", 0));
  }

  // Go's strconv.Atoi: optional sign, decimal digits; anything else (and Helm then uses 0).
  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @MethodSource("weights")
  void weightIsAtoiOrZero(String annotation, int weight) {
    Manifest hook = render(hook("Job", "a", "pre-install", annotation, null)).getFirst();
    assertThat(hook.hookWeight()).isEqualTo(weight);
  }

  static Stream<Arguments> policies() {
    return Stream.of(
        Arguments.of("none given: before-hook-creation", null, List.of(), List.of("before-hook-creation")),
        Arguments.of("trimmed and lower-cased", "\"Hook-Succeeded, hook-failed\"",
            List.of("hook-succeeded", "hook-failed"), List.of("hook-succeeded", "hook-failed")),
        Arguments.of("unknown values kept", "hook-succeed", List.of("hook-succeed"), List.of("hook-succeed")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void deletePolicies(String title, String annotation, List<String> parsed, List<String> effective) {
    Manifest hook = render(hook("Job", "a", "pre-install", null, annotation)).getFirst();
    assertThat(hook.hookDeletePolicies()).containsExactlyElementsOf(parsed);
    assertThat(HookPlan.deletePolicies(hook)).containsExactlyElementsOf(effective);
  }

  @Test
  void crdHooksAreNeverDeleted() {
    Manifest crd = render(hook("CustomResourceDefinition", "x", "pre-install", null, "hook-succeeded")).getFirst();
    Manifest job = render(hook("Job", "x", "pre-install", null, "hook-succeeded")).getFirst();
    assertThat(HookPlan.deletes(crd, HookPlan.HOOK_SUCCEEDED)).isFalse();
    assertThat(HookPlan.deletes(job, HookPlan.HOOK_SUCCEEDED)).isTrue();
    assertThat(HookPlan.deletes(job, HookPlan.BEFORE_HOOK_CREATION)).isFalse();
  }
}
