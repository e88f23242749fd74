package dev.sls4j.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Bounds every wait for an answer's bytes with the socket's own timeout ({@code SO_TIMEOUT}), which the kernel enforces
 * as part of the read. OkHttp enforces its read timeout with Okio's watchdog thread too, and wakes that thread for each
 * read; the client gives OkHttp none and sets it here instead. A network interceptor, so it runs for every attempt on
 * the connection the attempt got, after OkHttp has set that socket's timeout to its own (none). Connections are
 * HTTP/1.1 only, so the socket is this exchange's alone.
 */
final class SocketReadTimeout implements Interceptor {
  private final int timeoutMillis;

  SocketReadTimeout(int timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    chain.connection().socket().setSoTimeout(timeoutMillis);
    return chain.proceed(chain.request());
  }
}
