package io.ocihelm.oci.cosign;

/**
 * The chart is not signed by any trusted key: no signature, a signature by another key, a signed
 * payload naming another digest, or unusable public keys. The same inputs always fail the same
 * way, so it is never retried on its own. Messages never carry key material.
 */
public final class SignatureVerificationException extends RuntimeException {
  public SignatureVerificationException(String message) {
    super(message);
  }

  public SignatureVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
