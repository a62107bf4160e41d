package io.ocihelm.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Resolve → manifest → config + chart blobs, through the {@link BlobCache}. A warm pull of an
 * exact version costs one HEAD; with a constraint, one tag list more.
 */
public final class ChartPuller {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RegistryClient client;
  private final BlobCache cache;

  public ChartPuller(RegistryClient client, BlobCache cache) {
    this.client = client;
    this.cache = cache;
  }

  /**
   * Pulls the chart {@code ref} at {@code version} (exact, constraint, or null for the highest
   * stable), the way {@code helm pull} chooses it.
   */
  public PulledChart pull(OciReference ref, String version) {
    ResolvedReference resolved = client.resolve(ref, version);
    return fetch(resolved.reference());
  }

  /** Fetches exactly {@code ref} (tag or digest) without version selection. */
  public PulledChart fetch(OciReference ref) {
    ChartManifest manifest = manifest(ref);
    byte[] configBytes = cache.get(manifest.config().digest(), () -> client.fetchBlob(ref, manifest.config()));
    byte[] archive = cache.get(manifest.chart().digest(), () -> client.fetchBlob(ref, manifest.chart()));
    Optional<byte[]> prov = manifest.provenance()
        .map(p -> cache.get(p.digest(), () -> client.fetchBlob(ref, p)));
    JsonNode config;
    try {
      config = JSON.readTree(configBytes);
    } catch (IOException e) {
      throw new UnsupportedArtifactException(ref + ": Helm config blob is not JSON");
    }
    if (ref.tag() != null && ref.digest() != null && !ref.tag().equals(config.path("version").asText())) {
      throw new ChartNotFoundException(ref + ": digest holds version " + config.path("version").asText()
          + ", not " + ref.tag());
    }
    return new PulledChart(ref.withDigest(manifest.digest()), manifest, config, archive, prov);
  }

  private ChartManifest manifest(OciReference ref) {
    String digest = ref.digest();
    if (digest == null) {
      // Cheap check first: an unchanged tag is served from the cache without a GET.
      digest = client.headManifest(ref).digest();
    }
    OciReference byDigest = ref.withDigest(digest);
    byte[] raw = cache.get(digest, () -> client.fetchManifest(byDigest).raw());
    return RegistryClient.parseManifest(byDigest, raw, digest, "");
  }
}
