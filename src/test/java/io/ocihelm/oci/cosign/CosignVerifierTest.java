package io.ocihelm.oci.cosign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ocihelm.oci.ContentDigest;
import io.ocihelm.oci.OciReference;
import io.ocihelm.oci.RegistryClient;
import io.ocihelm.oci.RegistryOptions;
import io.ocihelm.oci.TlsOptions;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The signature layout cosign writes (SIGNATURE_SPEC.md: tag {@code sha256-<hex>.sig}, simple-signing
 * layers, the signature in the layer annotation), served by an in-JVM registry; what passes and
 * what fails with which message. The real cosign signs in {@code CosignVerificationIT}.
 */
class CosignVerifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DIGEST = ContentDigest.sha256("the chart's manifest".getBytes(StandardCharsets.UTF_8));
  private static final String OTHER_DIGEST = ContentDigest.sha256("another manifest".getBytes(StandardCharsets.UTF_8));
  private static final KeyPair EC = generate("EC", new ECGenParameterSpec("secp256r1"));
  private static final KeyPair EC384 = generate("EC", new ECGenParameterSpec("secp384r1"));
  private static final KeyPair RSA = generate("RSA", null);
  private static final KeyPair ED25519 = generate("Ed25519", null);
  private static final KeyPair STRANGER = generate("EC", new ECGenParameterSpec("secp256r1"));

  private final HttpServer registry;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();

  CosignVerifierTest() throws IOException {
    registry = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    registry.createContext("/v2/", ex -> {
      byte[] body = served.get(ex.getRequestURI().getPath());
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
      } else {
        ex.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
        ex.getResponseHeaders().add("Docker-Content-Digest", ContentDigest.sha256(body));
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
      }
      ex.close();
    });
    registry.start();
  }

  @AfterEach
  void stop() {
    registry.stop(0);
  }

  /** One layer of the signature manifest: who signs which payload, and how it is written down. */
  record Layer(KeyPair signer, String algorithm, String payload, boolean annotated) {
    static Layer signed(KeyPair signer, String algorithm, String digest) {
      return new Layer(signer, algorithm, CosignVerifierTest.payload(digest, "docker-manifest-digest", "cosign container image signature"), true);
    }
  }

  record Case(String name, List<Layer> layers, Map<String, KeyPair> trusted, String passesWithKey, String failsWith) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    Map<String, KeyPair> ec = Map.of("cosign.pub", EC);
    return Stream.of(
        new Case("ECDSA P-256, as cosign generate-key-pair makes", List.of(Layer.signed(EC, "SHA256withECDSA", DIGEST)),
            ec, "cosign.pub", null),
        new Case("ECDSA P-384 signing SHA-256", List.of(Layer.signed(EC384, "SHA256withECDSA", DIGEST)),
            Map.of("p384", EC384), "p384", null),
        new Case("RSA PKCS#1 v1.5 SHA-256", List.of(Layer.signed(RSA, "SHA256withRSA", DIGEST)),
            Map.of("rsa", RSA), "rsa", null),
        new Case("Ed25519", List.of(Layer.signed(ED25519, "Ed25519", DIGEST)), Map.of("ed", ED25519), "ed", null),
        new Case("the second of two trusted keys", List.of(Layer.signed(RSA, "SHA256withRSA", DIGEST)),
            new LinkedHashMap<>(Map.of("a-ec", EC, "b-rsa", RSA)), "b-rsa", null),
        new Case("a stranger's signature, then a trusted one",
            List.of(Layer.signed(STRANGER, "SHA256withECDSA", DIGEST), Layer.signed(EC, "SHA256withECDSA", DIGEST)),
            ec, "cosign.pub", null),
        new Case("field names matched case-insensitively as Go's encoding/json does",
            List.of(new Layer(EC, "SHA256withECDSA",
                payload(DIGEST, "Docker-manifest-digest", "cosign container image signature"), true)),
            ec, "cosign.pub", null),
        new Case("only a stranger's signature", List.of(Layer.signed(STRANGER, "SHA256withECDSA", DIGEST)), ec, null,
            "verifies with the 1 trusted key(s): sha256:"),
        new Case("a trusted key signed another digest", List.of(Layer.signed(EC, "SHA256withECDSA", OTHER_DIGEST)), ec,
            null, "signed by cosign.pub for " + OTHER_DIGEST + ", not " + DIGEST),
        new Case("a trusted key signed something that is no cosign claim",
            List.of(new Layer(EC, "SHA256withECDSA", payload(DIGEST, "docker-manifest-digest", "atomic container signature"), true)),
            ec, null, "is not a \"cosign container image signature\""),
        new Case("a layer without the signature annotation",
            List.of(new Layer(EC, "SHA256withECDSA", payload(DIGEST, "docker-manifest-digest", "cosign container image signature"), false)),
            ec, null, "no dev.cosignproject.cosign/signature annotation"),
        new Case("no signature tag at all", List.of(), ec, null,
            "no cosign signature for " + DIGEST + ": oci://"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verifiesLikeCosignVerifyWithAKey(Case c) throws Exception {
    OciReference repository = OciReference.parse("oci://127.0.0.1:" + registry.getAddress().getPort() + "/charts/demo:0.1.0");
    if (!c.layers().isEmpty()) {
      publishSignatures(c.layers());
    }
    CosignPublicKeys keys = keys(c.trusted());
    try (RegistryClient client = new RegistryClient(RegistryOptions.defaults().withTls(h -> TlsOptions.PLAIN_HTTP))) {
      CosignVerifier verifier = new CosignVerifier(client);
      if (c.passesWithKey() != null) {
        CosignVerifier.VerifiedSignature verified = verifier.verify(repository, DIGEST, keys);
        assertThat(verified.keyName()).isEqualTo(c.passesWithKey());
        assertThat(verified.signatureTag()).isEqualTo(DIGEST.replace(':', '-') + ".sig");
      } else {
        assertThatThrownBy(() -> verifier.verify(repository, DIGEST, keys))
            .isInstanceOf(SignatureVerificationException.class)
            .hasMessageContaining(c.failsWith());
      }
    }
  }

  private void publishSignatures(List<Layer> layers) throws Exception {
    List<Map<String, Object>> descriptors = new ArrayList<>();
    for (Layer layer : layers) {
      byte[] payload = layer.payload().getBytes(StandardCharsets.UTF_8);
      String digest = ContentDigest.sha256(payload);
      served.put("/v2/charts/demo/blobs/" + digest, payload);
      Signature signer = Signature.getInstance(layer.algorithm());
      signer.initSign(layer.signer().getPrivate());
      signer.update(payload);
      Map<String, Object> descriptor = new LinkedHashMap<>();
      descriptor.put("mediaType", "application/vnd.dev.cosign.simplesigning.v1+json");
      descriptor.put("size", payload.length);
      descriptor.put("digest", digest);
      if (layer.annotated()) {
        descriptor.put("annotations", Map.of(
            "dev.cosignproject.cosign/signature", Base64.getEncoder().encodeToString(signer.sign())));
      }
      descriptors.add(descriptor);
    }
    Map<String, Object> manifest = Map.of(
        "schemaVersion", 2,
        "mediaType", "application/vnd.oci.image.manifest.v1+json",
        "config", Map.of("mediaType", "application/vnd.oci.image.config.v1+json", "size", 2,
            "digest", ContentDigest.sha256("{}".getBytes(StandardCharsets.UTF_8))),
        "layers", descriptors);
    served.put("/v2/charts/demo/manifests/" + DIGEST.replace(':', '-') + ".sig", JSON.writeValueAsBytes(manifest));
  }

  static String payload(String digest, String digestField, String type) {
    return "{\"critical\":{\"identity\":{\"docker-reference\":\"127.0.0.1/charts/demo\"},\"image\":{\""
        + digestField + "\":\"" + digest + "\"},\"type\":\"" + type + "\"},\"optional\":null}";
  }

  static CosignPublicKeys keys(Map<String, KeyPair> trusted) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (Map.Entry<String, KeyPair> e : trusted.entrySet()) {
      entries.put(e.getKey(), pem(e.getValue()).getBytes(StandardCharsets.US_ASCII));
    }
    return CosignPublicKeys.fromSecretData("secret ns/keys", entries);
  }

  static String pem(KeyPair pair) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(pair.getPublic());
    }
    return out.toString();
  }

  private static KeyPair generate(String algorithm, ECGenParameterSpec curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (curve != null) {
        generator.initialize(curve);
      } else if (algorithm.equals("RSA")) {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
