package io.ocihelm.reconciler.step;

import io.ocihelm.oci.OciReference;
import io.ocihelm.reconciler.LeastRecentlyUsed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One registry resolution (tag list for a constraint, HEAD of the manifest) shared by every release
 * that points at the same repository and version/constraint with the same credentials, for one
 * interval (DESIGN.md §2a): a thousand releases of one chart cost one HEAD per interval, not a
 * thousand. Releases resolving the same key at the same moment wait for the one resolution in
 * flight instead of sending their own. No threads: the first caller resolves, the others join.
 *
 * <p>A result is fresh for the interval of the release asking (measured from when its resolution
 * started), so a release polls the registry at least once per its own interval. Failures are not
 * kept: the next reconcile asks the registry again. At most {@link #DEFAULT_CAPACITY} keys are
 * kept, the least recently used dropped first.
 */
public final class SharedResolutions {
  public static final int DEFAULT_CAPACITY = 1024;

  /** What is shared: the same repository, version or constraint, and connection (credentials). */
  public record Key(String repository, String version, String connection) {}

  /** The tag the version/constraint chose and the manifest digest behind it. */
  public record Resolution(OciReference reference, String version, String digest) {}

  private record Pending(CompletableFuture<Resolution> result, Instant started) {}

  private final Clock clock;
  private final Map<Key, Pending> entries;
  private final AtomicLong resolutions = new AtomicLong();

  public SharedResolutions(Clock clock) {
    this(clock, DEFAULT_CAPACITY);
  }

  public SharedResolutions(Clock clock, int capacity) {
    this.clock = clock;
    this.entries = LeastRecentlyUsed.map(capacity);
  }

  /**
   * The resolution of {@code key}: a result started less than {@code freshFor} ago (or still in
   * flight) is shared; otherwise, or when {@code refresh} (an explicit reconcile request), the
   * caller runs {@code resolver} itself and shares its result.
   */
  public Resolution resolve(Key key, Duration freshFor, boolean refresh, Supplier<Resolution> resolver) {
    Pending mine = null;
    Pending shared;
    synchronized (entries) {
      Instant now = clock.instant();
      Pending known = entries.get(key);
      boolean usable = known != null && !refresh
          && (!known.result().isDone() || now.isBefore(known.started().plus(freshFor)));
      if (usable) {
        shared = known;
      } else {
        mine = new Pending(new CompletableFuture<>(), now);
        entries.put(key, mine);
        shared = mine;
      }
    }
    if (mine != null) {
      resolutions.incrementAndGet();
      try {
        mine.result().complete(resolver.get());
      } catch (RuntimeException e) {
        synchronized (entries) {
          entries.remove(key, mine);
        }
        mine.result().completeExceptionally(e);
        throw e;
      }
    }
    try {
      return shared.result().join();
    } catch (CompletionException e) {
      // Joined another release's resolution that failed: the same failure, in this release's reconcile.
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** Resolutions run so far (each is one registry round: HEAD, plus a tag list for a constraint). */
  public long resolutions() {
    return resolutions.get();
  }

  /** Keys currently kept. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
