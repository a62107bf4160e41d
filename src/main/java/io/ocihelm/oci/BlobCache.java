package io.ocihelm.oci;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Content-addressed cache of verified blobs (charts, configs, manifests): an LRU in memory over an
 * optional directory ({@code blobs/sha256/<hex>}, the OCI image layout). Content is addressed by
 * its digest and re-verified when read from disk, so a corrupted file is refetched, never served.
 * Concurrent requests for one digest share a single load.
 */
public final class BlobCache {
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

  private final Path directory;
  private final long memoryLimitBytes;
  private final Map<String, byte[]> memory = new LinkedHashMap<>(16, 0.75f, true);
  private long memoryBytes;
  private final Map<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();

  /**
   * @param directory where blobs persist across restarts; null for memory only
   * @param memoryLimitBytes how much content to keep in memory
   */
  public BlobCache(Path directory, long memoryLimitBytes) {
    this.directory = directory;
    this.memoryLimitBytes = memoryLimitBytes;
  }

  public static BlobCache inMemory(long memoryLimitBytes) {
    return new BlobCache(null, memoryLimitBytes);
  }

  /** Cached content for the digest, from memory or disk, without loading anything. */
  public Optional<byte[]> find(String digest) {
    requireDigest(digest);
    synchronized (memory) {
      byte[] hit = memory.get(digest);
      if (hit != null) {
        return Optional.of(hit);
      }
    }
    byte[] fromDisk = readDisk(digest);
    if (fromDisk != null) {
      remember(digest, fromDisk);
    }
    return Optional.ofNullable(fromDisk);
  }

  /**
   * Content for the digest; when absent, runs {@code loader} once for all concurrent callers and
   * stores what it returns, after checking it against the digest.
   */
  public byte[] get(String digest, Supplier<byte[]> loader) {
    Optional<byte[]> hit = find(digest);
    if (hit.isPresent()) {
      return hit.get();
    }
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> shared = inFlight.putIfAbsent(digest, mine);
    if (shared != null) {
      try {
        return shared.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw e;
      }
    }
    try {
      byte[] content = find(digest).orElseGet(() -> {
        byte[] loaded = loader.get();
        if (!ContentDigest.sha256(loaded).equals(digest)) {
          throw new DigestMismatchException("loaded content does not match " + digest);
        }
        writeDisk(digest, loaded);
        remember(digest, loaded);
        return loaded;
      });
      mine.complete(content);
      return content;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(digest, mine);
    }
  }

  private void remember(String digest, byte[] content) {
    if (content.length > memoryLimitBytes) {
      return;
    }
    synchronized (memory) {
      if (memory.put(digest, content) == null) {
        memoryBytes += content.length;
      }
      var it = memory.entrySet().iterator();
      while (memoryBytes > memoryLimitBytes && it.hasNext()) {
        memoryBytes -= it.next().getValue().length;
        it.remove();
      }
    }
  }

  private Path file(String digest) {
    return directory.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
  }

  private byte[] readDisk(String digest) {
    if (directory == null) {
      return null;
    }
    Path f = file(digest);
    try {
      byte[] content = Files.readAllBytes(f);
      if (ContentDigest.sha256(content).equals(digest)) {
        return content;
      }
      Files.deleteIfExists(f); // corrupted on disk: drop it and load again
      return null;
    } catch (java.nio.file.NoSuchFileException absent) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cached blob " + f, e);
    }
  }

  private void writeDisk(String digest, byte[] content) {
    if (directory == null) {
      return;
    }
    Path f = file(digest);
    try {
      Files.createDirectories(f.getParent());
      Path tmp = Files.createTempFile(f.getParent(), ".incoming-", ".tmp");
      try {
        Files.write(tmp, content);
        try {
          Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write cached blob " + f, e);
    }
  }

  private static void requireDigest(String digest) {
    if (!DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("not a sha256 digest: " + digest);
    }
  }
}
