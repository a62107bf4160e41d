package io.ocihelm.oci;

import java.util.Map;
import java.util.Optional;

/**
 * A Helm chart's OCI manifest, already checked to be one.
 *
 * @param digest digest of the manifest bytes (what {@code helm push} / {@code helm pull} print)
 * @param provenance the {@code .prov} layer, when the chart was pushed signed
 */
public record ChartManifest(
    String digest,
    Descriptor config,
    Descriptor chart,
    Optional<Descriptor> provenance,
    Map<String, String> annotations,
    byte[] raw) {}
