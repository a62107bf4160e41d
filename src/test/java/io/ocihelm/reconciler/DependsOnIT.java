package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.DependencyReference;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec.dependsOn on the real API server: a release waits (Ready=False DependencyNotReady, nothing
 * applied) until its dependency is Ready at its generation, then installs; a cycle stalls.
 */
@ExtendWith(TestBed.class)
class DependsOnIT {

  @Test
  void waitsForItsDependencyAndReportsCycles(KubernetesClient admin, TestNamespace ns, Registry registry,
      @TempDir Path tmp) throws IOException {
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "depends/" + ns.name();
    OperatorHarness.push(helm, registry, tmp, prefix, "svc", "0.1.0", Map.of("cm.yaml", OperatorHarness.CONFIGMAP));
    String repository = registry.ociReference(prefix + "/svc");
    try (OperatorHarness bed = new OperatorHarness(admin, ns.name())) {
      bed.create("app", repository, "0.1.0", spec -> spec.setDependsOn(deps("db")));
      OciHelmRelease waiting = bed.awaitReady("app", c -> c.getStatus() == ConditionStatus.False);
      Condition ready = OperatorHarness.condition(waiting, ConditionType.Ready).orElseThrow();
      assertThat(ready.getReason()).isEqualTo("DependencyNotReady");
      assertThat(ready.getMessage()).isEqualTo("waiting for dependency " + ns.name() + "/db (not found)");
      assertThat(OperatorHarness.condition(waiting, ConditionType.Reconciling).orElseThrow().getStatus())
          .isEqualTo(ConditionStatus.True);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("app-config").get()).isNull();

      bed.create("db", repository, "0.1.0", spec -> {});
      bed.awaitReady("db", c -> c.getStatus() == ConditionStatus.True);
      long dbReady = System.nanoTime();
      bed.awaitReady("app", c -> c.getStatus() == ConditionStatus.True);
      Duration delay = Duration.ofNanos(System.nanoTime() - dbReady);
      System.out.println("dependency Ready -> dependent Ready: " + delay.toMillis() + " ms (recheck would be "
          + DependsOn.RECHECK.toMillis() + " ms)");
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("app-config").get()).isNotNull();
      assertThat(bed.events("app")).contains("Normal DependencyNotReady waiting for dependency " + ns.name() + "/db (not found)");

      // a cycle never resolves: both stall, naming it
      bed.create("x", repository, "0.1.0", spec -> spec.setDependsOn(deps("y")));
      bed.create("y", repository, "0.1.0", spec -> spec.setDependsOn(deps("x")));
      OciHelmRelease x = bed.awaitReady("x", c -> c.getStatus() == ConditionStatus.False
          && c.getMessage().startsWith("dependency cycle"));
      assertThat(OperatorHarness.condition(x, ConditionType.Ready).orElseThrow().getMessage())
          .isEqualTo("dependency cycle: " + ns.name() + "/x -> " + ns.name() + "/y -> " + ns.name() + "/x");
      assertThat(OperatorHarness.condition(x, ConditionType.Stalled).orElseThrow().getStatus())
          .isEqualTo(ConditionStatus.True);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("x-config").get()).isNull();
    }
  }

  private static List<DependencyReference> deps(String... names) {
    List<DependencyReference> refs = new ArrayList<>();
    for (String name : names) {
      DependencyReference ref = new DependencyReference();
      ref.setName(name);
      refs.add(ref);
    }
    return refs;
  }
}
