package io.ocihelm.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values checksum changes exactly when the values do, never with key order. */
class LoadValuesTest {

  @Test
  void checksumIgnoresKeyOrderAndSeesEveryValue() {
    Map<String, Object> ab = new LinkedHashMap<>();
    ab.put("a", 1.0);
    ab.put("b", Map.of("x", List.of("y")));
    Map<String, Object> ba = new LinkedHashMap<>();
    ba.put("b", Map.of("x", List.of("y")));
    ba.put("a", 1.0);
    Map<String, Object> changed = new LinkedHashMap<>(ab);
    changed.put("a", 2.0);

    assertThat(LoadValues.checksum(ab)).isEqualTo(LoadValues.checksum(ba)).matches("sha256:[0-9a-f]{64}");
    assertThat(LoadValues.checksum(changed)).isNotEqualTo(LoadValues.checksum(ab));
  }
}
