package io.ocihelm.reconciler.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The next look at an unhealthy release: soon at first, backing off, never past the deadline. */
class AssessHealthTest {

  static Stream<Arguments> delays() {
    return Stream.of(
        Arguments.of("just applied", "0s", "5m", "2s"),
        Arguments.of("a quarter of the time waited", "20s", "5m", "5s"),
        Arguments.of("at most 15s", "4m", "10m", "15s"),
        Arguments.of("not past the deadline", "4m55s", "5m", "5s"),
        Arguments.of("a short timeout", "1s", "2s", "1s"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("delays")
  void rechecksAfter(String name, String waited, String timeout, String expected) {
    assertThat(AssessHealth.recheckAfter(parse(waited), parse(timeout))).isEqualTo(parse(expected));
  }

  private static Duration parse(String text) {
    return io.ocihelm.reconciler.GoDuration.parse(text);
  }
}
