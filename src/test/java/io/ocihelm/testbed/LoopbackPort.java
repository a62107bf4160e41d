package io.ocihelm.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1, the only address the test bed listens on. */
final class LoopbackPort {

  private LoopbackPort() {}

  /**
   * A port that was free a moment ago. The kernel hands out ephemeral ports round-robin, so the
   * window in which another process takes it before our server binds is tiny.
   */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }
}
