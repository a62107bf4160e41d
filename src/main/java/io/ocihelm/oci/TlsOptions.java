package io.ocihelm.oci;

/**
 * How to talk to one registry: plain HTTP, or TLS with the system trust store plus an optional
 * extra CA, an optional client certificate (mTLS), or no verification at all.
 *
 * @param caPem extra trusted CA certificates (PEM), added to the system trust; null for none
 * @param clientCertPem client certificate chain (PEM) for mTLS; null for none
 * @param clientKeyPem the client certificate's private key (PEM, PKCS#1/PKCS#8/EC)
 */
public record TlsOptions(
    boolean plainHttp,
    boolean insecureSkipVerify,
    String caPem,
    String clientCertPem,
    String clientKeyPem) {

  public static final TlsOptions DEFAULT = new TlsOptions(false, false, null, null, null);
  public static final TlsOptions PLAIN_HTTP = new TlsOptions(true, false, null, null, null);

  /**
   * Builds the TLS context once to prove the PEM material is usable, so a bad CA or key pair is
   * reported where it was configured rather than at the first request.
   *
   * @throws InvalidReferenceException naming what is wrong (never the key material)
   */
  public TlsOptions requireUsable() {
    if (!plainHttp) {
      SslContextFactory.create(this);
    }
    return this;
  }

  public String scheme() {
    return plainHttp ? "http" : "https";
  }

  @Override
  public String toString() {
    return "TlsOptions[plainHttp=" + plainHttp + ", insecureSkipVerify=" + insecureSkipVerify
        + ", extraCa=" + (caPem != null) + ", clientCert=" + (clientCertPem != null) + "]";
  }
}
