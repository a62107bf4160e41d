package io.ocihelm.reconciler.step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.ocihelm.api.v1alpha1.Reason;
import io.ocihelm.api.v1alpha1.ValuesReference;
import io.ocihelm.api.v1alpha1.ValuesSourceKind;
import io.ocihelm.chart.StrVals;
import io.ocihelm.chart.Values;
import io.ocihelm.codec.CodecException;
import io.ocihelm.codec.GoYamlReader;
import io.ocihelm.reconciler.ReconcileFailure;
import io.ocihelm.reconciler.ReleaseRequest;
import io.ocihelm.reconciler.watch.WatchedSources;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Observe: the user values, the way {@code helm install -f a -f b -f spec.values} merges them:
 * each valuesFrom reference in order, then spec.values on top. The checksum is over the merged
 * values with sorted keys, so it changes exactly when the values do. ConfigMaps and Secrets are
 * read from the shared informer caches ({@link WatchedSources}), so a reconcile with nothing to do
 * sends no GET for them.
 */
public final class LoadValues implements ReleaseStep {
  private static final ObjectMapper CANONICAL_JSON =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final WatchedSources sources;

  public LoadValues(WatchedSources sources) {
    this.sources = sources;
  }

  @Override
  public void run(ReleaseRequest request) {
    Map<String, Object> merged = new LinkedHashMap<>();
    for (ValuesReference reference : request.spec().getValuesFrom()) {
      Optional<String> text = read(request.namespace(), reference);
      if (text.isEmpty()) {
        continue;
      }
      merged = Values.mergeMaps(merged, parse(reference, text.get()));
    }
    if (request.spec().getValues() != null && !request.spec().getValues().isNull()) {
      merged = Values.mergeMaps(merged, document("spec.values", request.spec().getValues().toString()));
    }
    request.setValues(new ReleaseRequest.MergedValues(merged, checksum(merged)));
  }

  private Optional<String> read(String namespace, ValuesReference reference) {
    String key = reference.getValuesKey();
    String where = reference.getKind() + " " + namespace + "/" + reference.getName();
    Optional<String> text;
    if (reference.getKind() == ValuesSourceKind.Secret) {
      text = sources.secret(namespace, reference.getName()).map(Secret::getData).map(d -> d.get(key))
          .map(b64 -> new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
    } else {
      text = sources.configMap(namespace, reference.getName()).map(ConfigMap::getData).map(d -> d.get(key));
    }
    if (text.isEmpty() && !Boolean.TRUE.equals(reference.getOptional())) {
      // It may be created after the release: retried with backoff, not stalled.
      throw ReconcileFailure.transientFailure(Reason.ValuesInvalid,
          where + " has no key " + key + " (and the reference is not optional)", null);
    }
    return text;
  }

  private static Map<String, Object> parse(ValuesReference reference, String text) {
    String targetPath = reference.getTargetPath();
    String where = reference.getKind() + " " + reference.getName() + " key " + reference.getValuesKey();
    if (targetPath == null || targetPath.isEmpty()) {
      return document(where, text);
    }
    Map<String, Object> placed = new LinkedHashMap<>();
    try {
      StrVals.parseInto(targetPath + "=" + text, placed);
    } catch (StrVals.StrValsException e) {
      throw ReconcileFailure.terminal(Reason.ValuesInvalid, where + ": " + e.getMessage(), e);
    }
    return placed;
  }

  private static Map<String, Object> document(String where, String text) {
    try {
      return GoYamlReader.readMap(text);
    } catch (CodecException e) {
      throw ReconcileFailure.terminal(Reason.ValuesInvalid, where + ": " + e.getMessage(), e);
    }
  }

  static String checksum(Map<String, Object> values) {
    try {
      byte[] canonical = CANONICAL_JSON.writeValueAsBytes(values);
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("values are plain maps, lists and scalars", e);
    }
  }
}
