package io.ocihelm.oci;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 content digests ({@code sha256:<hex>}) and streamed verification against them. */
public final class ContentDigest {
  private ContentDigest() {}

  public static String sha256(byte[] content) {
    return "sha256:" + HexFormat.of().formatHex(newSha256().digest(content));
  }

  /**
   * Reads {@code in} to the end, refusing more than {@code limit} bytes, and checks the result
   * against {@code expectedDigest} and {@code expectedSize} (-1: unknown). Nothing is returned
   * unless it verified.
   *
   * @throws DigestMismatchException on a wrong size or digest
   * @throws IOException when the stream breaks off (a retry may help)
   */
  static byte[] readVerified(InputStream in, String expectedDigest, long expectedSize, long limit, String what)
      throws IOException {
    if (!expectedDigest.startsWith("sha256:")) {
      throw new UnsupportedArtifactException(what + ": unsupported digest algorithm in " + expectedDigest);
    }
    long cap = expectedSize >= 0 ? Math.min(expectedSize, limit) : limit;
    if (expectedSize > limit) {
      throw new UnsupportedArtifactException(what + " is " + expectedSize + " bytes, over the limit of " + limit);
    }
    byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
    if (content.length > cap) {
      if (expectedSize >= 0 && expectedSize <= limit) {
        throw new DigestMismatchException(what + ": more bytes than the " + expectedSize + " announced");
      }
      throw new UnsupportedArtifactException(what + " exceeds the limit of " + limit + " bytes");
    }
    if (expectedSize >= 0 && content.length != expectedSize) {
      // A connection closed early looks like a clean end of stream: retry it like a reset.
      throw new IOException(what + ": got " + content.length + " of " + expectedSize + " bytes");
    }
    String actual = sha256(content);
    if (!actual.equals(expectedDigest)) {
      throw new DigestMismatchException(what + ": content has digest " + actual + ", expected " + expectedDigest);
    }
    return content;
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
