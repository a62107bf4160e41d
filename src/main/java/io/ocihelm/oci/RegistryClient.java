package io.ocihelm.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocihelm.semver.SemverException;
import io.ocihelm.semver.Version;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client of the OCI distribution API for Helm charts: list tags, resolve a version or constraint
 * like {@code helm pull --version}, HEAD/GET manifests, download verified blobs. Thread-safe; one
 * instance serves any number of registries.
 */
public final class RegistryClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final int MAX_TAG_PAGES = 1000;

  private final RegistryOptions options;
  private final RegistryTransport transport;

  public RegistryClient(RegistryOptions options) {
    this(options, Clock.systemUTC());
  }

  RegistryClient(RegistryOptions options, Clock clock) {
    this.options = options;
    this.transport = new RegistryTransport(options, clock);
  }

  /** HTTP requests sent so far (token requests and retries included); for measurements. */
  public long requestCount() {
    return transport.requestCount();
  }

  /** Every tag of the repository, following {@code Link: <…>; rel="next"} pagination. */
  public List<String> listTags(OciReference ref) {
    List<String> tags = new ArrayList<>();
    URI next = transport.apiUri(ref, ref.repository() + "/tags/list");
    for (int page = 0; next != null; page++) {
      if (page == MAX_TAG_PAGES) {
        throw new RegistryUnavailableException(ref.repositoryUrl() + ": tag list has more than " + MAX_TAG_PAGES + " pages", null);
      }
      RegistryTransport.Result<JsonNode> r = transport.execute(
          call("GET", ref, next, Map.of("Accept", "application/json")),
          (body, headers) -> JSON.readTree(body.readNBytes((int) options.maxManifestBytes())));
      if (r.status() == 404) {
        throw new ChartNotFoundException(ref.repositoryUrl() + ": repository not found");
      }
      requireOk(r, ref, "tag list");
      JsonNode list = r.body().get("tags");
      if (list != null && list.isArray()) {
        list.forEach(t -> tags.add(t.asText()));
      }
      next = nextPage(next, r.headers());
    }
    return tags;
  }

  private static URI nextPage(URI current, HttpHeaders headers) {
    for (String link : headers.allValues("Link")) {
      Matcher m = NEXT_LINK.matcher(link);
      if (m.find()) {
        return current.resolve(m.group(1));
      }
    }
    return null;
  }

  /**
   * Decides which tag (or digest) to fetch, as {@code helm pull ref --version requested} would.
   *
   * @param requested exact version, Masterminds constraint, or null/empty for the highest stable
   */
  public ResolvedReference resolve(OciReference ref, String requested) {
    String version = requested == null ? "" : requested.strip();
    if (ref.tag() != null) {
      if (!version.isEmpty() && !version.equals(ref.tag())) {
        throw new InvalidReferenceException(
            "chart reference and version mismatch: " + version + " is not " + ref.tag());
      }
      return new ResolvedReference(ref, ref.tag(), 0);
    }
    if (ref.digest() != null && version.isEmpty()) {
      return new ResolvedReference(ref, null, 0);
    }
    if (!version.isEmpty() && isVersion(version)) {
      // Helm compat: anything NewVersion accepts ("1.2", "v1.0.0") is used verbatim as the tag, no listing.
      return new ResolvedReference(ref.withTag(version), version, 0);
    }
    List<String> tags = listTags(ref);
    List<Version> versions = VersionSelector.chartVersions(tags);
    if (versions.isEmpty()) {
      throw new ChartNotFoundException("unable to locate any tags in provided repository: " + ref.repositoryUrl());
    }
    String chosen = VersionSelector.select(versions, version)
        .orElseThrow(() -> new ChartNotFoundException(
            "could not locate a version matching provided version string " + version + " in " + ref.repositoryUrl()));
    return new ResolvedReference(ref.withTag(chosen), chosen, tags.size());
  }

  private static boolean isVersion(String text) {
    try {
      Version.parse(text);
      return true;
    } catch (SemverException e) {
      return false;
    }
  }

  /**
   * HEAD of the manifest: the cheap "did it change?" check. Falls back to GET when the registry
   * does not send {@code Docker-Content-Digest}.
   */
  public Descriptor headManifest(OciReference ref) {
    RegistryTransport.Result<Void> r = transport.execute(
        call("HEAD", ref, manifestUri(ref), Map.of("Accept", MediaTypes.MANIFEST_ACCEPT)),
        (body, headers) -> null);
    if (r.status() == 404) {
      throw notFound(ref);
    }
    requireOk(r, ref, "manifest");
    Optional<String> digest = r.headers().firstValue("Docker-Content-Digest");
    if (digest.isEmpty()) {
      ChartManifest m = fetchManifest(ref);
      return new Descriptor(MediaTypes.OCI_MANIFEST, m.digest(), m.raw().length);
    }
    return new Descriptor(
        r.headers().firstValue("Content-Type").orElse(""),
        digest.get(),
        r.headers().firstValueAsLong("Content-Length").orElse(-1));
  }

  /** GET and check the manifest; fails clearly when the reference is not a Helm chart. */
  public ChartManifest fetchManifest(OciReference ref) {
    RegistryTransport.Result<byte[]> r = getManifest(ref);
    if (r.status() == 404) {
      throw notFound(ref);
    }
    requireOk(r, ref, "manifest");
    byte[] raw = r.body();
    return parseManifest(ref, raw, ContentDigest.sha256(raw), r.headers().firstValue("Content-Type").orElse(""));
  }

  /**
   * The raw bytes of any artifact's manifest (a cosign signature, for one), checked against the
   * digest the registry names but not parsed; empty when the registry has no such tag or digest.
   */
  public Optional<byte[]> fetchArtifactManifest(OciReference ref) {
    RegistryTransport.Result<byte[]> r = getManifest(ref);
    if (r.status() == 404) {
      return Optional.empty();
    }
    requireOk(r, ref, "manifest");
    return Optional.of(r.body());
  }

  private RegistryTransport.Result<byte[]> getManifest(OciReference ref) {
    String expectedDigest = ref.digest();
    return transport.execute(
        call("GET", ref, manifestUri(ref), Map.of("Accept", MediaTypes.MANIFEST_ACCEPT)),
        (body, headers) -> {
          String named = expectedDigest != null ? expectedDigest : headers.firstValue("Docker-Content-Digest").orElse(null);
          if (named == null || !named.startsWith("sha256:")) {
            byte[] raw = body.readNBytes((int) options.maxManifestBytes() + 1);
            if (raw.length > options.maxManifestBytes()) {
              throw new UnsupportedArtifactException(ref + ": manifest over " + options.maxManifestBytes() + " bytes");
            }
            return raw;
          }
          long size = headers.firstValueAsLong("Content-Length").orElse(-1);
          return ContentDigest.readVerified(body, named, size, options.maxManifestBytes(), ref + " manifest");
        });
  }

  /** Parses manifest bytes already verified against {@code digest}. */
  public static ChartManifest parseManifest(OciReference ref, byte[] raw, String digest, String contentType) {
    JsonNode root;
    try {
      root = JSON.readTree(raw);
    } catch (IOException e) {
      throw new UnsupportedArtifactException(ref + ": manifest is not JSON");
    }
    String mediaType = root.path("mediaType").asText(contentType);
    if (mediaType.equals(MediaTypes.OCI_INDEX) || mediaType.equals(MediaTypes.DOCKER_MANIFEST_LIST)
        || root.has("manifests")) {
      throw new UnsupportedArtifactException(ref + " is an image index (" + mediaType
          + "), not a Helm chart; Helm charts are single OCI image manifests");
    }
    Descriptor config = descriptor(root.path("config"));
    if (config == null || !config.mediaType().equals(MediaTypes.HELM_CONFIG)) {
      throw new UnsupportedArtifactException(ref + " is not a Helm chart: config media type is "
          + (config == null ? "missing" : config.mediaType()) + ", expected " + MediaTypes.HELM_CONFIG);
    }
    Descriptor chart = null;
    Descriptor provenance = null;
    for (JsonNode layer : root.path("layers")) {
      Descriptor d = descriptor(layer);
      if (d == null) {
        continue;
      }
      switch (d.mediaType()) {
        case MediaTypes.HELM_CHART, MediaTypes.HELM_CHART_LEGACY -> {
          if (chart != null) {
            throw new UnsupportedArtifactException(ref + ": manifest has more than one chart layer");
          }
          chart = d;
        }
        case MediaTypes.HELM_PROVENANCE -> provenance = d;
        default -> { /* Helm ignores unknown layers too */ }
      }
    }
    if (chart == null) {
      throw new UnsupportedArtifactException(ref + ": manifest has no chart layer (" + MediaTypes.HELM_CHART + ")");
    }
    Map<String, String> annotations = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("annotations").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      annotations.put(e.getKey(), e.getValue().asText());
    }
    return new ChartManifest(digest, config, chart, Optional.ofNullable(provenance), Map.copyOf(annotations), raw);
  }

  private static Descriptor descriptor(JsonNode node) {
    if (!node.isObject() || !node.has("digest") || !node.has("mediaType")) {
      return null;
    }
    return new Descriptor(node.get("mediaType").asText(), node.get("digest").asText(), node.path("size").asLong(-1));
  }

  /** Downloads a blob, following redirects; returns only bytes matching the descriptor's digest and size. */
  public byte[] fetchBlob(OciReference ref, Descriptor blob) {
    if (blob.size() > options.maxBlobBytes()) {
      throw new UnsupportedArtifactException(ref + ": blob " + blob.digest() + " is " + blob.size()
          + " bytes, over the limit of " + options.maxBlobBytes());
    }
    URI uri = transport.apiUri(ref, ref.repository() + "/blobs/" + blob.digest());
    RegistryTransport.Result<byte[]> r = transport.execute(
        call("GET", ref, uri, Map.of()),
        (body, headers) -> ContentDigest.readVerified(body, blob.digest(), blob.size(), options.maxBlobBytes(),
            ref.repositoryUrl() + " blob " + blob.digest()));
    if (r.status() == 404) {
      throw new ChartNotFoundException(ref.repositoryUrl() + ": blob " + blob.digest() + " not found");
    }
    requireOk(r, ref, "blob");
    return r.body();
  }

  private URI manifestUri(OciReference ref) {
    String reference = ref.digest() != null ? ref.digest() : ref.registryTag();
    if (reference == null) {
      throw new InvalidReferenceException(ref + " names no tag or digest");
    }
    return transport.apiUri(ref, ref.repository() + "/manifests/" + reference);
  }

  private static RegistryTransport.Call call(String method, OciReference ref, URI uri, Map<String, String> headers) {
    return new RegistryTransport.Call(method, ref.registry(), ref.repository(), uri, headers);
  }

  private static ChartNotFoundException notFound(OciReference ref) {
    // Helm compat: helm (through oras) reports a missing tag or digest in these words.
    String target = ref.registry() + "/" + ref.repository()
        + (ref.digest() != null ? "@" + ref.digest() : ":" + ref.registryTag());
    return new ChartNotFoundException("failed to perform \"FetchReference\" on source: " + target + ": not found");
  }

  private static void requireOk(RegistryTransport.Result<?> r, OciReference ref, String what) {
    if (r.status() / 100 != 2) {
      throw new RegistryUnavailableException(
          ref + ": unexpected HTTP " + r.status() + " for " + what
              + (r.errorText() == null ? "" : ": " + r.errorText().strip()), null);
    }
  }

  @Override
  public void close() {
    transport.close();
  }
}
