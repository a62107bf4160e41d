package io.ocihelm.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReleaseHistoryTest {

  record Case(String scenario, List<ReleaseStatus> statuses, int nextVersion, Integer lastDeployed, boolean pending) {}

  static Stream<Case> cases() {
    return Stream.of(
        new Case("no history: install", List.of(), 1, null, false),
        new Case("installed", List.of(ReleaseStatus.DEPLOYED), 2, 1, false),
        new Case("upgraded", List.of(ReleaseStatus.SUPERSEDED, ReleaseStatus.DEPLOYED), 3, 2, false),
        new Case("failed upgrade keeps the deployed one", List.of(ReleaseStatus.DEPLOYED, ReleaseStatus.FAILED), 3, 1, false),
        new Case("upgrade in progress", List.of(ReleaseStatus.DEPLOYED, ReleaseStatus.PENDING_UPGRADE), 3, 1, true),
        new Case("failed install", List.of(ReleaseStatus.FAILED), 2, null, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsTheHistory(Case c) {
    // Given out of order, as a label-selected list may come back.
    List<ReleaseRecord> records =
        java.util.stream.IntStream.range(0, c.statuses().size()).mapToObj(i -> record(i + 1, c.statuses().get(i))).toList().reversed();

    ReleaseHistory history = new ReleaseHistory("ns", "web", records);

    assertThat(history.nextVersion()).isEqualTo(c.nextVersion());
    assertThat(history.lastDeployed().map(ReleaseRecord::version).orElse(null)).isEqualTo(c.lastDeployed());
    assertThat(history.hasPendingOperation()).isEqualTo(c.pending());
    assertThat(history.revisions()).extracting(ReleaseRecord::version).isSorted();
  }

  private static ReleaseRecord record(int version, ReleaseStatus status) {
    return new ReleaseRecord("web", ReleaseInfo.of(null, null, status, "", ""), null, null, "", null, version, "ns", null, null, null);
  }
}
