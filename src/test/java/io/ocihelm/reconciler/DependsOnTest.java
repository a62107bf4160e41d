package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.DependencyReference;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.api.v1alpha1.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** spec.dependsOn decisions: go, wait (naming what), or stall on a cycle. */
class DependsOnTest {

  /**
   * @param others releases besides "app" (in namespace "team-a"): "ns/name[->dep,dep] state" where
   *     state is ready (Ready=True at its generation), stale (Ready=True for an older generation),
   *     failed (Ready=False ApplyFailed), new (no status)
   * @param dependsOn app's spec.dependsOn as "name" or "ns/name"
   * @param expected "go", "wait: <message>" or "stall: <message>"
   */
  record Case(String name, List<String> others, List<String> dependsOn, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no dependencies", List.of(), List.of(), "go"),
        new Case("ready in its own namespace", List.of("team-a/db ready"), List.of("db"), "go"),
        new Case("ready in another namespace", List.of("infra/cert-manager ready"), List.of("infra/cert-manager"), "go"),
        new Case("missing", List.of(), List.of("db"),
            "wait: waiting for dependency team-a/db (not found)"),
        new Case("not Ready", List.of("team-a/db failed"), List.of("db"),
            "wait: waiting for dependency team-a/db (Ready=False ApplyFailed)"),
        new Case("Ready for an older generation", List.of("team-a/db stale"), List.of("db"),
            "wait: waiting for dependency team-a/db (generation 3 not reconciled yet)"),
        new Case("never reconciled", List.of("team-a/db new"), List.of("db"),
            "wait: waiting for dependency team-a/db (not reconciled yet)"),
        new Case("every blocker is named", List.of("team-a/db ready", "team-a/cache failed"),
            List.of("db", "cache", "infra/vault"),
            "wait: waiting for dependencies team-a/cache (Ready=False ApplyFailed), infra/vault (not found)"),
        new Case("itself", List.of(), List.of("app"), "stall: dependency cycle: team-a/app -> team-a/app"),
        new Case("a cycle through two others", List.of("team-a/db->infra/vault ready", "infra/vault->team-a/app ready"),
            List.of("db"), "stall: dependency cycle: team-a/app -> team-a/db -> infra/vault -> team-a/app"),
        new Case("a cycle not through app is not app's cycle", List.of("team-a/db->team-a/cache ready",
            "team-a/cache->team-a/db ready"), List.of("db"), "go"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case c) {
    Map<String, OciHelmRelease> known = new HashMap<>();
    for (String other : c.others()) {
      String[] parts = other.split(" ");
      String[] names = parts[0].split("->");
      OciHelmRelease release = release(names[0], names.length > 1 ? List.of(names[1].split(",")) : List.of());
      state(release, parts[1]);
      known.put(names[0], release);
    }
    OciHelmRelease app = release("team-a/app", c.dependsOn());
    DependsOn.ReleaseLookup lookup = (namespace, name) -> Optional.ofNullable(known.get(namespace + "/" + name));

    ReconcileFailure failure = catchThrowableOfType(ReconcileFailure.class, () -> DependsOn.check(app, lookup));

    if (c.expected().equals("go")) {
      assertThat(failure).isNull();
      assertThatCode(() -> DependsOn.check(app, lookup)).doesNotThrowAnyException();
      return;
    }
    assertThat(failure).isNotNull();
    assertThat(failure.reason()).isEqualTo(Reason.DependencyNotReady);
    assertThat(failure.isTransient()).isFalse();
    if (c.expected().startsWith("wait: ")) {
      assertThat(failure.isWaiting()).isTrue();
      assertThat(failure.retryAfter()).hasValue(DependsOn.RECHECK);
      assertThat(failure.getMessage()).isEqualTo(c.expected().substring("wait: ".length()));
    } else {
      assertThat(failure.isWaiting()).isFalse();
      assertThat(failure.getMessage()).isEqualTo(c.expected().substring("stall: ".length()));
    }
  }

  private static OciHelmRelease release(String key, List<String> dependsOn) {
    String[] parts = key.split("/");
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withNamespace(parts[0]).withName(parts[1]).withGeneration(3L).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    List<DependencyReference> refs = new ArrayList<>();
    for (String dep : dependsOn) {
      DependencyReference ref = new DependencyReference();
      if (dep.contains("/")) {
        ref.setNamespace(dep.split("/")[0]);
        ref.setName(dep.split("/")[1]);
      } else {
        ref.setName(dep);
      }
      refs.add(ref);
    }
    spec.setDependsOn(refs);
    release.setSpec(spec);
    return release;
  }

  private static void state(OciHelmRelease release, String state) {
    if (state.equals("new")) {
      return;
    }
    OciHelmReleaseStatus status = new OciHelmReleaseStatus();
    long observed = state.equals("stale") ? 2 : 3;
    status.setObservedGeneration(observed);
    ConditionStatus ready = state.equals("failed") ? ConditionStatus.False : ConditionStatus.True;
    Reason reason = state.equals("failed") ? Reason.ApplyFailed : Reason.Succeeded;
    status.setConditions(List.of(new Condition(ConditionType.Ready, ready, reason, "", observed, "2026-11-25T10:00:00Z")));
    release.setStatus(status);
  }
}
