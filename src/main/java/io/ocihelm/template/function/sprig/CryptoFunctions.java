package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.ANY;
import static io.ocihelm.template.function.GoType.INT;
import static io.ocihelm.template.function.GoType.LIST;
import static io.ocihelm.template.function.GoType.STRING;
import static io.ocihelm.template.function.GoType.UINT32;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.value.GoTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.Adler32;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Sprig's crypto family: hashes, derivePassword (the Master Password algorithm), private keys and
 * certificates as Go's crypto/x509 writes them (PEM, PKCS#1 RSA, SEC 1 EC, PKCS#8 Ed25519),
 * bcrypt/htpasswd and Sprig's AES-CBC format (randBytes lives with the random family). Keys and certificates are random, so only
 * their shape can match Helm's; everything deterministic matches byte for byte.
 */
public final class CryptoFunctions {
  private CryptoFunctions() {}

  /**
   * Built on the first call of a crypto function, not when the family registers: BouncyCastle's
   * provider loads ~500 classes from a signed jar (verified on load), which cost the CLI ~0.5 s
   * of start-up on every render although most charts never call a crypto function.
   */
  private static final class Lazy {
    static final SecureRandom RANDOM = new SecureRandom();
    static final BouncyCastleProvider BC = new BouncyCastleProvider();
  }

