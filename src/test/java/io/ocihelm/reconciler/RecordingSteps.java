package io.ocihelm.reconciler;

import io.ocihelm.apply.Inventory;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.oci.OciReference;
import io.ocihelm.reconciler.step.ReleaseStep;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reconciler steps for unit tests: each records its name in {@link #ran} and fills in the least
 * the next steps need (a resolved chart, values, a chart, an inventory, a health verdict). One
 * place to follow when {@link ReleaseSteps} gains a step.
 */
final class RecordingSteps {
  static final String DIGEST = "sha256:" + "a".repeat(64);

  /** The names of the steps run so far, in order. */
  final List<String> ran = new ArrayList<>();

  ReleaseStep recording(String name, ReleaseStep body) {
    return request -> {
      ran.add(name);
      body.run(request);
    };
  }

  /** Every step succeeds; {@code render} stands in for the render step. */
  ReleaseSteps with(ReleaseStep render) {
    return new ReleaseSteps(
        recording("resolve", r -> r.setResolvedChart(new ReleaseRequest.ResolvedChart(
            OciReference.parse("oci://127.0.0.1:5000/charts/demo:0.1.0"), "0.1.0", DIGEST))),
        recording("values", r -> r.setValues(new ReleaseRequest.MergedValues(Map.of(), "sha256:values"))),
        recording("verify", r -> {}),
        recording("fetch", r -> r.setChart(demoChart())),
        recording("crds", r -> {}),
        recording("render", render),
        recording("namespace", r -> {}),
        recording("apply", r -> r.setApplied(Inventory.of(List.of(
            new Inventory.Entry("v1", "ConfigMap", "team-a", "demo"))))),
        recording("prune", r -> {}),
        recording("health", r -> r.setHealth(HealthVerdict.notWaited())),
        recording("record", r -> {}),
        (r, failure) -> ran.add("remediate"),
        recording("uninstall", r -> {}),
        r -> {},
        recording("drift", r -> {}),
        null);
  }

  /** Resolving the chart fails with {@code failure}; nothing else runs. */
  ReleaseSteps failingResolve(ReconcileFailure failure) {
    ReleaseStep none = r -> {};
    return new ReleaseSteps(r -> { throw failure; }, none, none, none, none, none, none, none, none, none, none,
        (r, f) -> {}, none, none, none, null);
  }

  static io.ocihelm.chart.Chart demoChart() {
    return new ChartLoader().loadFiles(List.of(
        new ChartFile("Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n".getBytes(StandardCharsets.UTF_8))));
  }
}
