package io.ocihelm.oci;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** Builds the {@link SSLContext} for a registry from its {@link TlsOptions}. */
final class SslContextFactory {
  private SslContextFactory() {}

  static SSLContext create(TlsOptions options) {
    try {
      TrustManager trust;
      if (options.insecureSkipVerify()) {
        trust = new TrustEverything();
      } else if (options.caPem() != null) {
        trust = new SystemThenExtra(trustManager(null), trustManager(caStore(options.caPem())));
      } else {
        trust = trustManager(null);
      }
      KeyManager[] keys = null;
      if (options.clientCertPem() != null) {
        keys = keyManagers(options.clientCertPem(), options.clientKeyPem());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidReferenceException("invalid TLS settings: " + e.getMessage());
    }
  }

  private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    for (TrustManager tm : f.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X509 trust manager available");
  }

  private static KeyStore caStore(String pem) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    int i = 0;
    for (Certificate cert : certificates(pem)) {
      store.setCertificateEntry("ca-" + i++, cert);
    }
    if (i == 0) {
      throw new GeneralSecurityException("CA file holds no certificate");
    }
    return store;
  }

  private static Collection<? extends Certificate> certificates(String pem) throws CertificateException {
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static KeyManager[] keyManagers(String certPem, String keyPem)
      throws GeneralSecurityException, IOException {
    if (keyPem == null) {
      throw new GeneralSecurityException("client certificate given without its key");
    }
    PrivateKey key;
    try (PEMParser parser = new PEMParser(new StringReader(keyPem))) {
      Object parsed = parser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (parsed instanceof PEMKeyPair pair) {
        // Only the private half: an EC key written without its public point has none to convert.
        key = converter.getPrivateKey(pair.getPrivateKeyInfo());
      } else if (parsed instanceof PrivateKeyInfo info) {
        key = converter.getPrivateKey(info);
      } else {
        throw new GeneralSecurityException("client key is not an unencrypted PEM private key");
      }
    }
    List<Certificate> chain = new ArrayList<>(certificates(certPem));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] none = new char[0];
    store.setKeyEntry("client", key, none, chain.toArray(Certificate[]::new));
    KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    f.init(store, none);
    return f.getKeyManagers();
  }

  /**
   * System trust first, then the extra CA. Both are JSSE trust managers, so host name verification
   * still happens in whichever accepts the chain.
   */
  private static final class SystemThenExtra extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager system;
    private final X509ExtendedTrustManager extra;

    SystemThenExtra(X509ExtendedTrustManager system, X509ExtendedTrustManager extra) {
      this.system = system;
      this.extra = extra;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      try {
        system.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException notSystemTrusted) {
        extra.checkServerTrusted(chain, authType, engine);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      try {
        system.checkServerTrusted(chain, authType, socket);
      } catch (CertificateException notSystemTrusted) {
        extra.checkServerTrusted(chain, authType, socket);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      try {
        system.checkServerTrusted(chain, authType);
      } catch (CertificateException notSystemTrusted) {
        extra.checkServerTrusted(chain, authType);
      }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("client certificates are not accepted here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("client certificates are not accepted here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
      throw new CertificateException("client certificates are not accepted here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      List<X509Certificate> all = new ArrayList<>(List.of(system.getAcceptedIssuers()));
      all.addAll(List.of(extra.getAcceptedIssuers()));
      return all.toArray(X509Certificate[]::new);
    }
  }

  /**
   * insecureSkipVerify: accepts any chain. Being an X509ExtendedTrustManager, it also stands in for
   * JSSE's host name check, which is what the user asked to skip.
   */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
