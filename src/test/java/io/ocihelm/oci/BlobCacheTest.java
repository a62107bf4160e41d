package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobCacheTest {
  private static final byte[] CONTENT = "chart bytes".getBytes(StandardCharsets.UTF_8);
  private static final String DIGEST = ContentDigest.sha256(CONTENT);

  @Test
  void concurrentRequestsForOneDigestShareOneLoad() throws Exception {
    BlobCache cache = BlobCache.inMemory(1 << 20);
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> cache.get(DIGEST, () -> {
          loads.incrementAndGet();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return CONTENT;
        })));
      }
      org.awaitility.Awaitility.await().until(() -> loads.get() >= 1);
      release.countDown();
      for (Future<byte[]> r : results) {
        assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(CONTENT);
      }
      assertThat(loads.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void contentThatDoesNotMatchItsDigestIsNeverStored() {
    BlobCache cache = BlobCache.inMemory(1 << 20);
    assertThatThrownBy(() -> cache.get(DIGEST, () -> "tampered".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DigestMismatchException.class);
    assertThat(cache.find(DIGEST)).isEmpty();
  }

  @Test
  void diskCacheSurvivesANewInstanceAndDropsCorruptFiles(@TempDir Path dir) throws Exception {
    new BlobCache(dir, 1 << 20).get(DIGEST, () -> CONTENT);
    Path file = dir.resolve("blobs/sha256/" + DIGEST.substring(7));
    assertThat(file).hasBinaryContent(CONTENT);
    assertThat(new BlobCache(dir, 1 << 20).find(DIGEST)).contains(CONTENT);

    Files.writeString(file, "bit rot");
    BlobCache fresh = new BlobCache(dir, 1 << 20);
    assertThat(fresh.find(DIGEST)).isEmpty();
    assertThat(file).doesNotExist();
  }

  @Test
  void memoryIsBoundedLeastRecentlyUsedFirst() {
    byte[] a = new byte[600];
    byte[] b = new byte[600];
    b[0] = 1;
    BlobCache cache = BlobCache.inMemory(1000);
    cache.get(ContentDigest.sha256(a), () -> a);
    cache.get(ContentDigest.sha256(b), () -> b);
    assertThat(cache.find(ContentDigest.sha256(a))).isEmpty();
    assertThat(cache.find(ContentDigest.sha256(b))).isPresent();
  }
}
