package io.ocihelm.oci.cosign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CosignPublicKeysTest {
  private static final KeyPair EC = generate();
  private static final KeyPair EC2 = generate();

  record Bad(String name, Map<String, String> entries, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Bad> unusableSecrets() throws Exception {
    String privateKey = pem(EC.getPrivate());
    return Stream.of(
        new Bad("an empty Secret", Map.of(), "secret ns/keys holds no public key"),
        new Bad("text that is no PEM", Map.of("cosign.pub", "not a key at all"), "entry cosign.pub holds no PEM public key"),
        new Bad("a private key", Map.of("cosign.key", privateKey), "entry cosign.key holds a PEM block that is not a PUBLIC KEY"),
        new Bad("a broken PEM body",
            Map.of("cosign.pub", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
            "entry cosign.pub is not a readable PEM public key"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableSecrets")
  void unusableKeysAreNamedNotShown(Bad bad) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    bad.entries().forEach((k, v) -> entries.put(k, v.getBytes(StandardCharsets.US_ASCII)));
    assertThatThrownBy(() -> CosignPublicKeys.fromSecretData("secret ns/keys", entries))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageContaining(bad.message())
        .satisfies(e -> bad.entries().values().forEach(content ->
            assertThat(e.getMessage()).doesNotContain(content.lines().skip(1).findFirst().orElse(content))));
  }

  @Test
  void everyBlockOfEveryEntryIsTrustedAndTheFingerprintIgnoresEntryOrder() throws Exception {
    Map<String, byte[]> forward = new LinkedHashMap<>();
    forward.put("team", (pem(EC.getPublic()) + pem(EC2.getPublic())).getBytes(StandardCharsets.US_ASCII));
    forward.put("ci", pem(EC2.getPublic()).getBytes(StandardCharsets.US_ASCII));
    Map<String, byte[]> backward = new LinkedHashMap<>();
    backward.put("ci", forward.get("ci"));
    backward.put("team", forward.get("team"));

    CosignPublicKeys keys = CosignPublicKeys.fromSecretData("s", forward);
    assertThat(keys.keys()).extracting(CosignPublicKeys.NamedKey::name).containsExactly("ci", "team#1", "team#2");
    assertThat(keys.fingerprint()).isEqualTo(CosignPublicKeys.fromSecretData("s", backward).fingerprint());
    assertThat(keys.fingerprint()).isNotEqualTo(
        CosignPublicKeys.fromSecretData("s", Map.of("ci", forward.get("ci"))).fingerprint());
  }

  private static String pem(Object key) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(key);
    }
    return out.toString();
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
