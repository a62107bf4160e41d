package io.ocihelm.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.CrdsPolicy;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.chart.ChartFile;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.reconciler.ReleaseRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which crds/ policy applies: spec.install.crds on a first install (API default Create, as helm
 * install), spec.upgrade.crds afterwards (API default Skip, as helm upgrade).
 */
class InstallCrdsTest {

  static Stream<Arguments> policies() {
    return Stream.of(
        Arguments.of("install, defaults: create missing", 1L, null, null, "KEEP"),
        Arguments.of("upgrade, defaults: skip", 2L, null, null, "skipped"),
        Arguments.of("install Skip", 1L, CrdsPolicy.Skip, null, "skipped"),
        Arguments.of("install CreateReplace", 1L, CrdsPolicy.CreateReplace, null, "REPLACE"),
        Arguments.of("upgrade Create", 3L, CrdsPolicy.Skip, CrdsPolicy.Create, "KEEP"),
        Arguments.of("upgrade CreateReplace", 3L, null, CrdsPolicy.CreateReplace, "REPLACE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void choosesThePolicyOfInstallOrUpgrade(
      String title, long nextRevision, CrdsPolicy install, CrdsPolicy upgrade, String expected) {
    List<String> calls = new ArrayList<>();
    InstallCrds step = new InstallCrds((files, existing, timeout) -> {
      calls.add(existing.name() + " " + files.size() + " " + timeout);
      return List.of();
    }, recorder(nextRevision));
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    if (install != null) {
      spec.getInstall().setCrds(install);
    }
    if (upgrade != null) {
      spec.getUpgrade().setCrds(upgrade);
    }
    ReleaseRequest request = request(spec);
    request.setChart(chartWithCrd());

    step.run(request);

    assertThat(calls).containsExactlyElementsOf(
        expected.equals("skipped") ? List.of() : List.of(expected + " 1 PT5M"));
  }

  private static ReleaseRecorder recorder(long nextRevision) {
    return new ReleaseRecorder() {
      @Override
      public long nextRevision(ReleaseRequest request) {
        return nextRevision;
      }

      @Override
      public void recordDeployed(ReleaseRequest request) {}
    };
  }

  private static ReleaseRequest request(OciHelmReleaseSpec spec) {
    ChartSource chart = new ChartSource();
    chart.setRepository("oci://127.0.0.1:5000/charts/demo");
    spec.setChart(chart);
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("team-a").build());
    release.setSpec(spec);
    return new ReleaseRequest(release);
  }

  private static io.ocihelm.chart.Chart chartWithCrd() {
    return new ChartLoader().loadFiles(List.of(
        new ChartFile("Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n".getBytes(StandardCharsets.UTF_8)),
        new ChartFile("crds/widgets.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
            .getBytes(StandardCharsets.UTF_8))));
  }
}
