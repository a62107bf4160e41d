package io.ocihelm.oci.cosign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The signed document of a cosign signature: Red Hat's "simple signing" JSON, whose
 * {@code critical.image.docker-manifest-digest} names the manifest the signature is for.
 */
record SimpleSigningPayload(String type, String manifestDigest) {
  static final String MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";
  static final String COSIGN_TYPE = "cosign container image signature";
  private static final ObjectMapper JSON = new ObjectMapper();

  static Optional<SimpleSigningPayload> parse(byte[] payload) {
    JsonNode root;
    try {
      root = JSON.readTree(payload);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (root == null) {
      return Optional.empty();
    }
    JsonNode critical = field(root, "critical");
    String type = field(critical, "type").asText("");
    String digest = field(field(critical, "image"), "docker-manifest-digest").asText("");
    return Optional.of(new SimpleSigningPayload(type, digest));
  }

  /**
   * cosign compat: cosign decodes the payload with Go's encoding/json, which matches field names
   * case-insensitively (the spec's own example writes {@code Docker-manifest-digest}).
   */
  private static JsonNode field(JsonNode node, String name) {
    if (node == null || !node.isObject()) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
    JsonNode exact = node.get(name);
    if (exact != null) {
      return exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  boolean isCosignSignature() {
    return COSIGN_TYPE.equals(type);
  }
}
