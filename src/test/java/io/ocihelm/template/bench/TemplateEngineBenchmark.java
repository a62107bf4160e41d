package io.ocihelm.template.bench;

import io.ocihelm.template.TemplateSet;
import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.GoBuiltins;
import io.ocihelm.template.function.GoType;
import io.ocihelm.template.value.NamedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Engine speed on a chart-shaped template (helpers with define/include, range over containers,
 * ports and env, if/with, field chains), parsed once and rendered per operation; and parsing alone.
 * Only the engine is measured: the functions are small stand-ins for Sprig's (quote, indent).
 *
 * <p>Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * io.ocihelm.template.bench.TemplateEngineBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TemplateEngineBenchmark {
  static final String HELPERS = """
      {{- define "app.name" -}}{{ .Chart.Name }}{{- end }}
      {{- define "app.fullname" -}}{{ .Release.Name }}-{{ include "app.name" . }}{{- end }}
      {{- define "app.labels" -}}
      app.kubernetes.io/name: {{ include "app.name" . }}
      app.kubernetes.io/instance: {{ .Release.Name }}
      app.kubernetes.io/managed-by: {{ .Release.Service }}
      {{- end }}
      """;

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: {{ include "app.fullname" . }}
        labels:
      {{ include "app.labels" . | indent 4 }}
      spec:
        {{- if not .Values.autoscaling }}
        replicas: {{ .Values.replicas }}
        {{- end }}
        template:
          spec:
            containers:
            {{- range $i, $c := .Values.containers }}
              - name: {{ $c.name }}
                image: {{ $c.image.repository }}:{{ $c.image.tag | quote }}
                {{- with $c.ports }}
                ports:
                {{- range . }}
                  - containerPort: {{ .port }}
                    name: {{ .name | quote }}
                {{- end }}
                {{- end }}
                env:
                {{- range $k, $v := $c.env }}
                  - name: {{ $k }}
                    value: {{ $v | quote }}
                {{- end }}
                {{- if and $c.resources (index $c.resources "limits") }}
                resources:
                  limits:
                    cpu: {{ $c.resources.limits.cpu }}
                {{- end }}
            {{- end }}
      """;

  TemplateSet set;
  NamedMap data;

  @Setup
  public void setup() {
    set = TemplateSet.create(registry());
    set.parse("app/templates/_helpers.tpl", HELPERS);
    set.parse("app/templates/deployment.yaml", DEPLOYMENT);
    data = data();
  }

  @Benchmark
  public String renderDeployment() {
    return set.execute("app/templates/deployment.yaml", data);
  }

  @Benchmark
  public TemplateSet parseChart() {
    TemplateSet fresh = TemplateSet.create(registry());
    fresh.parse("app/templates/_helpers.tpl", HELPERS);
    fresh.parse("app/templates/deployment.yaml", DEPLOYMENT);
    return fresh;
  }

  static FunctionRegistry registry() {
    FunctionRegistry r = new FunctionRegistry();
    GoBuiltins.register(r);
    r.register("include", FunctionSignature.of(GoType.STRING, GoType.ANY),
        (ctx, args) -> ctx.executeTemplate((String) args[0], args[1]));
    r.register("quote", FunctionSignature.variadic(GoType.ANY), (ctx, args) -> {
      if (args.length == 0) {
        throw new FunctionException("quote needs an argument");
      }
      return "\"" + args[0] + "\"";
    });
    r.register("indent", FunctionSignature.of(GoType.INT, GoType.STRING), (ctx, args) -> {
      String pad = " ".repeat(((Long) args[0]).intValue());
      return pad + ((String) args[1]).replace("\n", "\n" + pad);
    });
    return r;
  }

  static NamedMap data() {
    List<Object> containers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", "c" + i);
      c.put("image", new LinkedHashMap<>(Map.of("repository", "ghcr.io/x/app", "tag", "1.2." + i)));
      List<Object> ports = new ArrayList<>();
      for (int p = 0; p < 3; p++) {
        ports.add(new LinkedHashMap<>(Map.of("port", 8080.0 + p, "name", "p" + p)));
      }
      c.put("ports", ports);
      Map<String, Object> env = new LinkedHashMap<>();
      for (int e = 0; e < 8; e++) {
        env.put("ENV_" + e, "value-" + e);
      }
      c.put("env", env);
      c.put("resources", new LinkedHashMap<>(Map.of("limits", new LinkedHashMap<>(Map.of("cpu", "500m")))));
      containers.add(c);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("replicas", 3.0);
    values.put("autoscaling", false);
    values.put("containers", containers);
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("Values", new NamedMap("common.Values", values));
    top.put("Release", new LinkedHashMap<>(Map.of("Name", "rel", "Service", "Helm")));
    top.put("Chart", new LinkedHashMap<>(Map.of("Name", "app")));
    return new NamedMap("common.Values", top);
  }

  public static void main(String[] args) throws Exception {
    new Runner(new OptionsBuilder().include(TemplateEngineBenchmark.class.getSimpleName()).build()).run();
  }
}