  public static void register(FunctionRegistry r) {
    FunctionSignature stringIn = FunctionSignature.of(STRING);
    r.register("sha1sum", stringIn, (c, a) -> hex("SHA-1", (String) a[0]));
    r.register("sha256sum", stringIn, (c, a) -> hex("SHA-256", (String) a[0]));
    r.register("sha512sum", stringIn, (c, a) -> hex("SHA-512", (String) a[0]));
    r.register("adler32sum", stringIn, (c, a) -> adler32sum((String) a[0]));
    r.register("derivePassword", FunctionSignature.of(UINT32, STRING, STRING, STRING, STRING),
        (c, a) -> derivePassword((Long) a[0], (String) a[1], (String) a[2], (String) a[3], (String) a[4]));
    r.register("genPrivateKey", stringIn, (c, a) -> genPrivateKey((String) a[0]));
    r.register("genCA", FunctionSignature.of(STRING, INT), (c, a) -> genCA((String) a[0], (Long) a[1], null));
    r.register("genCAWithKey", FunctionSignature.of(STRING, INT, STRING),
        (c, a) -> genCA((String) a[0], (Long) a[1], parseKeyArgument((String) a[2])));
    r.register("genSelfSignedCert", FunctionSignature.of(STRING, LIST, LIST, INT),
        (c, a) -> genSelfSigned((String) a[0], list(a[1]), list(a[2]), (Long) a[3], null));
    r.register("genSelfSignedCertWithKey", FunctionSignature.of(STRING, LIST, LIST, INT, STRING),
        (c, a) -> genSelfSigned((String) a[0], list(a[1]), list(a[2]), (Long) a[3], parseKeyArgument((String) a[4])));
    r.register("genSignedCert", FunctionSignature.of(STRING, LIST, LIST, INT, ANY),
        (c, a) -> genSigned((String) a[0], list(a[1]), list(a[2]), (Long) a[3], ca(a[4]), null));
    r.register("genSignedCertWithKey", FunctionSignature.of(STRING, LIST, LIST, INT, ANY, STRING),
        (c, a) -> genSigned((String) a[0], list(a[1]), list(a[2]), (Long) a[3], ca(a[4]), parseKeyArgument((String) a[5])));
    r.register("buildCustomCert", FunctionSignature.of(STRING, STRING), (c, a) -> buildCustomCert((String) a[0], (String) a[1]));
    r.register("bcrypt", stringIn, (c, a) -> bcrypt((String) a[0]));
    r.register("htpasswd", FunctionSignature.of(STRING, STRING), (c, a) -> htpasswd((String) a[0], (String) a[1]));
    r.register("encryptAES", FunctionSignature.of(STRING, STRING), (c, a) -> encryptAES((String) a[0], (String) a[1]));
    r.register("decryptAES", FunctionSignature.of(STRING, STRING), (c, a) -> decryptAES((String) a[0], (String) a[1]));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  private static Certificate ca(Object value) {
    if (value instanceof Certificate c) {
      return c;
    }
    throw new FunctionException("wrong type for value; expected sprig.certificate; got " + GoTypes.typeName(value));
  }

  // --- hashes ---

  static String hex(String algorithm, String input) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String adler32sum(String input) {
    Adler32 a = new Adler32();
    a.update(input.getBytes(StandardCharsets.UTF_8));
    return Long.toString(a.getValue());
  }

  // --- derivePassword: the Master Password algorithm (scrypt key, HMAC-SHA256 seed, templates) ---

  private static final String MASTER_PASSWORD_SEED = "com.lyndir.masterpassword";

  private static final Map<String, String[]> PASSWORD_TEMPLATES = Map.of(
      "maximum", new String[] {"anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"},
      "long", new String[] {"CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
          "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc",
          "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc",
          "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno"},
      "medium", new String[] {"CvcnoCvc", "CvcCvcno"},
      "short", new String[] {"Cvcn"},
      "basic", new String[] {"aaanaaan", "aannaaan", "aaannaaa"},
      "pin", new String[] {"nnnn"});

  private static final Map<Character, String> TEMPLATE_CHARACTERS = Map.of(
      'V', "AEIOU",
      'C', "BCDFGHJKLMNPQRSTVWXYZ",
      'v', "aeiou",
      'c', "bcdfghjklmnpqrstvwxyz",
      'A', "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
      'a', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
      'n', "0123456789",
      'o', "@&%?,=[]_:-+*$#!'^~;()/.",
      'x', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()");

  static String derivePassword(long counter, String type, String password, String user, String site) {
    String[] templates = PASSWORD_TEMPLATES.get(type);
    if (templates == null) {
      // Helm compat: Sprig returns its error text as the password.
      return "cannot find password template " + type;
    }
    byte[] userBytes = user.getBytes(StandardCharsets.UTF_8);
    byte[] salt = ByteBuffer.allocate(MASTER_PASSWORD_SEED.length() + 4 + userBytes.length)
        .put(MASTER_PASSWORD_SEED.getBytes(StandardCharsets.US_ASCII)).putInt(userBytes.length).put(userBytes).array();
    byte[] key = SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, 32768, 8, 2, 64);
    byte[] siteBytes = site.getBytes(StandardCharsets.UTF_8);
    byte[] message = ByteBuffer.allocate(MASTER_PASSWORD_SEED.length() + 4 + siteBytes.length + 4)
        .put(MASTER_PASSWORD_SEED.getBytes(StandardCharsets.US_ASCII)).putInt(siteBytes.length).put(siteBytes)
        .putInt((int) counter).array();
    byte[] seed;
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      seed = hmac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    String template = templates[(seed[0] & 0xFF) % templates.length];
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      String chars = TEMPLATE_CHARACTERS.get(template.charAt(i));
      out.append(chars.charAt((seed[i + 1] & 0xFF) % chars.length()));
    }
    return out.toString();
  }

  // --- keys ---

  static String genPrivateKey(String type) {
    KeyPair pair;
    switch (type) {
      case "", "rsa" -> pair = generate("RSA", 4096);
      case "dsa" -> pair = generate("DSA", 2048);
      case "ecdsa" -> pair = generateEc();
      case "ed25519" -> pair = generate("Ed25519", 0);
      default -> {
        return "Unknown type " + type;
      }
    }
    return pem(privateKeyBlock(pair.getPrivate()));
  }

