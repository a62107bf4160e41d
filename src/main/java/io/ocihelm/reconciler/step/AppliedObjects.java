package io.ocihelm.reconciler.step;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.apply.Inventory;
import io.ocihelm.apply.ManifestObjects;
import io.ocihelm.apply.ReleaseOwnership;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.release.ReleaseRecord;
import io.ocihelm.release.ReleaseStore;
import io.ocihelm.render.Manifest;
import io.ocihelm.render.ManifestSorter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What each release applied last, for drift detection (DESIGN.md §2a: drift is measured against
 * what was applied, never a new render). Kept in memory, gzipped JSON per release, least recently
 * used first out beyond a byte budget; a release not in memory (after a restart, or evicted) is
 * read back from its last deployed Helm release record: the recorded manifest, placed in the
 * namespaces the status inventory names and stamped with the ownership marks, exactly as applied.
 *
 * <p>An entry counts only for the revision it was applied for (chart revision, values checksum,
 * generation, uid): after an upgrade the old objects are never compared.
 */
public final class AppliedObjects {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<GenericKubernetesResource>> OBJECTS = new TypeReference<>() {};

  private record Remembered(String revisionKey, byte[] gzippedJson) {}

  private final ReleaseStore records;
  private final long maxBytes;
  private final LinkedHashMap<String, Remembered> byRelease = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  /**
   * @param records where to read what was applied when memory does not have it; null for none
   * @param maxBytes memory budget (gzipped); a typical release of ten objects takes a few KiB
   */
  public AppliedObjects(ReleaseStore records, long maxBytes) {
    this.records = records;
    this.maxBytes = maxBytes;
  }

  /** Remembers {@code request.objects()} as applied (placed and stamped by the applier). */
  public void remember(ReleaseRequest request) {
    put(releaseKey(request), new Remembered(revisionKey(request), gzip(request.objects())));
  }

  /**
   * The objects applied for the revision the request is at, from memory or from the release
   * record; empty when neither has them (no record, or a record of another revision).
   */
  public Optional<List<GenericKubernetesResource>> desired(ReleaseRequest request) {
    String revision = revisionKey(request);
    Remembered remembered;
    synchronized (this) {
      remembered = byRelease.get(releaseKey(request));
    }
    if (remembered != null && remembered.revisionKey().equals(revision)) {
      return Optional.of(gunzip(remembered.gzippedJson()));
    }
    Optional<List<GenericKubernetesResource>> recorded = fromRecord(request);
    recorded.ifPresent(objects -> put(releaseKey(request), new Remembered(revision, gzip(objects))));
    return recorded;
  }

  /** Bytes held in memory (gzipped JSON). */
  public synchronized long bytesHeld() {
    return bytes;
  }

  /** Forgets a release (uninstalled). */
  public synchronized void forget(ReleaseRequest request) {
    Remembered removed = byRelease.remove(releaseKey(request));
    if (removed != null) {
      bytes -= removed.gzippedJson().length;
    }
  }

  private synchronized void put(String key, Remembered remembered) {
    Remembered previous = byRelease.put(key, remembered);
    bytes += remembered.gzippedJson().length - (previous == null ? 0 : previous.gzippedJson().length);
    var oldest = byRelease.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      Map.Entry<String, Remembered> entry = oldest.next();
      if (entry.getKey().equals(key)) {
        continue;
      }
      bytes -= entry.getValue().gzippedJson().length;
      oldest.remove();
    }
  }

  private Optional<List<GenericKubernetesResource>> fromRecord(ReleaseRequest request) {
    if (records == null) {
      return Optional.empty();
    }
    Optional<ReleaseRecord> deployed =
        records.history(request.targetNamespace(), request.releaseName()).lastDeployed();
    if (deployed.isEmpty() || deployed.get().manifest() == null) {
      return Optional.empty();
    }
    List<Manifest> documents = ManifestSorter.split(deployed.get().manifest()).stream()
        .map(doc -> new Manifest("release record", doc, "", "", List.of()))
        .toList();
    List<GenericKubernetesResource> objects = ManifestObjects.decode(documents);
    Inventory inventory = request.previousInventory();
    ReleaseOwnership ownership =
        new ReleaseOwnership(request.releaseName(), request.targetNamespace(), request.ownerKey());
    List<GenericKubernetesResource> applied = new ArrayList<>();
    for (GenericKubernetesResource object : objects) {
      // Only what the inventory lists was applied; it also knows each object's namespace.
      placed(object, inventory, request.targetNamespace()).ifPresent(entry -> {
        object.getMetadata().setNamespace(entry.namespace().isEmpty() ? null : entry.namespace());
        ownership.stamp(object);
        applied.add(object);
      });
    }
    return Optional.of(applied);
  }

  private static Optional<Inventory.Entry> placed(GenericKubernetesResource object, Inventory inventory, String targetNamespace) {
    String namespace = object.getMetadata().getNamespace();
    return inventory.entries().stream()
        .filter(e -> e.apiVersion().equals(object.getApiVersion()) && e.kind().equals(object.getKind())
            && e.name().equals(object.getMetadata().getName()))
        .filter(e -> e.namespace().isEmpty()
            || e.namespace().equals(namespace == null || namespace.isEmpty() ? targetNamespace : namespace))
        .findFirst();
  }

  private static String releaseKey(ReleaseRequest request) {
    return request.ownerKey();
  }

  /** The revision a reconcile is at; equal to the applied one whenever ReleasePlan says up to date. */
  private static String revisionKey(ReleaseRequest request) {
    return request.release().getMetadata().getUid() + "|" + request.resolvedChart().revision() + "|"
        + request.values().checksum() + "|" + request.generation();
  }

  private static byte[] gzip(List<GenericKubernetesResource> objects) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      JSON.writeValue(zip, objects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<GenericKubernetesResource> gunzip(byte[] gzipped) {
    try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return JSON.readValue(zip, OBJECTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
