package io.ocihelm.chart.yaml;

/** YAML text that Go's sigs.k8s.io/yaml would refuse, with Go's wording of the reason. */
public class YamlException extends RuntimeException {
  public YamlException(String message) {
    super(message);
  }
}
