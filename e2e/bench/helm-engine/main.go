// Command helm-engine measures Helm 4.1.4's own rendering warm, in one process, so that our JMH
// RenderBenchmark has a reference measured on the same machine at the same moment.
//
// Two modes, both repeated on one conformance case:
//
//	template  what `helm template` does after loading the chart: action.Install in client-only
//	          dry-run mode (dependency processing, values coalescing, schema validation, engine,
//	          manifest sorting) plus the output formatting of `helm template`. This is the same
//	          work RenderBenchmark times (ReleaseRenderer.render + TemplateOutput.format).
//	engine    only engine.Render on already-coalesced values (Helm's template engine alone).
//
// The chart archive and values file are parsed outside the timed region for each iteration
// (ProcessDependencies mutates the chart, so every iteration gets a freshly loaded one).
//
// Usage: go run . -case /work/shared/conformance/charts/kyverno--default [-mode template] [-warmup 10s] [-time 20s]
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"helm.sh/helm/v4/pkg/action"
	ci "helm.sh/helm/v4/pkg/chart"
	"helm.sh/helm/v4/pkg/chart/common"
	"helm.sh/helm/v4/pkg/chart/common/util"
	chart "helm.sh/helm/v4/pkg/chart/v2"
	"helm.sh/helm/v4/pkg/chart/v2/loader"
	chartutil "helm.sh/helm/v4/pkg/chart/v2/util"
	"helm.sh/helm/v4/pkg/engine"
	release "helm.sh/helm/v4/pkg/release/v1"
	"sigs.k8s.io/yaml"
)

type caseSpec struct {
	Release     string   `json:"release"`
	Namespace   string   `json:"namespace"`
	KubeVersion string   `json:"kubeVersion"`
	APIVersions []string `json:"apiVersions"`
}

type fixture struct {
	spec     caseSpec
	archive  []byte
	values   []byte
	expected []byte
}

func main() {
	caseDir := flag.String("case", "", "conformance case directory (chart.tgz, values.yaml, case.yaml)")
	mode := flag.String("mode", "template", "template | engine")
	warmup := flag.Duration("warmup", 10*time.Second, "warm-up time")
	measure := flag.Duration("time", 20*time.Second, "measurement time")
	flag.Parse()
	if *caseDir == "" {
		fmt.Fprintln(os.Stderr, "usage: helm-engine -case DIR [-mode template|engine]")
		os.Exit(2)
	}
	slog.SetDefault(slog.New(slog.NewTextHandler(io.Discard, nil)))
	f, err := readFixture(*caseDir)
	check(err)

	var run func(*chart.Chart, map[string]interface{}) string
	switch *mode {
	case "template":
		run = func(c *chart.Chart, vals map[string]interface{}) string { return template(f.spec, c, vals) }
		out := run(mustLoad(f))
		if !bytes.Equal([]byte(out), f.expected) {
			fmt.Fprintln(os.Stderr, "warning: output differs from expected.yaml")
		} else {
			fmt.Println("output identical to expected.yaml")
		}
	case "engine":
		run = func(c *chart.Chart, vals map[string]interface{}) string { return engineOnly(f.spec, c, vals) }
	default:
		check(fmt.Errorf("unknown mode %q", *mode))
	}

	loop(f, run, *warmup)
	cpuBefore := processCPU()
	n, elapsed, allocated, load := loop(f, run, *measure)
	// Process CPU includes the untimed chart loading; it is subtracted using a separate load-only loop.
	cpu := processCPU() - cpuBefore
	loadCPUStart := processCPU()
	for i := 0; i < n; i++ {
		mustLoad(f)
	}
	cpu -= processCPU() - loadCPUStart
	fmt.Printf("mode=%s case=%s iterations=%d  %.1f ms/op wall  %.1f ms/op CPU (all threads)  %.1f MB allocated/op  (load-only %.1f ms/op; GOMAXPROCS=%d, %s)\n",
		*mode, filepath.Base(*caseDir), n, float64(elapsed.Microseconds())/1000/float64(n),
		float64(cpu.Microseconds())/1000/float64(n),
		float64(allocated)/float64(n)/1e6, float64(load.Microseconds())/1000/float64(n), runtime.GOMAXPROCS(0), runtime.Version())
}

