package io.ocihelm.render.bench;

import io.ocihelm.chart.Chart;
import io.ocihelm.chart.ChartLoader;
import io.ocihelm.chart.SemverRange;
import io.ocihelm.codec.GoYamlReader;
import io.ocihelm.render.Capabilities;
import io.ocihelm.render.Lookup;
import io.ocihelm.render.ReleaseInfo;
import io.ocihelm.render.ReleaseRenderer;
import io.ocihelm.render.TemplateOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Warm render of a corpus case through the library, as the operator renders: chart already
 * loaded, values merged, everything from dependency processing to the formatted output measured.
 * The default case is the largest of the corpus (kyverno--default, 3.6 MB of manifests).
 *
 * <p>Run from the project root after {@code ./mvnw package}: {@code java -cp
 * "target/test-classes:target/classes:target/quarkus-app/lib/main/*:$JMH_JARS"
 * io.ocihelm.render.bench.RenderBenchmark [case-id]}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RenderBenchmark {
  @Param("kyverno--default")
  public String caseId;

  private Chart chart;
  private ReleaseRenderer.Request request;
  private ReleaseRenderer renderer;

  @Setup
  public void load() throws IOException {
    Path dir = Path.of("../shared/conformance/charts", caseId);
    Map<String, Object> spec = GoYamlReader.readMap(Files.readString(dir.resolve("case.yaml")));
    chart = new ChartLoader().load(dir.resolve("chart.tgz"));
    Map<String, Object> values = GoYamlReader.readMap(Files.readString(dir.resolve("values.yaml")));
    @SuppressWarnings("unchecked")
    List<String> apis = spec.get("apiVersions") instanceof List<?> l ? (List<String>) l : List.of();
    request = new ReleaseRenderer.Request(chart, values,
        ReleaseInfo.install(String.valueOf(spec.get("release")), String.valueOf(spec.get("namespace"))),
        Capabilities.forTemplate(String.valueOf(spec.get("kubeVersion")), apis, Capabilities.DEFAULT_API_VERSIONS),
        false, Lookup.NONE);
    renderer = new ReleaseRenderer(new SemverRange(), w -> { });
  }

  ReleaseRenderer renderer() {
    return renderer;
  }

  ReleaseRenderer.Request request() {
    return request;
  }

  @Benchmark
  public String render() {
    return TemplateOutput.format(renderer.render(request), TemplateOutput.Options.defaults());
  }

  public static void main(String[] args) throws Exception {
    var options = new OptionsBuilder().include(RenderBenchmark.class.getSimpleName());
    if (args.length > 0) {
      options.param("caseId", args);
    }
    new Runner(options.build()).run();
  }
}
