package io.ocihelm.release;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chart file in a release record: its path inside the chart and its bytes (base64 in the JSON,
 * as Go encodes {@code []byte}).
 *
 * @param name the path inside the chart, e.g. {@code templates/deployment.yaml}
 * @param data the file's bytes
 * @param unknownFields fields this model does not know (helm 4's {@code modtime}), kept
 */
@JsonPropertyOrder({"name", "data"})
public record ReleaseFile(
    @JsonProperty("name") String name,
    @JsonProperty("data") byte[] data,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

  public ReleaseFile {
    data = data == null ? new byte[0] : data;
    unknownFields = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
  }

  /** A file with these bytes. */
  public static ReleaseFile of(String name, byte[] data) {
    return new ReleaseFile(name, data, null);
  }

  /** A text file, UTF-8. */
  public static ReleaseFile of(String name, String text) {
    return of(name, text.getBytes(StandardCharsets.UTF_8));
  }
}
