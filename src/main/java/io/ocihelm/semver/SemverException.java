package io.ocihelm.semver;

/** A version or a constraint that does not parse; the message is the one Masterminds/semver gives. */
public final class SemverException extends IllegalArgumentException {
  public SemverException(String message) {
    super(message);
  }
}
