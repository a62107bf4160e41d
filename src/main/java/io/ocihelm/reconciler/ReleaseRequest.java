package io.ocihelm.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.apply.Inventory;
import io.ocihelm.apply.Pruner;
import io.ocihelm.apply.hook.HookRun;
import io.ocihelm.chart.Chart;
import io.ocihelm.oci.OciReference;
import io.ocihelm.render.RenderedRelease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one reconcile of one OciHelmRelease knows, filled in step by step: the release as read,
 * then the resolved chart, the merged values, the render, what was applied and pruned. Each step
 * reads what earlier steps set and sets its own part; nothing travels in reconciler fields.
 */
public final class ReleaseRequest {

  /** The chart a version or constraint resolved to: the exact tag and manifest digest. */
  public record ResolvedChart(OciReference reference, String version, String digest) {
    /** {@code version@digest}, the revision status reports. */
    public String revision() {
      return version + "@" + digest;
    }
  }

  /** Merged values and their checksum (the only trace of the values status keeps). */
  public record MergedValues(Map<String, Object> values, String checksum) {}

  /** The outcome of checking the chart's signature (spec.verify): the Verified condition. */
  public record SignatureCheck(boolean passed, String message) {}

  /**
   * A revision this reconcile stored as a Helm release record: its number, Helm's status word
   * ({@code deployed}, {@code failed}, {@code pending-upgrade}...) and Helm's description of it.
   */
  public record RecordedRevision(long number, String status, String description) {}

  private final OciHelmRelease release;
  private final Instant startedAt;
  private ResolvedChart resolvedChart;
  private Chart chart;
  private MergedValues values;
  private SignatureCheck signatureCheck;
  private RenderedRelease rendered;
  private List<GenericKubernetesResource> objects;
  private Inventory applied;
  private Pruner.Result pruned;
  private long revision;
  private final List<HookRun> hookRuns = new ArrayList<>();
  private HealthVerdict health;
  private Remediation remediation;
  private DriftResult drift;
  private RecordedRevision recorded;

  public ReleaseRequest(OciHelmRelease release) {
    this(release, null);
  }

  /** @param startedAt when this reconcile began (the history's startedAt), null when unknown */
  public ReleaseRequest(OciHelmRelease release, Instant startedAt) {
    this.release = Objects.requireNonNull(release);
    this.startedAt = startedAt;
  }

  public Optional<Instant> startedAt() {
    return Optional.ofNullable(startedAt);
  }

  public OciHelmRelease release() {
    return release;
  }

  public OciHelmReleaseSpec spec() {
    return release.getSpec();
  }

  /** The status as read at the start of this reconcile (an empty one for a new release). */
  public OciHelmReleaseStatus observedStatus() {
    return release.getStatus() == null ? new OciHelmReleaseStatus() : release.getStatus();
  }

  public String namespace() {
    return release.getMetadata().getNamespace();
  }

  public long generation() {
    Long generation = release.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }

  public String releaseName() {
    String name = spec().getReleaseName();
    return name == null || name.isEmpty() ? release.getMetadata().getName() : name;
  }

  public String targetNamespace() {
    String target = spec().getTargetNamespace();
    return target == null || target.isEmpty() ? namespace() : target;
  }

  /** spec.timeout: the bound of hooks, CRD and health waits. */
  public java.time.Duration timeout() {
    return GoDuration.parse(spec().getTimeout());
  }

  /** {@code <namespace>.<name>}: the value of the ocihelm.io/release label. */
  public String ownerKey() {
    return namespace() + "." + release.getMetadata().getName();
  }

  /** The inventory of the last successful revision, from status. */
  public Inventory previousInventory() {
    return Inventory.of(observedStatus().getInventory().stream()
        .map(e -> new Inventory.Entry(e.getApiVersion(), e.getKind(), e.getNamespace(), e.getName()))
        .toList());
  }

  public ResolvedChart resolvedChart() {
    return required(resolvedChart, "resolved chart");
  }

  public boolean hasResolvedChart() {
    return resolvedChart != null;
  }

  public void setResolvedChart(ResolvedChart resolvedChart) {
    this.resolvedChart = resolvedChart;
  }

  public Chart chart() {
    return required(chart, "chart");
  }

