package io.ocihelm.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.oci.OciReference;
import io.ocihelm.oci.RegistryUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One registry resolution per key and interval, shared; failures never kept; the cache bounded. */
class SharedResolutionsTest {
  private static final Duration INTERVAL = Duration.ofMinutes(10);
  private static final SharedResolutions.Key DEMO =
      new SharedResolutions.Key("oci://127.0.0.1:5000/charts/demo", "0.1.x", "https|/@");

  private final MutableClock clock = new MutableClock();
  private final AtomicInteger registryRounds = new AtomicInteger();

  private SharedResolutions.Resolution fromRegistry() {
    int round = registryRounds.incrementAndGet();
    return new SharedResolutions.Resolution(
        OciReference.parse("oci://127.0.0.1:5000/charts/demo:0.1.0"), "0.1.0", "sha256:" + round);
  }

  @Test
  void releasesOnTheSameKeyShareOneResolutionWithinTheInterval() {
    var shared = new SharedResolutions(clock);

    var first = shared.resolve(DEMO, INTERVAL, false, this::fromRegistry);
    clock.advance(INTERVAL.minusSeconds(1));
    var second = shared.resolve(DEMO, INTERVAL, false, this::fromRegistry);

    assertThat(second).isEqualTo(first);
    assertThat(registryRounds).hasValue(1);
    assertThat(shared.resolutions()).isEqualTo(1);
  }

  @Test
  void anIntervalLaterTheRegistryIsAskedAgain() {
    var shared = new SharedResolutions(clock);
    shared.resolve(DEMO, INTERVAL, false, this::fromRegistry);

    clock.advance(INTERVAL);
    var later = shared.resolve(DEMO, INTERVAL, false, this::fromRegistry);

    assertThat(later.digest()).isEqualTo("sha256:2");
  }

  @Test
  void aShorterIntervalOfTheAskingReleaseWins() {
    var shared = new SharedResolutions(clock);
    shared.resolve(DEMO, INTERVAL, false, this::fromRegistry);
    clock.advance(Duration.ofMinutes(1));

    assertThat(shared.resolve(DEMO, Duration.ofSeconds(30), false, this::fromRegistry).digest()).isEqualTo("sha256:2");
  }

  @Test
  void anExplicitReconcileRequestAsksTheRegistryAgain() {
    var shared = new SharedResolutions(clock);
    shared.resolve(DEMO, INTERVAL, false, this::fromRegistry);

    assertThat(shared.resolve(DEMO, INTERVAL, true, this::fromRegistry).digest()).isEqualTo("sha256:2");
    assertThat(shared.resolve(DEMO, INTERVAL, false, this::fromRegistry).digest()).isEqualTo("sha256:2");
  }

  @Test
  void otherConstraintsOrCredentialsAreOtherKeys() {
    var shared = new SharedResolutions(clock);
    shared.resolve(DEMO, INTERVAL, false, this::fromRegistry);
    shared.resolve(new SharedResolutions.Key(DEMO.repository(), "0.2.x", DEMO.connection()), INTERVAL, false,
        this::fromRegistry);
    shared.resolve(new SharedResolutions.Key(DEMO.repository(), DEMO.version(), "https|team-a/pull@7"), INTERVAL,
        false, this::fromRegistry);

    assertThat(registryRounds).hasValue(3);
  }

  @Test
  void aFailureIsNotKept() {
    var shared = new SharedResolutions(clock);
    assertThatThrownBy(() -> shared.resolve(DEMO, INTERVAL, false, () -> {
      throw new RegistryUnavailableException("connection refused", null);
    })).isInstanceOf(RegistryUnavailableException.class);

    assertThat(shared.resolve(DEMO, INTERVAL, false, this::fromRegistry).digest()).isEqualTo("sha256:1");
  }

  @Test
  void theLeastRecentlyUsedKeyIsDroppedBeyondCapacity() {
    var shared = new SharedResolutions(clock, 2);
    var other = new SharedResolutions.Key(DEMO.repository(), "0.2.x", DEMO.connection());
    var third = new SharedResolutions.Key(DEMO.repository(), "0.3.x", DEMO.connection());
    shared.resolve(DEMO, INTERVAL, false, this::fromRegistry);
    shared.resolve(other, INTERVAL, false, this::fromRegistry);
    shared.resolve(DEMO, INTERVAL, false, this::fromRegistry);
    shared.resolve(third, INTERVAL, false, this::fromRegistry);

    assertThat(shared.size()).isEqualTo(2);
    shared.resolve(DEMO, INTERVAL, false, this::fromRegistry);
    assertThat(registryRounds).hasValue(3);
    shared.resolve(other, INTERVAL, false, this::fromRegistry);
    assertThat(registryRounds).hasValue(4);
  }

  @Test
  void aReleaseAskingWhileAResolutionIsInFlightWaitsForIt() throws Exception {
    var shared = new SharedResolutions(clock);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<SharedResolutions.Resolution> first = CompletableFuture.supplyAsync(
        () -> shared.resolve(DEMO, INTERVAL, false, () -> {
          started.countDown();
          await(release);
          return fromRegistry();
        }));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<SharedResolutions.Resolution> second = CompletableFuture.supplyAsync(
        () -> shared.resolve(DEMO, INTERVAL, false, this::fromRegistry));
    release.countDown();

    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
    assertThat(registryRounds).hasValue(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
