package io.ocihelm.release;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A release revision's status, spelled on the wire as Helm spells it (`pending-upgrade`, …). */
public enum ReleaseStatus {
  /** Helm's zero value: a record written by something that did not set a status. */
  UNKNOWN("unknown"),
  /** The revision currently in the cluster. */
  DEPLOYED("deployed"),
  /** Uninstalled with history kept ({@code helm uninstall --keep-history}). */
  UNINSTALLED("uninstalled"),
  /** A revision that was deployed and has been replaced by a newer one. */
  SUPERSEDED("superseded"),
  /** The install or upgrade of this revision failed. */
  FAILED("failed"),
  /** An uninstall is in progress. */
  UNINSTALLING("uninstalling"),
  /** An install is in progress (helm refuses other operations meanwhile). */
  PENDING_INSTALL("pending-install"),
  /** An upgrade is in progress. */
  PENDING_UPGRADE("pending-upgrade"),
  /** A rollback is in progress. */
  PENDING_ROLLBACK("pending-rollback");

  private final String wire;

  ReleaseStatus(String wire) {
    this.wire = wire;
  }

  /** The name Helm uses in the release JSON and in the Secret's {@code status} label. */
  @JsonValue
  public String wire() {
    return wire;
  }

  /** Parses Helm's spelling; an unknown or empty status is {@link #UNKNOWN}, as in Helm. */
  @JsonCreator
  public static ReleaseStatus fromWire(String wire) {
    for (ReleaseStatus status : values()) {
      if (status.wire.equals(wire)) {
        return status;
      }
    }
    return UNKNOWN;
  }

  /** Whether a helm CLI operation on this release would be refused as "in progress". */
  public boolean isPending() {
    return this == PENDING_INSTALL || this == PENDING_UPGRADE || this == PENDING_ROLLBACK;
  }
}
