package io.ocihelm.template.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoStringBytesTest {
  record Case(String name, String hexBytes, String javaString) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("ascii", "6869", "hi"),
        new Case("two-byte rune", "c3a9", "é"),
        new Case("four-byte rune", "f09f9880", "😀"),
        new Case("lone 0xff", "00ff", "\u0000\udcff"),
        new Case("cut multi-byte rune", "68c3", "h\udcc3"),
        new Case("overlong encoding is not UTF-8", "c0af", "\udcc0\udcaf"),
        new Case("encoded surrogate is not UTF-8", "eda080", "\udced\udca0\udc80"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodesAndEncodesBackToTheSameBytes(Case c) {
    byte[] bytes = HexFormat.of().parseHex(c.hexBytes());
    assertThat(GoStringBytes.decode(bytes)).isEqualTo(c.javaString());
    assertThat(GoStringBytes.encode(c.javaString())).isEqualTo(bytes);
  }
}
