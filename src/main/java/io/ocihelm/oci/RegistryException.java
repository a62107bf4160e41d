package io.ocihelm.oci;

/**
 * Base of the registry client's typed failures. Each subclass maps to one status reason
 * (DESIGN.md §2) and says whether retrying later can help.
 */
public abstract sealed class RegistryException extends RuntimeException
    permits ChartNotFoundException,
        AuthenticationFailedException,
        RegistryUnavailableException,
        DigestMismatchException,
        UnsupportedArtifactException,
        InvalidReferenceException {

  protected RegistryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when the same request may succeed later without any change by the user. */
  public abstract boolean isTransient();
}