  private static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      if (algorithm.equals("DSA")) {
        g.initialize(new java.security.spec.DSAGenParameterSpec(2048, 256), Lazy.RANDOM);
      } else if (bits > 0) {
        g.initialize(bits, Lazy.RANDOM);
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new FunctionException("failed to generate private key: " + e.getMessage());
    }
  }

  private static KeyPair generateEc() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), Lazy.RANDOM);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new FunctionException("failed to generate private key: " + e.getMessage());
    }
  }

  private record PemBlock(String type, byte[] der) {}

  /** Go's pemBlockForKey: PKCS#1 for RSA, SEC 1 for ECDSA, OpenSSL's DSA layout, PKCS#8 otherwise. */
  private static PemBlock privateKeyBlock(PrivateKey key) {
    try {
      return switch (key) {
        case RSAPrivateCrtKey rsa -> new PemBlock("RSA PRIVATE KEY", new org.bouncycastle.asn1.pkcs.RSAPrivateKey(
            rsa.getModulus(), rsa.getPublicExponent(), rsa.getPrivateExponent(), rsa.getPrimeP(), rsa.getPrimeQ(),
            rsa.getPrimeExponentP(), rsa.getPrimeExponentQ(), rsa.getCrtCoefficient()).getEncoded());
        case ECPrivateKey ec -> new PemBlock("EC PRIVATE KEY", sec1(ec));
        case DSAPrivateKey dsa -> new PemBlock("DSA PRIVATE KEY", dsaDer(dsa));
        default -> new PemBlock("PRIVATE KEY", key.getEncoded());
      };
    } catch (IOException | GeneralSecurityException e) {
      throw new FunctionException("failed to encode private key: " + e.getMessage());
    }
  }

  private static byte[] sec1(ECPrivateKey ec) throws IOException, GeneralSecurityException {
    // The JDK's PKCS#8 wraps a SEC 1 structure; rebuild it with the curve and public key as Go writes it.
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
    ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
    KeyFactory kf = KeyFactory.getInstance("EC", Lazy.BC);
    org.bouncycastle.jce.interfaces.ECPrivateKey bcKey =
        (org.bouncycastle.jce.interfaces.ECPrivateKey) kf.generatePrivate(new PKCS8EncodedKeySpec(ec.getEncoded()));
    org.bouncycastle.math.ec.ECPoint q = bcKey.getParameters().getG().multiply(bcKey.getD()).normalize();
    return new org.bouncycastle.asn1.sec.ECPrivateKey(256, ec.getS(), new DERBitString(q.getEncoded(false)), curve)
        .getEncoded();
  }

  private static byte[] dsaDer(DSAPrivateKey dsa) throws IOException {
    var p = dsa.getParams();
    BigInteger y = p.getG().modPow(dsa.getX(), p.getP());
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(new ASN1Integer(0));
    v.add(new ASN1Integer(p.getP()));
    v.add(new ASN1Integer(p.getQ()));
    v.add(new ASN1Integer(p.getG()));
    v.add(new ASN1Integer(y));
    v.add(new ASN1Integer(dsa.getX()));
    return new DERSequence(v).getEncoded();
  }

  /** encoding/pem: base64 in 64-column lines between BEGIN/END lines. */
  private static String pem(PemBlock block) {
    String b64 = Base64.getEncoder().encodeToString(block.der());
    StringBuilder out = new StringBuilder("-----BEGIN ").append(block.type()).append("-----\n");
    for (int i = 0; i < b64.length(); i += 64) {
      out.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
    }
    return out.append("-----END ").append(block.type()).append("-----\n").toString();
  }

  /** Sprig's parsePrivateKeyPEM: PKCS#1 RSA, SEC 1 EC or PKCS#8. */
  static KeyPair parsePrivateKeyPem(String pemText) {
    try (PEMParser parser = new PEMParser(new java.io.StringReader(pemText))) {
      Object o = parser.readObject();
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter().setProvider(Lazy.BC);
      if (o instanceof PEMKeyPair kp) {
        return conv.getKeyPair(kp);
      }
      if (o instanceof PrivateKeyInfo info) {
        PrivateKey key = conv.getPrivateKey(info);
        return new KeyPair(publicKeyOf(key), key);
      }
    } catch (IOException | RuntimeException e) {
      throw new FunctionException("error parsing private key: " + e.getMessage());
    }
    throw new FunctionException("no PEM data found");
  }

  private static KeyPair parseKeyArgument(String pemText) {
    if (pemText.strip().isEmpty() || !pemText.contains("-----BEGIN")) {
      throw new FunctionException("no PEM data found");
    }
    return parsePrivateKeyPem(pemText);
  }

  private static PublicKey publicKeyOf(PrivateKey key) {
    try {
      if (key instanceof java.security.interfaces.RSAPrivateCrtKey rsa) {
        return KeyFactory.getInstance("RSA").generatePublic(
            new java.security.spec.RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
      }
      if (key instanceof org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey ed) {
        return ed.getPublicKey();
      }
      if (key instanceof java.security.interfaces.EdECPrivateKey edec) {
        var bcKey = (org.bouncycastle.jcajce.interfaces.EdDSAPrivateKey)
            KeyFactory.getInstance("Ed25519", Lazy.BC).generatePrivate(new PKCS8EncodedKeySpec(edec.getEncoded()));
        return bcKey.getPublicKey();
      }
      if (key instanceof org.bouncycastle.jce.interfaces.ECPrivateKey ec) {
        var q = ec.getParameters().getG().multiply(ec.getD());
        return KeyFactory.getInstance("EC", Lazy.BC).generatePublic(
            new org.bouncycastle.jce.spec.ECPublicKeySpec(q, ec.getParameters()));
      }
    } catch (GeneralSecurityException e) {
      throw new FunctionException("error parsing private key: " + e.getMessage());
    }
    throw new FunctionException("unknown private key type");
  }

  // --- certificates ---

  private record Template(String cn, List<byte[]> ips, List<String> dnsNames, long days, boolean isCa) {}

  private static Template template(String cn, List<Object> ips, List<Object> dns, long days, boolean isCa) {
    List<byte[]> ipAddresses = new ArrayList<>();
    if (ips != null) {
      for (Object ip : ips) {
        if (!(ip instanceof String s)) {
          throw new FunctionException("error parsing ip: " + goV(ip) + " is not a string");
        }
        byte[] parsed = parseIp(s);
        if (parsed == null) {
          throw new FunctionException("error parsing ip: " + s);
        }
        ipAddresses.add(parsed);
      }
    }
    List<String> dnsNames = new ArrayList<>();
    if (dns != null) {
      for (Object d : dns) {
        if (!(d instanceof String s)) {
          throw new FunctionException("error processing alternate dns name: " + goV(d) + " is not a string");
        }
        dnsNames.add(s);
      }
    }
    return new Template(cn, ipAddresses, dnsNames, days, isCa);
  }

  /** Go's %v for the scalars an ips/dns list may wrongly hold. */
  private static String goV(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e6) {
      return Long.toString(d.longValue());
    }
    return v.toString();
  }

  /** net.ParseIP: dotted IPv4 or IPv6 text, nothing that needs DNS. */
  private static byte[] parseIp(String s) {
    if (!s.matches("[0-9.]+") && !s.matches("[0-9a-fA-F:.]+")) {
      return null;
    }
    if (s.matches("[0-9.]+") && !s.matches("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})")) {
      return null;
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (IOException e) {
      return null;
    }
  }

  private static Certificate genCA(String cn, long days, KeyPair key) {
    KeyPair pair = key != null ? key : generate("RSA", 2048);
    Template t = template(cn, null, null, days, true);
    return new Certificate(pem(new PemBlock("CERTIFICATE", sign(t, pair.getPublic(), null, pair))),
        pem(privateKeyBlock(pair.getPrivate())));
  }

  private static Certificate genSelfSigned(String cn, List<Object> ips, List<Object> dns, long days, KeyPair key) {
    Template t = template(cn, ips, dns, days, false);
    KeyPair pair = key != null ? key : generate("RSA", 2048);
    return new Certificate(pem(new PemBlock("CERTIFICATE", sign(t, pair.getPublic(), null, pair))),
        pem(privateKeyBlock(pair.getPrivate())));
  }

  private static Certificate genSigned(String cn, List<Object> ips, List<Object> dns, long days, Certificate ca, KeyPair key) {
    Template t = template(cn, ips, dns, days, false);
    X509CertificateHolder caCert = parseCertificate(ca.cert());
    KeyPair caKey = parsePrivateKeyPem(ca.key());
    KeyPair pair = key != null ? key : generate("RSA", 2048);
    return new Certificate(pem(new PemBlock("CERTIFICATE", sign(t, pair.getPublic(), caCert, caKey))),
        pem(privateKeyBlock(pair.getPrivate())));
  }

  private static X509CertificateHolder parseCertificate(String pemText) {
    try (PEMParser parser = new PEMParser(new java.io.StringReader(pemText))) {
      Object o = parser.readObject();
      if (o instanceof X509CertificateHolder holder) {
        return holder;
      }
    } catch (IOException | RuntimeException e) {
      throw new FunctionException("error parsing certificate: " + e.getMessage());
    }
    throw new FunctionException("unable to decode certificate");
  }

  /** x509.CreateCertificate with Sprig's base template (server+client auth, basic constraints). */
  private static byte[] sign(Template t, PublicKey subjectKey, X509CertificateHolder parent, KeyPair signer) {
    try {
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, t.cn()).build();
      X500Name issuer = parent == null ? subject : parent.getSubject();
      Instant now = Instant.now();
      BigInteger serial = new BigInteger(128, Lazy.RANDOM);
      SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(subjectKey.getEncoded());
      X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, serial, Date.from(now),
          Date.from(now.plusSeconds(86400L * t.days())), subject, spki);
      int usage = KeyUsage.keyEncipherment | KeyUsage.digitalSignature | (t.isCa() ? KeyUsage.keyCertSign : 0);
      b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      b.addExtension(Extension.extendedKeyUsage, false,
          new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(t.isCa()));
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      if (t.isCa()) {
        b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(spki));
      }
      if (parent != null) {
        Extension ski = parent.getExtension(Extension.subjectKeyIdentifier);
        if (ski != null) {
          b.addExtension(Extension.authorityKeyIdentifier, false,
              new org.bouncycastle.asn1.x509.AuthorityKeyIdentifier(
                  org.bouncycastle.asn1.ASN1OctetString.getInstance(ski.getParsedValue()).getOctets()));
        }
      }
      List<GeneralName> names = new ArrayList<>();
      for (String dns : t.dnsNames()) {
        names.add(new GeneralName(GeneralName.dNSName, dns));
      }
      for (byte[] ip : t.ips()) {
        names.add(new GeneralName(GeneralName.iPAddress, new org.bouncycastle.asn1.DEROctetString(ip)));
      }
      if (!names.isEmpty()) {
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(new GeneralName[0])));
      }
      ContentSigner cs = new JcaContentSignerBuilder(signatureAlgorithm(signer.getPrivate())).setProvider(Lazy.BC)
          .build(signer.getPrivate());
      return b.build(cs).getEncoded();
    } catch (Exception e) {
      throw new FunctionException("failed to create certificate: " + e.getMessage());
    }
  }

  private static String signatureAlgorithm(PrivateKey key) {
    String alg = key.getAlgorithm();
    return switch (alg) {
      case "RSA" -> "SHA256withRSA";
      case "EC", "ECDSA" -> "SHA256withECDSA";
      case "Ed25519", "EdDSA" -> "Ed25519";
      case "DSA" -> "SHA256withDSA";
      default -> throw new FunctionException("unsupported key type " + alg);
    };
  }

  private static Certificate buildCustomCert(String b64Cert, String b64Key) {
    byte[] cert;
    byte[] key;
    try {
      cert = Base64.getDecoder().decode(b64Cert);
    } catch (IllegalArgumentException e) {
      throw new FunctionException("unable to decode base64 certificate");
    }
    try {
      key = Base64.getDecoder().decode(b64Key);
    } catch (IllegalArgumentException e) {
      throw new FunctionException("unable to decode base64 private key");
    }
    String certText = new String(cert, StandardCharsets.UTF_8);
    String keyText = new String(key, StandardCharsets.UTF_8);
    if (!certText.contains("-----BEGIN")) {
      throw new FunctionException("unable to decode certificate");
    }
    parseCertificate(certText);
    parsePrivateKeyPem(keyText);
    return new Certificate(certText, keyText);
  }

  // --- passwords ---

  static String bcrypt(String input) {
    byte[] password = input.getBytes(StandardCharsets.UTF_8);
    if (password.length > 72) {
      // Helm compat: x/crypto refuses passwords over 72 bytes and Sprig prints the empty hash.
      return "";
    }
    byte[] salt = new byte[16];
    Lazy.RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2a", password, salt, 10);
  }

  static String htpasswd(String user, String password) {
    if (user.contains(":")) {
      return "invalid username: " + user;
    }
    return user + ":" + bcrypt(password);
  }

  // --- AES, Sprig's format: base64(IV || AES-256-CBC(PKCS#7 padded plaintext)), key zero-padded ---

  private static byte[] aesKey(String password) {
    return Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8), 32);
  }

  static String encryptAES(String password, String plaintext) {
    if (plaintext.isEmpty()) {
      return "";
    }
    try {
      byte[] iv = new byte[16];
      Lazy.RANDOM.nextBytes(iv);
      Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey(password), "AES"), new IvParameterSpec(iv));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(iv);
      out.write(c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
      return Base64.getEncoder().encodeToString(out.toByteArray());
    } catch (GeneralSecurityException | IOException e) {
      throw new FunctionException(e.getMessage());
    }
  }

  static String decryptAES(String password, String crypt64) {
    if (crypt64.isEmpty()) {
      return "";
    }
    byte[] crypt;
    try {
      crypt = Base64.getDecoder().decode(crypt64);
    } catch (IllegalArgumentException e) {
      throw new FunctionException("illegal base64 data at input byte " + illegalBase64Offset(crypt64));
    }
    // Go's DecodeString allocates DecodedLen(len) bytes, which is the capacity a panic reports.
    int capacity = crypt64.length() / 4 * 3;
    if (crypt.length < 16) {
      throw new FunctionException("runtime error: slice bounds out of range [:16] with capacity " + capacity);
    }
    int bodyLength = crypt.length - 16;
    if (bodyLength % 16 != 0) {
      throw new FunctionException("crypto/cipher: input not full blocks");
    }
    if (bodyLength == 0) {
      throw new FunctionException("runtime error: index out of range [-1]");
    }
    byte[] decrypted;
    try {
      Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey(password), "AES"),
          new IvParameterSpec(Arrays.copyOfRange(crypt, 0, 16)));
      decrypted = c.doFinal(crypt, 16, bodyLength);
    } catch (GeneralSecurityException e) {
      throw new FunctionException(e.getMessage());
    }
    int pad = decrypted[decrypted.length - 1] & 0xFF;
    int end = decrypted.length - pad;
    if (end < 0) {
      throw new FunctionException("runtime error: slice bounds out of range [:" + end + "]");
    }
    return new String(decrypted, 0, end, StandardCharsets.UTF_8);
  }

  private static int illegalBase64Offset(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
          || c == '=';
      if (!ok) {
        return i;
      }
    }
    return Math.max(s.length() - (s.length() % 4 == 0 ? 1 : s.length() % 4), 0);
  }
}
