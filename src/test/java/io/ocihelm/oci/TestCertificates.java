package io.ocihelm.oci;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throwaway CA issuing a server certificate for 127.0.0.1 and a client certificate, as PEM. */
final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(1);

  record Issued(X509Certificate certificate, KeyPair keys) {
    String certificatePem() {
      return pem(certificate);
    }

    /** PKCS#8 ("PRIVATE KEY"), what openssl genpkey and most tools write today. */
    String privateKeyPem() {
      try {
        return pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null).generate());
      } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  final Issued ca;

  TestCertificates() throws Exception {
    KeyPair keys = keyPair();
    X500Name name = new X500Name("CN=ocihelm test CA");
    org.bouncycastle.cert.X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), from(), to(), name, keys.getPublic())
        .addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca = new Issued(sign(builder, keys), keys);
  }

  Issued issue(String commonName, boolean serverFor127) throws Exception {
    KeyPair keys = keyPair();
    org.bouncycastle.cert.X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=ocihelm test CA"), serial(), from(), to(),
        new X500Name("CN=" + commonName), keys.getPublic());
    if (serverFor127) {
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    }
    return new Issued(sign(builder, ca.keys()), keys);
  }

  /** Server-side context presenting {@code server}; requires a client certificate from this CA when asked. */
  SSLContext serverContext(Issued server) throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    keyStore.setKeyEntry("server", server.keys().getPrivate(), new char[0],
        new java.security.cert.Certificate[] {server.certificate(), ca.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore, new char[0]);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    return g.generateKeyPair();
  }

  private static X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder builder, KeyPair signer) throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.getAndIncrement());
  }

  private static Date from() {
    return Date.from(Instant.now().minus(Duration.ofHours(1)));
  }

  private static Date to() {
    return Date.from(Instant.now().plus(Duration.ofDays(1)));
  }

  private static String pem(Object o) {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(o);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return w.toString();
  }
}
