package io.ocihelm.chart;

/**
 * A chart could not be loaded: unsafe or oversized archive, missing or invalid Chart.yaml, values
 * that do not parse. Terminal: retrying the same bytes gives the same error. The message is worded
 * as Helm words it, so the CLI can print {@code Error: <message>}.
 */
public class ChartLoadException extends RuntimeException {
  public ChartLoadException(String message) {
    super(message);
  }

  public ChartLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
