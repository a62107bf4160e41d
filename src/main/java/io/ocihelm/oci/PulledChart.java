package io.ocihelm.oci;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A chart fetched and verified: the exact {@code .tgz} bytes the registry holds (what
 * {@code helm pull} writes), its manifest digest and its Helm config (Chart.yaml as JSON).
 */
public record PulledChart(
    OciReference reference,
    ChartManifest manifest,
    JsonNode config,
    byte[] archive,
    Optional<byte[]> provenance) {

  public String name() {
    return config.path("name").asText();
  }

  public String version() {
    return config.path("version").asText();
  }

  /** The manifest digest, which identifies this chart revision. */
  public String digest() {
    return manifest.digest();
  }

  /** File name {@code helm pull} writes: {@code <name>-<version>.tgz}. */
  public String archiveFileName() {
    return name() + "-" + version() + ".tgz";
  }
}
