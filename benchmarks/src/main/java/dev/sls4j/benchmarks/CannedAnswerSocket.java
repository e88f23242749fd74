package dev.sls4j.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.net.SocketFactory;

/**
 * A socket with nothing behind it: each HTTP/1.1 request written to it is answered at once with {@code 200 {}}, as the
 * benchmark's nginx answers. With it a JMH benchmark measures a whole call, client side only, without the noise of a
 * server and a scheduler sharing two cores. Requests must be whole before their answer is read, as an HTTP/1.1 client
 * writes them; reading with no request to answer fails instead of blocking.
 */
final class CannedAnswerSocket extends Socket {
  static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nServer: canned\r\nContent-Type: application/json\r\n"
      + "Content-Length: 2\r\nConnection: keep-alive\r\nx-log-requestid: 5B0A6B60BB6EE39764D458B5\r\n\r\n{}")
      .getBytes(StandardCharsets.US_ASCII);

  /** Connects nothing: every socket it makes answers by itself. */
  static final SocketFactory FACTORY = new SocketFactory() {
    @Override
    public Socket createSocket() {
      return new CannedAnswerSocket();
    }

    @Override
    public Socket createSocket(String host, int port) {
      return new CannedAnswerSocket();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
      return new CannedAnswerSocket();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
      return new CannedAnswerSocket();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
      return new CannedAnswerSocket();
    }
  };

  private byte[] head = new byte[2048];
  private int headSize;
  private long bodyLeft = -1; // -1 while reading a request's head
  private int answersOwed;
  private int answerPosition;
  private boolean connected;

  @Override
  public void connect(SocketAddress endpoint, int timeout) {
    connected = true;
  }

  @Override
  public boolean isConnected() {
    return connected;
  }

  @Override
  public InputStream getInputStream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] into, int offset, int length) throws IOException {
        return answer(into, offset, length);
      }
    };
  }

  @Override
  public OutputStream getOutputStream() {
    return new OutputStream() {
      @Override
      public void write(int b) {
        take(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] from, int offset, int length) {
        take(from, offset, length);
      }
    };
  }

  private synchronized int answer(byte[] into, int offset, int length) throws IOException {
    if (length == 0) return 0;
    if (answersOwed == 0) throw new IOException("read with no request to answer");
    int count = Math.min(length, ANSWER.length - answerPosition);
    System.arraycopy(ANSWER, answerPosition, into, offset, count);
    answerPosition += count;
    if (answerPosition == ANSWER.length) {
      answerPosition = 0;
      answersOwed--;
    }
    return count;
  }

  /** Follows requests through their heads and bodies, and owes an answer for each one that is complete. */
  private synchronized void take(byte[] from, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < end; ) {
      if (bodyLeft < 0) {
        if (headSize == head.length) head = Arrays.copyOf(head, headSize * 2);
        head[headSize++] = from[i++];
        if (headSize >= 4 && head[headSize - 1] == '\n' && head[headSize - 2] == '\r'
            && head[headSize - 3] == '\n' && head[headSize - 4] == '\r') {
          bodyLeft = contentLength(new String(head, 0, headSize, StandardCharsets.ISO_8859_1));
          headSize = 0;
          if (bodyLeft == 0) completeRequest();
        }
      } else {
        int skipped = (int) Math.min(bodyLeft, end - i);
        i += skipped;
        bodyLeft -= skipped;
        if (bodyLeft == 0) completeRequest();
      }
    }
  }

  private void completeRequest() {
    bodyLeft = -1;
    answersOwed++;
  }

  private static long contentLength(String head) {
    String name = "\r\ncontent-length:";
    for (int at = head.indexOf('\r'); at >= 0; at = head.indexOf('\r', at + 1)) {
      if (head.regionMatches(true, at, name, 0, name.length())) {
        int valueStart = at + name.length();
        return Long.parseLong(head.substring(valueStart, head.indexOf('\r', valueStart)).trim());
      }
    }
    return 0;
  }
}
