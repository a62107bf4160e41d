package io.ocihelm.render.bench;

import java.lang.management.ManagementFactory;

/**
 * The same warm render as {@link RenderBenchmark}, reported as process CPU time per render (all
 * threads: JIT and GC included) next to wall time. On a shared, overloaded machine wall time says
 * little; CPU time per render is what compares with e2e/bench/helm-engine, which reports the same.
 *
 * <p>{@code java -cp "target/test-classes:target/classes:target/quarkus-app/lib/main/*"
 * io.ocihelm.render.bench.RenderCpuTime [case-id] [warm-up seconds] [measured seconds] [render|engine]}
 * ({@code engine}: {@link io.ocihelm.render.ReleaseRenderer#renderTemplates} only, the counterpart of
 * {@code helm-engine -mode engine}).
 */
public final class RenderCpuTime {
  private RenderCpuTime() {}

  public static void main(String[] args) throws Exception {
    RenderBenchmark bench = new RenderBenchmark();
    bench.caseId = args.length > 0 ? args[0] : "kyverno--default";
    long warmup = (args.length > 1 ? Long.parseLong(args[1]) : 20) * 1_000_000_000L;
    long measure = (args.length > 2 ? Long.parseLong(args[2]) : 20) * 1_000_000_000L;
    bench.load();
    boolean engine = args.length > 3 && args[3].equals("engine");
    java.util.function.IntSupplier op = engine
        ? () -> bench.renderer().renderTemplates(bench.request()).size()
        : () -> bench.render().length();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int sink = 0;
    long start = System.nanoTime();
    while (System.nanoTime() - start < warmup) {
      sink += op.getAsInt();
    }
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    int n = 0;
    while (System.nanoTime() - wall0 < measure) {
      sink += op.getAsInt();
      n++;
    }
    long wall = System.nanoTime() - wall0;
    long cpu = os.getProcessCpuTime() - cpu0;
    System.out.printf("mode=%s case=%s iterations=%d  %.1f ms/op wall  %.1f ms/op CPU (all threads)  (%d)%n",
        engine ? "engine" : "render", bench.caseId, n, wall / 1e6 / n, cpu / 1e6 / n, sink % 10);
  }
}
