package io.ocihelm.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.release.ReleaseHistory;
import io.ocihelm.release.ReleaseInfo;
import io.ocihelm.release.ReleaseRecord;
import io.ocihelm.release.ReleaseStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Helm's lock: go on, wait for a young pending operation, unlock a stale one. */
class PendingOperationTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  /**
   * @param records "revision status ageSeconds", oldest first
   * @param expected "go", "unlock N" or "wait Ns"
   */
  record Case(String name, List<String> records, String timeout, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no history", List.of(), "5m", "go"),
        new Case("deployed", List.of("1 deployed 600"), "5m", "go"),
        new Case("failed last", List.of("1 deployed 600", "2 failed 60"), "5m", "go"),
        new Case("pending-upgrade running for a minute", List.of("1 deployed 600", "2 pending-upgrade 60"), "5m",
            "wait 30s"),
        new Case("pending-install near its timeout", List.of("1 pending-install 298"), "5m", "wait 5s"),
        new Case("pending-rollback, 20 s left", List.of("1 deployed 900", "2 pending-rollback 280"), "5m", "wait 20s"),
        new Case("pending-upgrade older than the timeout", List.of("1 deployed 900", "2 pending-upgrade 301"), "5m",
            "unlock 2"),
        new Case("a short timeout unlocks sooner", List.of("1 deployed 900", "2 pending-upgrade 61"), "1m",
            "unlock 2"),
        new Case("an older pending record under a newer one is history", List.of("1 pending-install 900",
            "2 deployed 600"), "5m", "go"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides(Case c) {
    List<ReleaseRecord> records = new ArrayList<>();
    for (String line : c.records()) {
      String[] parts = line.split(" ");
      Instant started = NOW.minusSeconds(Long.parseLong(parts[2]));
      records.add(new ReleaseRecord("web", ReleaseInfo.of(started, started, ReleaseStatus.fromWire(parts[1]), "", null),
          null, null, "", List.of(), Integer.parseInt(parts[0]), "team-a", null, null, null));
    }
    ReleaseHistory history = new ReleaseHistory("team-a", "web", records);

    Optional<ReleaseRecord>[] stale = new Optional[1];
    ReconcileFailure waiting = catchThrowableOfType(ReconcileFailure.class,
        () -> stale[0] = PendingOperation.staleRecord(history, NOW, c.timeout()));

    if (c.expected().equals("go")) {
      assertThat(waiting).isNull();
      assertThat(stale[0]).isEmpty();
    } else if (c.expected().startsWith("unlock ")) {
      assertThat(waiting).isNull();
      assertThat(stale[0]).get().extracting(ReleaseRecord::version)
          .isEqualTo(Integer.parseInt(c.expected().substring("unlock ".length())));
      assertThat(PendingOperation.unlockedDescription(stale[0].get(), c.timeout()))
          .startsWith("Release unlocked by ocihelm from stale '" + stale[0].get().status().wire() + "' state");
    } else {
      assertThat(waiting).isNotNull();
      assertThat(waiting.isWaiting()).isTrue();
      assertThat(waiting.reason()).isEqualTo(Reason.Progressing);
      assertThat(waiting.retryAfter()).hasValue(Duration.parse("PT" + c.expected().substring("wait ".length()).toUpperCase()));
      assertThat(waiting.getMessage()).contains("another operation (").contains(") is in progress on release web");
    }
  }
}
