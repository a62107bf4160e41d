package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.HistoryEntry;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.release.ReleaseChart;
import io.ocihelm.release.ReleaseDraft;
import io.ocihelm.release.ReleaseStore;
import io.ocihelm.testbed.ControlPlane;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Honest status on the real API server: status.history follows helm's own history, one Event per
 * transition and none for a no-op, a suspended release is left alone (and says so once), and a
 * pending record left by another helm operation makes the release wait, then is unlocked once
 * older than spec.timeout.
 */
@ExtendWith(TestBed.class)
class StatusEventsIT {

  @Test
  void historyEventsAndSuspend(KubernetesClient admin, TestNamespace ns, Registry registry, @TempDir Path tmp)
      throws IOException {
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "status/" + ns.name();
    OperatorHarness.push(helm, registry, tmp, prefix, "web", "0.1.0", Map.of("cm.yaml", OperatorHarness.CONFIGMAP));
    OperatorHarness.push(helm, registry, tmp, prefix, "web", "0.2.0", Map.of("cm.yaml", OperatorHarness.CONFIGMAP));
    String repository = registry.ociReference(prefix + "/web");
    try (OperatorHarness bed = new OperatorHarness(admin, ns.name())) {
      bed.create("web", repository, "0.1.0", spec -> spec.setValues(OperatorHarness.JSON.valueToTree(
          Map.of("greeting", "hello", "password", "s3cr3t-value"))));
      OciHelmRelease installed = bed.awaitReady("web", c -> c.getStatus() == ConditionStatus.True);
      assertThat(installed.getStatus().getHistory())
          .extracting(HistoryEntry::getRevision, HistoryEntry::getStatus, HistoryEntry::getChartVersion, HistoryEntry::getMessage)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "deployed", "0.1.0", "Install complete"));
      HistoryEntry first = installed.getStatus().getHistory().getFirst();
      assertThat(first.getDigest()).startsWith("sha256:");
      assertThat(first.getValuesChecksum()).isEqualTo(installed.getStatus().getLastAppliedValuesChecksum());
      assertThat(first.getStartedAt()).isNotNull();
      assertThat(first.getFinishedAt()).isGreaterThanOrEqualTo(first.getStartedAt());
      await().atMost(OperatorHarness.WITHIN).until(() -> bed.events("web").size() == 1);
      assertThat(bed.events("web")).containsExactly("Normal Succeeded Installed release web: chart web 0.1.0 (revision 1)");

      // a no-op reconcile: nothing written, no event
      OciHelmRelease current = bed.get("web");
      assertThat(bed.reconciler.reconcile(current, null).isNoUpdate()).isTrue();
      assertThat(bed.get("web").getMetadata().getResourceVersion()).isEqualTo(current.getMetadata().getResourceVersion());
      assertThat(bed.events("web")).hasSize(1);

      // upgrade: helm history and status.history agree
      bed.edit("web", spec -> spec.getChart().setVersion("0.2.0"));
      OciHelmRelease upgraded = bed.awaitReady("web", c -> c.getStatus() == ConditionStatus.True);
      assertThat(upgraded.getStatus().getHistory()).extracting(h -> h.getRevision() + " " + h.getStatus())
          .containsExactly("2 deployed", "1 superseded");
      Helm cluster = helm.withKubeconfig(ControlPlane.shared().kubeconfig());
      JsonNode helmHistory = OperatorHarness.JSON.readTree(
          cluster.run("history", "web", "-n", ns.name(), "-o", "json").requireSuccess().stdout());
      assertThat(helmHistory).extracting(h -> h.get("revision").asInt() + " " + h.get("status").asText())
          .containsExactly("1 superseded", "2 deployed");
      await().atMost(OperatorHarness.WITHIN).until(() -> bed.events("web").size() == 2);
      assertThat(bed.events("web")).anyMatch(e -> e.startsWith("Normal Succeeded Upgraded release web to chart web 0.2.0@sha256:")
          && e.endsWith("(revision 2)"));

