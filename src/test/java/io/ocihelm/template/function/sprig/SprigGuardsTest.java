package io.ocihelm.template.function.sprig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What Sprig cannot tell us from the oracle: hostile sizes fail cleanly, randomness is injectable. */
class SprigGuardsTest {
  record Call(String name, String function, Object[] args) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Call> hostileCalls() {
    return Stream.of(
        new Call("until a billion", "until", new Object[] {1_000_000_000L}),
        new Call("untilStep to MaxInt64", "untilStep", new Object[] {0L, Long.MAX_VALUE, 1L}),
        new Call("seq a billion", "seq", new Object[] {1_000_000_000L}),
        new Call("repeat a billion", "repeat", new Object[] {1_000_000_000L, "ab"}),
        new Call("indent a billion", "indent", new Object[] {1_000_000_000L, "x"}),
        new Call("randAlpha a billion", "randAlpha", new Object[] {1_000_000_000L}));
  }

  private static FunctionRegistry registry(RandomGenerator random) {
    FunctionRegistry registry = new FunctionRegistry();
    StringFunctions.register(registry);
    MathFunctions.register(registry);
    RandomFunctions.register(registry, random);
    return registry;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileCalls")
  void hugeResultsFailWithAClearError(Call call) {
    var function = registry(RandomGenerator.of("L64X128MixRandom")).lookup(call.function()).orElseThrow();
    assertThatThrownBy(() -> function.body().call(null, call.args()))
        .isInstanceOf(FunctionException.class)
        .hasMessageContaining("exceeds the render limit");
  }

  @Test
  void aFixedRandomSourceRendersTheSameBytesTwice() {
    List<String> first = draws(registry(RandomGenerator.of("L64X128MixRandom")));
    assertThat(first.get(0)).matches("[A-Za-z0-9]{12}");
    assertThat(first.get(1)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(draws(registry(new java.util.Random(7)))).isEqualTo(draws(registry(new java.util.Random(7))));
  }

  private static List<String> draws(FunctionRegistry registry) {
    return List.of(
        (String) registry.lookup("randAlphaNum").orElseThrow().body().call(null, new Object[] {12L}),
        (String) registry.lookup("uuidv4").orElseThrow().body().call(null, new Object[] {}),
        (String) registry.lookup("shuffle").orElseThrow().body().call(null, new Object[] {"abcdef"}));
  }
}
