package io.ocihelm.reconciler;

import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.DependencyReference;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.Reason;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * spec.dependsOn: a release is installed or upgraded only while every OciHelmRelease it lists
 * (namespace defaulting to its own) is Ready at its current generation. Otherwise the reconcile
 * stops before observing anything, with Ready=False DependencyNotReady naming what it waits for,
 * and is looked at again after {@link #RECHECK} (sooner when {@link DependentsTrigger} sees a
 * dependency become Ready). A cycle can never resolve: it stalls the release, naming the cycle.
 */
public final class DependsOn {
  /** How long a waiting release sleeps before it checks again (Flux's default is 30 s). */
  public static final Duration RECHECK = Duration.ofSeconds(10);
  /** Index on the OciHelmRelease informer cache: namespace/name of each dependency. */
  public static final String INDEX = "ocihelm.io/depends-on";
  /** A bound on the graph walked for cycles (the informer cache holds it all; this guards time). */
  private static final int MAX_WALK = 1000;

  /** How other releases are found: the informer cache in the operator, a map in tests. */
  @FunctionalInterface
  public interface ReleaseLookup {
    Optional<OciHelmRelease> find(String namespace, String name);
  }

  private DependsOn() {}

  /**
   * Returns when every dependency is Ready at its generation; throws a waiting
   * {@link ReconcileFailure} when one is not, a terminal one for a cycle.
   */
  public static void check(OciHelmRelease release, ReleaseLookup lookup) {
    List<String> dependencies = keys(release);
    if (dependencies.isEmpty()) {
      return;
    }
    cycle(release, lookup).ifPresent(path -> {
      throw ReconcileFailure.terminal(Reason.DependencyNotReady,
          "dependency cycle: " + String.join(" -> ", path), null);
    });
    List<String> waitingFor = new ArrayList<>();
    for (String key : dependencies) {
      String[] parts = key.split("/", 2);
      Optional<OciHelmRelease> dependency = lookup.find(parts[0], parts[1]);
      notReady(dependency).ifPresent(why -> waitingFor.add(key + " (" + why + ")"));
    }
    if (!waitingFor.isEmpty()) {
      throw ReconcileFailure.waiting(Reason.DependencyNotReady,
          "waiting for " + (waitingFor.size() == 1 ? "dependency " : "dependencies ") + String.join(", ", waitingFor),
          RECHECK);
    }
  }

  /** namespace/name of each dependency, in spec order, namespaces defaulted to the release's. */
  public static List<String> keys(OciHelmRelease release) {
    List<DependencyReference> refs = release.getSpec() == null ? null : release.getSpec().getDependsOn();
    if (refs == null || refs.isEmpty()) {
      return List.of();
    }
    String own = release.getMetadata().getNamespace();
    return refs.stream()
        .filter(r -> r.getName() != null && !r.getName().isEmpty())
        .map(r -> (r.getNamespace() == null || r.getNamespace().isEmpty() ? own : r.getNamespace()) + "/" + r.getName())
        .distinct()
        .toList();
  }

  static String key(OciHelmRelease release) {
    return release.getMetadata().getNamespace() + "/" + release.getMetadata().getName();
  }

  /** Why a dependency does not count as Ready, or empty when it does. */
  static Optional<String> notReady(Optional<OciHelmRelease> found) {
    if (found.isEmpty()) {
      return Optional.of("not found");
    }
    OciHelmRelease dependency = found.get();
    if (dependency.getMetadata().getDeletionTimestamp() != null) {
      return Optional.of("being deleted");
    }
    long generation = Optional.ofNullable(dependency.getMetadata().getGeneration()).orElse(0L);
    Optional<Condition> ready = dependency.getStatus() == null ? Optional.empty()
        : dependency.getStatus().getConditions().stream().filter(c -> c.is(ConditionType.Ready)).findFirst();
    if (ready.isEmpty()) {
      return Optional.of("not reconciled yet");
    }
    Condition condition = ready.get();
    boolean current = Objects.equals(dependency.getStatus().getObservedGeneration(), generation)
        && Objects.equals(condition.getObservedGeneration(), generation);
    if (!current) {
      return Optional.of("generation " + generation + " not reconciled yet");
    }
    if (condition.getStatus() != ConditionStatus.True) {
      return Optional.of("Ready=" + condition.getStatus() + " " + condition.getReason());
    }
    return Optional.empty();
  }

  /** The first path from the release back to itself through dependsOn, if any. */
  static Optional<List<String>> cycle(OciHelmRelease release, ReleaseLookup lookup) {
    String start = key(release);
    Map<String, String> cameFrom = new HashMap<>();
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String next : keys(release)) {
      if (seen.add(next)) {
        cameFrom.put(next, start);
        todo.add(next);
      }
    }
    while (!todo.isEmpty() && seen.size() <= MAX_WALK) {
      String current = todo.poll();
      if (current.equals(start)) {
        List<String> path = new ArrayList<>();
        path.add(start);
        for (String at = cameFrom.get(start); !at.equals(start); at = cameFrom.get(at)) {
          path.addFirst(at);
        }
        path.addFirst(start);
        return Optional.of(path);
      }
      String[] parts = current.split("/", 2);
      Optional<OciHelmRelease> found = lookup.find(parts[0], parts[1]);
      if (found.isEmpty()) {
        continue;
      }
      for (String next : keys(found.get())) {
        if (seen.add(next)) {
          cameFrom.put(next, current);
          todo.add(next);
        }
      }
    }
    return Optional.empty();
  }
}
