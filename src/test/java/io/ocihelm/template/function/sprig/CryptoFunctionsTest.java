package io.ocihelm.template.function.sprig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sprig's crypto functions called directly; expected values are the oracle's (vector ids named). */
class CryptoFunctionsTest {
  record Case(String name, Supplier<Object> call, Object expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> exact() {
    return Stream.of(
        new Case("crypto-0002 sha1 empty", () -> CryptoFunctions.hex("SHA-1", ""), "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        new Case("crypto-0006 sha256", () -> CryptoFunctions.hex("SHA-256", "The quick brown fox"),
            "5cac4f980fedc3d3f1f99b4be3472c9b30d56523e632d151237ec9309048bda9"),
        new Case("crypto-0007 sha512", () -> CryptoFunctions.hex("SHA-512", "hello"),
            "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"),
        new Case("crypto-0011 adler32", () -> CryptoFunctions.adler32sum("Wikipedia"), "300286872"),
        new Case("crypto-0017 long", () -> CryptoFunctions.derivePassword(1, "long", "password", "user", "example.com"), "ZedaFaxcZaso9*"),
        new Case("crypto-0018 maximum", () -> CryptoFunctions.derivePassword(1, "maximum", "password", "user", "example.com"),
            "pf4zS1LjCg&LjhsZ7T2~"),
        new Case("crypto-0019 medium", () -> CryptoFunctions.derivePassword(1, "medium", "password", "user", "example.com"), "ZedJuz8$"),
        new Case("crypto-0020 short", () -> CryptoFunctions.derivePassword(1, "short", "password", "user", "example.com"), "Zed5"),
        new Case("crypto-0022 pin", () -> CryptoFunctions.derivePassword(1, "pin", "password", "user", "example.com"), "6685"),
        new Case("crypto-0023 unknown", () -> CryptoFunctions.derivePassword(1, "name", "password", "user", "example.com"),
            "cannot find password template name"),
        new Case("crypto-0024 counter 2", () -> CryptoFunctions.derivePassword(2, "long", "password", "user", "example.com"), "Fovi2@JifpTupx"),
        new Case("crypto-0029 htpasswd colon", () -> CryptoFunctions.htpasswd("u:x", "p").startsWith("u:x:"), false),
        new Case("crypto-0030 htpasswd shape", () -> CryptoFunctions.htpasswd("user", "pass").matches("^user:\\$2a\\$10\\$[./A-Za-z0-9]{53}$"), true),
        new Case("crypto-0034 bcrypt length", () -> CryptoFunctions.bcrypt("pw").length(), 60),
        new Case("crypto-0036 ecdsa", () -> CryptoFunctions.genPrivateKey("ecdsa").startsWith("-----BEGIN EC PRIVATE KEY-----"), true),
        new Case("crypto-0037 ed25519", () -> CryptoFunctions.genPrivateKey("ed25519").startsWith("-----BEGIN PRIVATE KEY-----"), true),
        new Case("crypto-0039 ed25519 end", () -> CryptoFunctions.genPrivateKey("ed25519").strip().endsWith("-----END PRIVATE KEY-----"), true),
        new Case("crypto-0050 encryptAES length", () -> Base64.getDecoder().decode(CryptoFunctions.encryptAES("secretkey", "plaintext")).length, 32),
        new Case("crypto-0051 AES round trip", () -> CryptoFunctions.decryptAES("secretkey", CryptoFunctions.encryptAES("secretkey", "plaintext")),
            "plaintext"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exact")
  void matchesHelm(Case c) {
    assertThat(c.call().get()).isEqualTo(c.expected());
  }

  @Test
  void decryptAesPanicsLikeGo() {
    // crypto-0053
    assertThatThrownBy(() -> CryptoFunctions.decryptAES("k", "aGVsbG8=")).isInstanceOf(FunctionException.class)
        .hasMessage("runtime error: slice bounds out of range [:16] with capacity 6");
  }

  @Test
  void certificatesHaveHelmsShape() {
    FunctionRegistry r = new FunctionRegistry();
    CryptoFunctions.register(r);
    Certificate ca = (Certificate) r.lookup("genCA").orElseThrow().body().call(null, new Object[] {"my-ca", 365L});
    assertThat(ca.cert()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(ca.key()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(ca.goTypeName()).isEqualTo("sprig.certificate");
    String ecKey = CryptoFunctions.genPrivateKey("ecdsa");
    Certificate signed = (Certificate) r.lookup("genSignedCertWithKey").orElseThrow().body()
        .call(null, new Object[] {"svc", null, null, 3L, ca, ecKey});
    assertThat(signed.key()).isEqualTo(ecKey);
    assertThat(signed.cert()).startsWith("-----BEGIN CERTIFICATE-----");
    Certificate self = (Certificate) r.lookup("genSelfSignedCertWithKey").orElseThrow().body()
        .call(null, new Object[] {"foo.com", java.util.List.of("127.0.0.1"), java.util.List.of("foo.com"), 365L,
            CryptoFunctions.genPrivateKey("ed25519")});
    assertThat(self.cert()).startsWith("-----BEGIN CERTIFICATE-----");
    Certificate rebuilt = (Certificate) r.lookup("buildCustomCert").orElseThrow().body().call(null, new Object[] {
        Base64.getEncoder().encodeToString(self.cert().getBytes()), Base64.getEncoder().encodeToString(self.key().getBytes())});
    assertThat(rebuilt).isEqualTo(self);
    // crypto-0047
    assertThatThrownBy(() -> r.lookup("buildCustomCert").orElseThrow().body().call(null, new Object[] {
        Base64.getEncoder().encodeToString("notacert".getBytes()), Base64.getEncoder().encodeToString("notakey".getBytes())}))
        .hasMessage("unable to decode certificate");
  }
}
