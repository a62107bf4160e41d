package io.ocihelm.oci;

/** The registry refused our credentials (or demanded some we do not have): 401/403. */
public final class AuthenticationFailedException extends RegistryException {
  public AuthenticationFailedException(String message) {
    super(message, null);
  }

  @Override
  public boolean isTransient() {
    return false;
  }
}
