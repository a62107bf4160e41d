package io.ocihelm.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** RegistryAccess's clients: one per slot and version, replaced on a new version, bounded. */
class ClientPoolTest {
  private final List<String> closed = new ArrayList<>();
  private final AtomicInteger created = new AtomicInteger();
  private final ClientPool<String, String> pool = new ClientPool<>(2, closed::add);

  private String create(String slot, String version) {
    return pool.get(slot, version, () -> slot + "@" + version + "#" + created.incrementAndGet());
  }

  @Test
  void theSameSlotAndVersionShareOneClient() {
    assertThat(create("team-a/pull", "1")).isEqualTo(create("team-a/pull", "1"));
    assertThat(created).hasValue(1);
    assertThat(closed).isEmpty();
  }

  @Test
  void aNewSecretVersionReplacesAndClosesTheOldClient() {
    String old = create("team-a/pull", "1");
    String renewed = create("team-a/pull", "2");

    assertThat(renewed).isNotEqualTo(old);
    assertThat(closed).containsExactly(old);
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void beyondCapacityTheLeastRecentlyUsedIsClosed() {
    String a = create("a", "1");
    create("b", "1");
    create("a", "1");
    create("c", "1");

    assertThat(pool.size()).isEqualTo(2);
    assertThat(closed).containsExactly("b@1#2");
    assertThat(create("a", "1")).isEqualTo(a);
  }

  @Test
  void closeAllClosesEveryClient() {
    create("a", "1");
    create("b", "1");
    pool.closeAll();

    assertThat(closed).containsExactlyInAnyOrder("a@1#1", "b@1#2");
    assertThat(pool.size()).isZero();
  }
}