  public boolean hasChart() {
    return chart != null;
  }

  public void setChart(Chart chart) {
    this.chart = chart;
  }

  public MergedValues values() {
    return required(values, "values");
  }

  public boolean hasValues() {
    return values != null;
  }

  public void setValues(MergedValues values) {
    this.values = values;
  }

  /** Empty when the signature was not checked in this reconcile (no spec.verify, or not reached). */
  public Optional<SignatureCheck> signatureCheck() {
    return Optional.ofNullable(signatureCheck);
  }

  public void setSignatureCheck(SignatureCheck signatureCheck) {
    this.signatureCheck = signatureCheck;
  }

  public RenderedRelease rendered() {
    return required(rendered, "render");
  }

  /** Whether this reconcile rendered a new revision (false while it only waits for health). */
  public boolean hasRendered() {
    return rendered != null;
  }

  public void setRendered(RenderedRelease rendered) {
    this.rendered = rendered;
  }

  public List<GenericKubernetesResource> objects() {
    return required(objects, "objects");
  }

  public void setObjects(List<GenericKubernetesResource> objects) {
    this.objects = objects;
  }

  public Inventory applied() {
    return required(applied, "applied inventory");
  }

  public boolean hasApplied() {
    return applied != null;
  }

  public void setApplied(Inventory applied) {
    this.applied = applied;
  }

  public Pruner.Result pruned() {
    return required(pruned, "prune result");
  }

  public void setPruned(Pruner.Result pruned) {
    this.pruned = pruned;
  }

  /** The revision this reconcile renders and records (1: an install, more: an upgrade). */
  public long revision() {
    if (revision == 0) {
      throw new IllegalStateException("revision is not known yet at this step");
    }
    return revision;
  }

  public boolean hasRevision() {
    return revision != 0;
  }

  public void setRevision(long revision) {
    this.revision = revision;
  }

  /** The release record this reconcile wrote last, if it wrote one. */
  public Optional<RecordedRevision> recorded() {
    return Optional.ofNullable(recorded);
  }

  public void setRecorded(RecordedRevision recorded) {
    this.recorded = recorded;
  }

  /** How the hooks run so far in this reconcile went, in the order they ran. */
  public List<HookRun> hookRuns() {
    return List.copyOf(hookRuns);
  }

  public void addHookRuns(List<HookRun> runs) {
    hookRuns.addAll(runs);
  }

  /** How the applied objects stand (set by the health step). */
  public HealthVerdict health() {
    return required(health, "health");
  }

  public boolean hasHealth() {
    return health != null;
  }

  public void setHealth(HealthVerdict health) {
    this.health = health;
  }

  /** What was done about a failed install or upgrade; empty when the failure is not remediated. */
  public java.util.Optional<Remediation> remediation() {
    return java.util.Optional.ofNullable(remediation);
  }

  public void setRemediation(Remediation remediation) {
    this.remediation = remediation;
  }

  /**
   * Whether this reconcile attempts what the last attempt did (same generation, chart revision and
   * values): then failures keep counting towards the remediation retries; otherwise they start over.
   * Unknown inputs (a failure before they were observed) count as the same attempt.
   */
  public boolean isSameAttemptAsLast() {
    OciHelmReleaseStatus status = observedStatus();
    return Objects.equals(status.getObservedGeneration(), generation())
        && (!hasResolvedChart() || Objects.equals(status.getLastAttemptedRevision(), resolvedChart().revision()))
        && (!hasValues() || Objects.equals(status.getLastAttemptedValuesChecksum(), values().checksum()));
  }

  /** status.failures after this failure: counting on for the same attempt, from 1 for a new one. */
  public long failuresIncludingThis() {
    long before = observedStatus().getFailures() == null ? 0 : observedStatus().getFailures();
    return (isSameAttemptAsLast() ? before : 0) + 1;
  }

  /** What the drift check found; null when it did not run (a release, or detection disabled). */
  public DriftResult drift() {
    return drift;
  }

  public void setDrift(DriftResult drift) {
    this.drift = drift;
  }

  private static <T> T required(T value, String what) {
    if (value == null) {
      // A step ran before the step that provides its input: a wiring bug, not a user error.
      throw new IllegalStateException(what + " is not known yet at this step");
    }
    return value;
  }
}
