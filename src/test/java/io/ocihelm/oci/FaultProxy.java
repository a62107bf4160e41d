package io.ocihelm.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of a registry that injects one scripted fault per matching request. It
 * handles one HTTP/1.1 request per connection (it asks both sides to close), so each fault hits
 * exactly one request.
 */
final class FaultProxy implements AutoCloseable {
  enum Fault {
    /** Answer 500 without asking the registry. */
    SERVER_ERROR,
    /** Answer 429 with {@code Retry-After: 1}. */
    TOO_MANY_REQUESTS,
    /** Reset the connection (RST) after reading the request. */
    RESET,
    /** Forward the response in small pieces with pauses. */
    SLOW,
    /** Forward the headers and half of the body, then close. */
    TRUNCATE,
    /** Forward everything with one body byte flipped. */
    TAMPER,
    /** Forward unchanged. */
    NONE
  }

  private final ServerSocket server;
  private final int upstreamPort;
  private final String pathFragment;
  private final Deque<Fault> script = new ConcurrentLinkedDeque<>();
  private volatile Fault always = Fault.NONE;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  final AtomicInteger matchingRequests = new AtomicInteger();

  /** Faults apply to requests whose path contains {@code pathFragment}; others pass through. */
  FaultProxy(int upstreamPort, String pathFragment) throws IOException {
    this.upstreamPort = upstreamPort;
    this.pathFragment = pathFragment;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.submit(this::acceptLoop);
  }

  String host() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** The next matching requests get these faults, in order; then {@link #always} applies. */
  void script(Fault... faults) {
    script.clear();
    script.addAll(java.util.List.of(faults));
  }

  void always(Fault fault) {
    always = fault;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.submit(() -> handle(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
      InputStream in = client.getInputStream();
      byte[] head = readHead(in);
      String headText = new String(head, StandardCharsets.ISO_8859_1);
      String requestLine = headText.substring(0, headText.indexOf("\r\n"));
      Fault fault = Fault.NONE;
      if (requestLine.contains(pathFragment)) {
        matchingRequests.incrementAndGet();
        Fault next = script.poll();
        fault = next != null ? next : always;
      }
      OutputStream out = client.getOutputStream();
      switch (fault) {
        case SERVER_ERROR -> {
          out.write(canned("500 Internal Server Error", ""));
          return;
        }
        case TOO_MANY_REQUESTS -> {
          out.write(canned("429 Too Many Requests", "Retry-After: 1\r\n"));
          return;
        }
        case RESET -> {
          client.setSoLinger(true, 0);
          return;
        }
        default -> { }
      }
      // Requests here have no body (GET/HEAD); force one exchange per connection.
      String forwarded = headText.replaceAll("(?im)^Connection:.*\r\n", "")
          .replaceFirst("\r\n\r\n$", "\r\nConnection: close\r\n\r\n");
      upstream.getOutputStream().write(forwarded.getBytes(StandardCharsets.ISO_8859_1));
      InputStream up = upstream.getInputStream();
      byte[] responseHead = readHead(up);
      byte[] body = up.readAllBytes();
      out.write(responseHead);
      switch (fault) {
        case TRUNCATE -> out.write(body, 0, body.length / 2);
        case TAMPER -> {
          if (body.length > 0) {
            body[body.length / 2] ^= 0x01;
          }
          out.write(body);
        }
        case SLOW -> {
          for (int off = 0; off < body.length; off += 16 * 1024) {
            out.write(body, off, Math.min(16 * 1024, body.length - off));
            out.flush();
            Thread.sleep(20);
          }
        }
        default -> out.write(body);
      }
      out.flush();
    } catch (IOException | InterruptedException | RuntimeException e) {
      // a fault or a client that went away: nothing to report from the proxy itself
    }
  }

  private static byte[] canned(String status, String extraHeaders) {
    return ("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n" + extraHeaders + "\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before end of headers");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
