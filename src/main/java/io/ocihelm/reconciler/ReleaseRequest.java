package io.ocihelm.reconciler;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.OciHelmReleaseStatus;
import io.ocihelm.apply.Inventory;
import io.ocihelm.apply.Pruner;
import io.ocihelm.chart.Chart;
import io.ocihelm.oci.OciReference;
import io.ocihelm.render.RenderedRelease;
import java.time.Instant;
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

  /**
   * A revision this reconcile stored as a Helm release record: its number, Helm's status word
   * ({@code deployed}, {@code failed}) and Helm's description of it.
   */
  public record RecordedRevision(long number, String status, String description) {}

  private final OciHelmRelease release;
  private final Instant startedAt;
  private ResolvedChart resolvedChart;
  private Chart chart;
  private MergedValues values;
  private RenderedRelease rendered;
  private List<GenericKubernetesResource> objects;
  private Inventory applied;
  private Pruner.Result pruned;
  private Long revision;
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

  public RenderedRelease rendered() {
    return required(rendered, "render");
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

  /** The Helm revision number this render is ({@code .Release.Revision}). */
  public long revision() {
    return required(revision, "revision");
  }

  public boolean hasRevision() {
    return revision != null;
  }

  public void setRevision(long revision) {
    this.revision = revision;
  }

  /** The release record this reconcile wrote, if it wrote one. */
  public Optional<RecordedRevision> recorded() {
    return Optional.ofNullable(recorded);
  }

  public void setRecorded(RecordedRevision recorded) {
    this.recorded = recorded;
  }

  private static <T> T required(T value, String what) {
    if (value == null) {
      // A step ran before the step that provides its input: a wiring bug, not a user error.
      throw new IllegalStateException(what + " is not known yet at this step");
    }
    return value;
  }
}
