package io.ocihelm.oci.cosign;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The public keys a signature may come from: every PEM {@code PUBLIC KEY} block of every entry of
 * a Secret (what {@code cosign generate-key-pair} writes to {@code cosign.pub}). ECDSA, RSA and
 * Ed25519 keys are accepted, as {@code cosign verify --key} accepts them.
 */
public final class CosignPublicKeys {

  /** One trusted key; {@code name} is the Secret entry (and block number when it holds several). */
  public record NamedKey(String name, PublicKey key) {

    /** True when {@code signature} over {@code payload} was made with this key's private half. */
    boolean verifies(byte[] payload, byte[] signature) {
      for (String algorithm : algorithms(key)) {
        try {
          Signature verifier = Signature.getInstance(algorithm);
          verifier.initVerify(key);
          verifier.update(payload);
          if (verifier.verify(signature)) {
            return true;
          }
        } catch (GeneralSecurityException malformedForThisKey) {
          // A signature of another scheme or size is simply not one of this key's.
        }
      }
      return false;
    }

    /**
     * cosign signs the payload's SHA-256 for the keys it generates (ECDSA P-256) and for RSA
     * (PKCS#1 v1.5); Ed25519 signs the payload itself. Larger curves are also tried with their own
     * hash, which other cosign-compatible signers use.
     */
    private static List<String> algorithms(PublicKey key) {
      return switch (key.getAlgorithm()) {
        case "EC", "ECDSA" -> {
          int bits = key instanceof ECPublicKey ec ? ec.getParams().getCurve().getField().getFieldSize() : 256;
          yield bits > 384 ? List.of("SHA256withECDSA", "SHA512withECDSA")
              : bits > 256 ? List.of("SHA256withECDSA", "SHA384withECDSA")
              : List.of("SHA256withECDSA");
        }
        case "RSA" -> List.of("SHA256withRSA");
        case "Ed25519", "EdDSA" -> List.of("Ed25519");
        default -> List.of();
      };
    }
  }

  private final List<NamedKey> keys;
  private final String fingerprint;

  private CosignPublicKeys(List<NamedKey> keys, String fingerprint) {
    this.keys = List.copyOf(keys);
    this.fingerprint = fingerprint;
  }

  /**
   * Reads the keys from a Secret's entries (name → bytes).
   *
   * @param source names the Secret in messages
   * @throws SignatureVerificationException when there is no key, or an entry holds something else
   */
  public static CosignPublicKeys fromSecretData(String source, Map<String, byte[]> entries) {
    Map<String, byte[]> sorted = new TreeMap<>(entries);
    List<NamedKey> keys = new ArrayList<>();
    MessageDigest sha256 = sha256();
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    for (Map.Entry<String, byte[]> entry : sorted.entrySet()) {
      List<PublicKey> found = parse(source, entry.getKey(), entry.getValue(), converter);
      for (int i = 0; i < found.size(); i++) {
        keys.add(new NamedKey(found.size() == 1 ? entry.getKey() : entry.getKey() + "#" + (i + 1), found.get(i)));
      }
      sha256.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      for (PublicKey key : found) {
        sha256.update(key.getEncoded());
      }
      sha256.update((byte) 0);
    }
    if (keys.isEmpty()) {
      throw new SignatureVerificationException(source + " holds no public key");
    }
    return new CosignPublicKeys(keys, "sha256:" + HexFormat.of().formatHex(sha256.digest()));
  }

  private static List<PublicKey> parse(String source, String entry, byte[] pem, JcaPEMKeyConverter converter) {
    List<PublicKey> found = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)))) {
      for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
        if (!(block instanceof SubjectPublicKeyInfo info)) {
          throw new SignatureVerificationException(
              source + ": entry " + entry + " holds a PEM block that is not a PUBLIC KEY");
        }
        found.add(converter.getPublicKey(info));
      }
    } catch (IOException e) {
      throw new SignatureVerificationException(source + ": entry " + entry + " is not a readable PEM public key");
    }
    if (found.isEmpty()) {
      throw new SignatureVerificationException(source + ": entry " + entry + " holds no PEM public key");
    }
    return found;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  public List<NamedKey> keys() {
    return keys;
  }

  /** sha256 over entry names and the keys' encodings: equal fingerprints, same trust. */
  public String fingerprint() {
    return fingerprint;
  }
}
