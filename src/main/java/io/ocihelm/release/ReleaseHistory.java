package io.ocihelm.release;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All stored revisions of one release in one namespace, oldest first, as {@link ReleaseStore#history}
 * read them. Whoever wrote them (helm 3, helm 4, us) does not matter: a release first installed by
 * the helm CLI continues here with the next revision number.
 *
 * @param namespace the release's namespace
 * @param name the release name
 * @param revisions the records, sorted by {@link ReleaseRecord#version()} ascending
 */
public record ReleaseHistory(String namespace, String name, List<ReleaseRecord> revisions) {

  public ReleaseHistory {
    revisions = revisions.stream().sorted(Comparator.comparingInt(ReleaseRecord::version)).toList();
  }

  /** Whether no revision exists: the next write is an install. */
  public boolean isEmpty() {
    return revisions.isEmpty();
  }

  /** The newest revision, whatever its status (what {@code helm status} shows). */
  public Optional<ReleaseRecord> latest() {
    return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.getLast());
  }

  /** The newest revision with status deployed: what is (supposed to be) in the cluster. */
  public Optional<ReleaseRecord> lastDeployed() {
    return revisions.reversed().stream().filter(r -> r.status() == ReleaseStatus.DEPLOYED).findFirst();
  }

  /** The revision with this number. */
  public Optional<ReleaseRecord> revision(int version) {
    return revisions.stream().filter(r -> r.version() == version).findFirst();
  }

  /** The number the next revision gets: one above the highest stored, 1 for a new release. */
  public int nextVersion() {
    return latest().map(r -> r.version() + 1).orElse(1);
  }

  /**
   * Whether a helm operation is in progress on this release (its newest revision is pending):
   * helm itself refuses to upgrade then ("another operation is in progress").
   */
  public boolean hasPendingOperation() {
    return latest().map(r -> r.status().isPending()).orElse(false);
  }
}
