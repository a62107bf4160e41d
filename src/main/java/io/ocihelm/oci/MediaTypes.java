package io.ocihelm.oci;

/** Media types of OCI manifests and of the parts of a Helm chart artifact. */
public final class MediaTypes {
  private MediaTypes() {}

  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

  public static final String HELM_CONFIG = "application/vnd.cncf.helm.config.v1+json";
  public static final String HELM_CHART = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
  /** Chart layer type written by Helm 3.0–3.6 era tools (and still accepted by Helm). */
  public static final String HELM_CHART_LEGACY = "application/tar+gzip";
  public static final String HELM_PROVENANCE = "application/vnd.cncf.helm.chart.provenance.v1.prov";

  /**
   * What we accept for a manifest. Indexes are listed so the registry answers with them rather
   * than a 404, and we can say clearly that an index is not a chart.
   */
  static final String MANIFEST_ACCEPT =
      String.join(", ", OCI_MANIFEST, DOCKER_MANIFEST, OCI_INDEX, DOCKER_MANIFEST_LIST);
}
