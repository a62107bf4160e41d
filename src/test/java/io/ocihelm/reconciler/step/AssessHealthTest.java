package io.ocihelm.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.InventoryEntry;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.apply.Inventory;
import io.ocihelm.assess.HealthReport;
import io.ocihelm.assess.ReleaseHealth;
import io.ocihelm.reconciler.GoDuration;
import io.ocihelm.reconciler.HealthVerdict;
import io.ocihelm.reconciler.ReleaseRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The next look at an unhealthy release, and where the looks read from. */
class AssessHealthTest {

  static Stream<Arguments> delays() {
    return Stream.of(
        Arguments.of("just applied", "0s", "5m", "2s"),
        Arguments.of("a quarter of the time waited", "20s", "5m", "5s"),
        Arguments.of("at most 15s", "4m", "10m", "15s"),
        Arguments.of("not past the deadline", "4m55s", "5m", "5s"),
        Arguments.of("a short timeout", "1s", "2s", "1s"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("delays")
  void rechecksAfter(String name, String waited, String timeout, String expected) {
    assertThat(AssessHealth.recheckAfter(GoDuration.parse(waited), GoDuration.parse(timeout)))
        .isEqualTo(GoDuration.parse(expected));
  }

  @Test
  void aHealthyAnswerFromTheCacheIsConfirmedByTheApiServer() {
    Inventory.Entry web = new Inventory.Entry("apps/v1", "Deployment", "team-a", "web");
    // What a lagging cache could hold: the object as it was, healthy.
    GenericKubernetesResource cached = new GenericKubernetesResource();
    cached.setApiVersion("example.com/v1");
    cached.setKind("Widget");
    cached.setMetadata(new ObjectMetaBuilder().withName("web").build());
    List<String> asked = new ArrayList<>();
    ReleaseHealth api = new ReleaseHealth(entry -> {
      asked.add("api");
      return Optional.empty();
    });
    ReleaseHealth cache = new ReleaseHealth(entry -> {
      asked.add("cache");
      return Optional.of(cached);
    });
    ReleaseRequest waiting = new ReleaseRequest(releaseWithInventory(web));

    new AssessHealth(api, cache, ReleaseRecorder.NONE, Clock.systemUTC()).run(waiting);

    assertThat(asked).containsExactly("cache", "api");
    assertThat(waiting.health().state()).isEqualTo(HealthVerdict.State.WAITING);
    assertThat(waiting.health().report().unhealthy()).extracting(HealthReport.Unhealthy::entry).containsExactly(web);
  }

  private static OciHelmRelease releaseWithInventory(Inventory.Entry entry) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("team-a").build());
    release.setSpec(new OciHelmReleaseSpec());
    OciHelmReleaseStatus status = new OciHelmReleaseStatus();
    status.setInventory(List.of(new InventoryEntry(entry.apiVersion(), entry.kind(), entry.namespace(), entry.name())));
    release.setStatus(status);
    return release;
  }
}
