package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.HistoryEntry;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.apply.Inventory;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.oci.OciReference;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** status.history: one entry per release record written, newest first, at most five, no churn. */
class StatusHistoryTest {
  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
  private static final Instant STARTED = Instant.parse("2026-11-25T11:59:58.250Z");
  private static final String DIGEST = "sha256:" + "b".repeat(64);

  record Case(String name, List<String> before, String recorded, List<String> after) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** Entries as "revision status"; recorded null = the reconcile wrote no record. */
  static Stream<Case> cases() {
    return Stream.of(
        new Case("first install", List.of(), "1 deployed", List.of("1 deployed")),
        new Case("upgrade supersedes the deployed one", List.of("1 deployed"), "2 deployed",
            List.of("2 deployed", "1 superseded")),
        new Case("a failed upgrade leaves the deployed one deployed", List.of("2 deployed", "1 superseded"),
            "3 failed", List.of("3 failed", "2 deployed", "1 superseded")),
        new Case("only five are kept", List.of("5 deployed", "4 superseded", "3 superseded", "2 superseded",
            "1 superseded"), "6 deployed",
            List.of("6 deployed", "5 superseded", "4 superseded", "3 superseded", "2 superseded")),
        new Case("a render failure writes no record and no entry", List.of("1 deployed"), null,
            List.of("1 deployed")),
        new Case("the same revision written twice is one entry", List.of("2 failed", "1 deployed"), "2 deployed",
            List.of("2 deployed", "1 superseded")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void historyMirrorsTheReleaseRecords(Case c) {
    OciHelmRelease release = release(c.before());
    ReleaseRequest request = request(release, c.recorded());
    ReconcileOutcome outcome = c.recorded() == null || c.recorded().endsWith("failed")
        ? new ReconcileOutcome.Failed(request, ReconcileFailure.terminal(Reason.ApplyFailed, "refused", null))
        : new ReconcileOutcome.Released(request);

    OciHelmReleaseStatus after = new StatusWriter(NOW).desired(outcome);

    assertThat(after.getHistory()).extracting(h -> h.getRevision() + " " + h.getStatus())
        .containsExactlyElementsOf(c.after());
  }

  @Test
  void anEntryCarriesChartDigestChecksumTimesAndHelmsDescription() {
    OciHelmRelease release = release(List.of("1 deployed"));
    ReleaseRequest request = request(release, "2 deployed");

    HistoryEntry entry = new StatusWriter(NOW).desired(new ReconcileOutcome.Released(request)).getHistory().getFirst();

    assertThat(entry.getRevision()).isEqualTo(2L);
    assertThat(entry.getChartVersion()).isEqualTo("0.1.0");
    assertThat(entry.getDigest()).isEqualTo(DIGEST);
    assertThat(entry.getValuesChecksum()).isEqualTo("sha256:values");
    assertThat(entry.getStartedAt()).isEqualTo("2026-11-25T11:59:58Z");
    assertThat(entry.getFinishedAt()).isEqualTo("2026-11-25T12:00:00Z");
    assertThat(entry.getMessage()).isEqualTo("Upgrade complete");
  }

  @Test
  void aNoOpReconcileKeepsHistoryAsItWas() {
    OciHelmRelease release = release(List.of("2 deployed", "1 superseded"));
    OciHelmReleaseStatus before = release.getStatus();

    OciHelmReleaseStatus after = new StatusWriter(NOW).desired(new ReconcileOutcome.UpToDate(new ReleaseRequest(release)));

    assertThat(StatusWriter.changed(before, after)).isFalse();
  }

  private static OciHelmRelease release(List<String> history) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("ns").withGeneration(2L).build());
    release.setSpec(new OciHelmReleaseSpec());
    OciHelmReleaseStatus status = new OciHelmReleaseStatus();
    List<HistoryEntry> entries = new ArrayList<>();
    for (String line : history) {
      HistoryEntry entry = new HistoryEntry();
      entry.setRevision(Long.parseLong(line.split(" ")[0]));
      entry.setStatus(line.split(" ")[1]);
      entry.setFinishedAt("2026-11-25T10:00:00Z");
      entries.add(entry);
    }
    status.setHistory(entries);
    status.setLastAppliedRevision(history.isEmpty() ? null : "0.0.9@" + DIGEST);
    release.setStatus(status);
    return release;
  }

  private static ReleaseRequest request(OciHelmRelease release, String recorded) {
    ReleaseRequest request = new ReleaseRequest(release, STARTED);
    request.setResolvedChart(new ReleaseRequest.ResolvedChart(
        OciReference.parse("oci://127.0.0.1:5000/charts/demo:0.1.0"), "0.1.0", DIGEST));
    request.setValues(new ReleaseRequest.MergedValues(Map.of(), "sha256:values"));
    request.setChart(new ChartLoader().loadFiles(List.of(
        new ChartFile("Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n".getBytes(StandardCharsets.UTF_8)))));
    request.setApplied(Inventory.of(List.of()));
    if (recorded != null) {
      long number = Long.parseLong(recorded.split(" ")[0]);
      String status = recorded.split(" ")[1];
      request.setRevision(number);
      request.setRecorded(new ReleaseRequest.RecordedRevision(number, status,
          status.equals("deployed") ? (number == 1 ? "Install complete" : "Upgrade complete") : "refused"));
    }
    return request;
  }
}
