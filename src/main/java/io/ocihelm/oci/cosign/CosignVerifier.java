package io.ocihelm.oci.cosign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocihelm.oci.Descriptor;
import io.ocihelm.oci.OciReference;
import io.ocihelm.oci.RegistryClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that a manifest digest is signed by one of the trusted keys, as {@code cosign verify
 * --key <pub> --insecure-ignore-tlog=true} does: the signatures live in the same repository under
 * the tag {@code sha256-<hex>.sig}, an OCI image manifest whose layers are simple-signing payloads
 * with the base64 signature in the layer annotation {@code dev.cosignproject.cosign/signature}.
 *
 * <p>Offline by design: no Rekor transparency-log entry and no Fulcio certificate is checked
 * (keyless signatures are not supported); a signature is trusted because one of the configured
 * public keys verifies it and its payload names exactly the digest being installed.
 */
public final class CosignVerifier {
  static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
  /** Payloads are a few hundred bytes; anything far larger is not a cosign payload. */
  private static final long MAX_PAYLOAD_BYTES = 64 * 1024;
  /** More layers than this is not a signature manifest anyone wrote by hand or by cosign. */
  private static final int MAX_SIGNATURES = 64;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SHA256_DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  /** The signature that passed: which key, and the signature manifest's tag. */
  public record VerifiedSignature(String keyName, String signatureTag) {}

  private final RegistryClient client;

  public CosignVerifier(RegistryClient client) {
    this.client = client;
  }

  /** The tag cosign stores the signatures of {@code digest} under. */
  public static String signatureTag(String digest) {
    return digest.replace(':', '-') + ".sig";
  }

  /**
   * @param repository the chart's repository (its tag and digest are ignored)
   * @param digest the manifest digest that is about to be installed ({@code sha256:…})
   * @throws SignatureVerificationException when no signature passes; registry failures propagate
   *     as the client's own exceptions
   */
  public VerifiedSignature verify(OciReference repository, String digest, CosignPublicKeys keys) {
    String tag = signatureTag(digest);
    OciReference signatures = new OciReference(repository.registry(), repository.repository(), tag, null);
    byte[] manifest = client.fetchArtifactManifest(signatures).orElseThrow(() -> new SignatureVerificationException(
        "no cosign signature for " + digest + ": " + repository.repositoryUrl() + ":" + tag + " does not exist"));
    List<String> rejected = new ArrayList<>();
    int checked = 0;
    for (JsonNode layer : layers(signatures, manifest)) {
      if (!SimpleSigningPayload.MEDIA_TYPE.equals(layer.path("mediaType").asText())) {
        continue;
      }
      if (++checked > MAX_SIGNATURES) {
        break;
      }
      Optional<String> keyName = check(signatures, layer, digest, keys, rejected);
      if (keyName.isPresent()) {
        return new VerifiedSignature(keyName.get(), tag);
      }
    }
    if (checked == 0) {
      throw new SignatureVerificationException(
          signatures + " holds no simple-signing payload (" + SimpleSigningPayload.MEDIA_TYPE + ")");
    }
    throw new SignatureVerificationException("no signature of " + digest + " in " + signatures
        + " verifies with the " + keys.keys().size() + " trusted key(s): " + String.join("; ", rejected));
  }

  private Optional<String> check(OciReference signatures, JsonNode layer, String digest, CosignPublicKeys keys,
      List<String> rejected) {
    String layerDigest = layer.path("digest").asText();
    String encoded = layer.path("annotations").path(SIGNATURE_ANNOTATION).asText("");
    if (encoded.isEmpty()) {
      rejected.add(layerDigest + ": no " + SIGNATURE_ANNOTATION + " annotation");
      return Optional.empty();
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException e) {
      rejected.add(layerDigest + ": signature is not base64");
      return Optional.empty();
    }
    if (!SHA256_DIGEST.matcher(layerDigest).matches()) {
      rejected.add("a layer names no sha256 digest");
      return Optional.empty();
    }
    long size = layer.path("size").asLong(-1);
    if (size < 0 || size > MAX_PAYLOAD_BYTES) {
      rejected.add(layerDigest + ": payload size " + size + " outside 0.." + MAX_PAYLOAD_BYTES);
      return Optional.empty();
    }
    // The registry client returns only bytes matching the layer's digest and size.
    byte[] payload = client.fetchBlob(signatures, new Descriptor(SimpleSigningPayload.MEDIA_TYPE, layerDigest, size));
    Optional<CosignPublicKeys.NamedKey> signer = keys.keys().stream()
        .filter(k -> k.verifies(payload, signature))
        .findFirst();
    if (signer.isEmpty()) {
      rejected.add(layerDigest + ": signed by none of them");
      return Optional.empty();
    }
    // The signature is genuine; now it must be a cosign claim about exactly this digest.
    Optional<SimpleSigningPayload> claim = SimpleSigningPayload.parse(payload);
    if (claim.isEmpty() || !claim.get().isCosignSignature()) {
      rejected.add(layerDigest + ": signed payload is not a \"" + SimpleSigningPayload.COSIGN_TYPE + "\"");
      return Optional.empty();
    }
    if (!digest.equals(claim.get().manifestDigest())) {
      rejected.add(layerDigest + ": signed by " + signer.get().name() + " for "
          + (claim.get().manifestDigest().isEmpty() ? "no digest" : claim.get().manifestDigest()) + ", not " + digest);
      return Optional.empty();
    }
    return Optional.of(signer.get().name());
  }

  private static JsonNode layers(OciReference signatures, byte[] manifest) {
    try {
      JsonNode root = JSON.readTree(manifest);
      if (root != null && root.path("layers").isArray()) {
        return root.path("layers");
      }
    } catch (IOException e) {
      // reported below
    }
    throw new SignatureVerificationException(signatures + " is not an OCI image manifest with layers");
  }
}
