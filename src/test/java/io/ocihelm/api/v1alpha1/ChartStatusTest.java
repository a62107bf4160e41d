package io.ocihelm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class ChartStatusTest {

  private static final String DIGEST =
      "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @Test
  void shortDigestIsDerivedFromTheDigestForThePrinterColumn() {
    ChartStatus chart = new ChartStatus();
    chart.setDigest(DIGEST);

    assertThat(chart.getShortDigest()).isEqualTo("0123456789ab");
    assertThat(Serialization.asJson(chart)).contains("\"shortDigest\":\"0123456789ab\"");
  }

  @Test
  void shortDigestReadBackFromTheApiServerIsIgnored() {
    ChartStatus chart =
        Serialization.unmarshal(
            "{\"digest\":\"" + DIGEST + "\",\"shortDigest\":\"stale\"}", ChartStatus.class);

    assertThat(chart.getShortDigest()).isEqualTo("0123456789ab");
  }

  @Test
  void noDigestNoShortDigest() {
    assertThat(new ChartStatus().getShortDigest()).isNull();
  }
}