      // suspend: a values change is not applied, status is not touched, one Suspended event
      String statusBefore = OperatorHarness.JSON.writeValueAsString(bed.get("web").getStatus());
      bed.edit("web", spec -> spec.setSuspend(true));
      bed.edit("web", spec -> spec.setValues(OperatorHarness.JSON.valueToTree(Map.of("greeting", "changed"))));
      await().atMost(OperatorHarness.WITHIN).until(() -> bed.events("web").size() == 3);
      assertThat(bed.events("web")).anyMatch(e -> e.startsWith("Normal Suspended Reconciliation suspended"));
      OciHelmRelease suspended = bed.get("web");
      assertThat(bed.reconciler.reconcile(suspended, null).isNoUpdate()).isTrue();
      assertThat(OperatorHarness.JSON.writeValueAsString(bed.get("web").getStatus())).isEqualTo(statusBefore);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("web-config").get().getData())
          .containsEntry("greeting", "hello");
      assertThat(bed.events("web")).hasSize(3);

      // resume: reconciled again, the pending change applied
      bed.edit("web", spec -> spec.setSuspend(false));
      OciHelmRelease resumed = bed.awaitReady("web", c -> c.getStatus() == ConditionStatus.True);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("web-config").get().getData())
          .containsEntry("greeting", "changed");
      assertThat(resumed.getStatus().getHistory()).extracting(h -> h.getRevision() + " " + h.getStatus())
          .containsExactly("3 deployed", "2 superseded", "1 superseded");
      await().atMost(OperatorHarness.WITHIN).until(() -> bed.events("web").size() == 5);
      assertThat(bed.events("web")).contains("Normal Progressing Reconciliation resumed")
          .anyMatch(e -> e.startsWith("Normal Succeeded Upgraded release web to chart web 0.2.0") && e.endsWith("(revision 3)"));
      assertThat(bed.events("web")).noneMatch(e -> e.contains("s3cr3t"));

      // an apply failure: Warning with the API server's reason, a failed revision in history
      bed.edit("web", spec -> spec.setTargetNamespace("no-such-namespace-" + ns.name().hashCode()));
      OciHelmRelease failed = bed.awaitReady("web", c -> c.getStatus() == ConditionStatus.False);
      assertThat(OperatorHarness.condition(failed, ConditionType.Ready).orElseThrow().getReason()).isEqualTo("ApplyFailed");
      await().atMost(OperatorHarness.WITHIN).until(() -> bed.events("web").stream().anyMatch(e -> e.startsWith("Warning ApplyFailed ")));
    }
  }

  @Test
  void aPendingOperationIsWaitedForThenUnlocked(KubernetesClient admin, TestNamespace ns, Registry registry,
      @TempDir Path tmp) throws IOException {
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "pending/" + ns.name();
    OperatorHarness.push(helm, registry, tmp, prefix, "api", "0.1.0", Map.of("cm.yaml", OperatorHarness.CONFIGMAP));
    // As a concurrent `helm install` (or one that crashed) leaves it: the newest record pending.
    Helm cluster = helm.withKubeconfig(ControlPlane.shared().kubeconfig());
    ReleaseStore store = new ReleaseStore(admin);
    ReleaseChart chart;
    try (var in = java.nio.file.Files.newInputStream(tmp.resolve("api-0.1.0.tgz"))) {
      chart = ReleaseChart.from(new io.ocihelm.chart.ChartLoader().loadArchive(in));
    }
    store.begin(store.history(ns.name(), "api"), new ReleaseDraft(ns.name(), "api", chart, Map.of(), "", List.of(), "", null));

    try (OperatorHarness bed = new OperatorHarness(admin, ns.name())) {
      bed.create("api", registry.ociReference(prefix + "/api"), "0.1.0", spec -> {});
      OciHelmRelease waiting = bed.awaitReady("api", c -> c.getStatus() == ConditionStatus.False);
      var ready = OperatorHarness.condition(waiting, ConditionType.Ready).orElseThrow();
      assertThat(ready.getReason()).isEqualTo("Progressing");
      assertThat(ready.getMessage()).contains("another operation (pending-install of revision 1").contains("spec.timeout (5m)");
      assertThat(store.history(ns.name(), "api").latest().orElseThrow().status().wire()).isEqualTo("pending-install");

      // older than spec.timeout: unlocked as failed, then upgraded
      bed.edit("api", spec -> spec.setTimeout("1s"));
      bed.awaitReady("api", c -> c.getStatus() == ConditionStatus.True);
      JsonNode helmHistory = OperatorHarness.JSON.readTree(
          cluster.run("history", "api", "-n", ns.name(), "-o", "json").requireSuccess().stdout());
      assertThat(helmHistory).extracting(h -> h.get("revision").asInt() + " " + h.get("status").asText())
          .containsExactly("1 failed", "2 deployed");
      assertThat(helmHistory.get(0).get("description").asText())
          .startsWith("Release unlocked by ocihelm from stale 'pending-install' state");
    }
  }
}
