package io.ocihelm.release;

/**
 * Someone else changed the release's records while we wrote them (a concurrent {@code helm
 * upgrade}, another writer of the same revision, a stale resourceVersion). Transient: read the
 * history again and retry.
 */
public class ReleaseConflictException extends RuntimeException {

  public ReleaseConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
