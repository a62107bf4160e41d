package io.ocihelm.release;

/**
 * A release record that cannot be read or written: a Secret whose {@code release} data is not
 * base64, gzip or Helm's release JSON, or a record that cannot be serialized. Terminal for the
 * record concerned: retrying reads the same bytes.
 */
public class ReleaseRecordException extends RuntimeException {

  public ReleaseRecordException(String message) {
    super(message);
  }

  public ReleaseRecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
