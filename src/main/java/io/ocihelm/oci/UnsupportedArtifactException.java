package io.ocihelm.oci;

/** The reference names something that is not a Helm chart (an image index, a container image…). */
public final class UnsupportedArtifactException extends RegistryException {
  public UnsupportedArtifactException(String message) {
    super(message, null);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
