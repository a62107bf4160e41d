package io.ocihelm.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Teardown is what keeps a failed run from leaving etcd or an apiserver behind. */
class ManagedProcessIT {

  @Test
  void processThatDiesBeforeReadyFailsAtOnceWithItsLog(@TempDir Path dir) {
    ManagedProcess process =
        ManagedProcess.start("doomed", List.of("sh", "-c", "echo boom; exit 3"), dir.resolve("doomed.log"), Map.of());
    long start = System.nanoTime();

    assertThatThrownBy(() -> process.awaitReady(Duration.ofMinutes(1), () -> false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("boom");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void closeEndsTheWholeProcessTree(@TempDir Path dir) {
    ManagedProcess process =
        ManagedProcess.start("tree", List.of("sh", "-c", "sleep 300 & sleep 300 & wait"), dir.resolve("tree.log"), Map.of());
    ProcessHandle shell = ProcessHandle.of(process.pid()).orElseThrow();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> shell.descendants().count() == 2);
    List<ProcessHandle> tree = shell.descendants().toList();

    process.close();

    assertThat(shell.isAlive()).isFalse();
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }
}