// processCPU is the user+system CPU time of the whole process (all threads, GC included).
func processCPU() time.Duration {
	var ru syscall.Rusage
	check(syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loop runs until d of timed work has passed; returns iterations, timed duration, bytes allocated
// in the timed part, and the wall time spent loading charts (untimed).
func loop(f fixture, run func(*chart.Chart, map[string]interface{}) string, d time.Duration) (int, time.Duration, uint64, time.Duration) {
	var elapsed, loading time.Duration
	var allocated uint64
	var ms runtime.MemStats
	n := 0
	for elapsed < d {
		loadStart := time.Now()
		c, vals := mustLoad(f)
		loading += time.Since(loadStart)
		runtime.ReadMemStats(&ms)
		before := ms.TotalAlloc
		start := time.Now()
		sink = run(c, vals)
		elapsed += time.Since(start)
		runtime.ReadMemStats(&ms)
		allocated += ms.TotalAlloc - before
		n++
	}
	return n, elapsed, allocated, loading
}

var sink string

func readFixture(dir string) (fixture, error) {
	var f fixture
	specText, err := os.ReadFile(filepath.Join(dir, "case.yaml"))
	if err != nil {
		return f, err
	}
	if err := yaml.Unmarshal(specText, &f.spec); err != nil {
		return f, err
	}
	if f.archive, err = os.ReadFile(filepath.Join(dir, "chart.tgz")); err != nil {
		return f, err
	}
	if f.values, err = os.ReadFile(filepath.Join(dir, "values.yaml")); err != nil {
		return f, err
	}
	f.expected, _ = os.ReadFile(filepath.Join(dir, "expected.yaml"))
	return f, nil
}

func mustLoad(f fixture) (*chart.Chart, map[string]interface{}) {
	c, err := loader.LoadArchive(bytes.NewReader(f.archive))
	check(err)
	vals, err := loader.LoadValues(bytes.NewReader(f.values))
	check(err)
	return c, vals
}

// template: the body of `helm template` after chart and values are loaded (pkg/cmd/template.go).
func template(spec caseSpec, c *chart.Chart, vals map[string]interface{}) string {
	client := action.NewInstall(action.NewConfiguration())
	client.DryRunStrategy = action.DryRunClient
	client.Replace = true
	client.ReleaseName = spec.Release
	client.Namespace = spec.Namespace
	client.APIVersions = common.VersionSet(spec.APIVersions)
	kv, err := common.ParseKubeVersion(spec.KubeVersion)
	check(err)
	client.KubeVersion = kv
	ac, err := ci.NewAccessor(c)
	check(err)
	if req := ac.MetaDependencies(); len(req) > 0 {
		check(action.CheckDependencies(c, req))
	}
	r, err := client.RunWithContext(context.Background(), c, vals)
	check(err)
	rel := r.(*release.Release)
	var manifests bytes.Buffer
	fmt.Fprintln(&manifests, strings.TrimSpace(rel.Manifest))
	for _, m := range rel.Hooks {
		fmt.Fprintf(&manifests, "---\n# Source: %s\n%s\n", m.Path, m.Manifest)
	}
	return manifests.String()
}

// engineOnly: dependency processing and values outside the engine are included (they are cheap),
// then engine.Render; the rendered files are concatenated in name order so nothing is optimised away.
func engineOnly(spec caseSpec, c *chart.Chart, vals map[string]interface{}) string {
	check(chartutil.ProcessDependencies(c, vals))
	caps := common.DefaultCapabilities.Copy()
	kv, err := common.ParseKubeVersion(spec.KubeVersion)
	check(err)
	caps.KubeVersion = *kv
	options := common.ReleaseOptions{Name: spec.Release, Namespace: spec.Namespace, Revision: 1, IsInstall: true}
	top, err := util.ToRenderValuesWithSchemaValidation(c, vals, options, caps, false)
	check(err)
	files, err := engine.Render(c, top)
	check(err)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		b.WriteString(files[name])
	}
	return b.String()
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}
