package io.ocihelm.render;

/** {@code .Release}: what is being installed, and where. */
public record ReleaseInfo(String name, String namespace, long revision, boolean isInstall, boolean isUpgrade) {
  /** A first install, as {@code helm template} renders it. */
  public static ReleaseInfo install(String name, String namespace) {
    return new ReleaseInfo(name, namespace, 1, true, false);
  }
}
