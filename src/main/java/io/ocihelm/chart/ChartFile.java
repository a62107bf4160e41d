package io.ocihelm.chart;

import java.nio.charset.StandardCharsets;

/** One file of a chart, by its slash-separated path relative to the chart root. */
public record ChartFile(String name, byte[] data) {

  public String text() {
    return new String(data, StandardCharsets.UTF_8);
  }
}
