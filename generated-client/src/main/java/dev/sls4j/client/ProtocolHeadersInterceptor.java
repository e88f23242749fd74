package dev.sls4j.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds the headers every SLS request carries; runs before signing, since most of them are signed. */
final class ProtocolHeadersInterceptor implements Interceptor {
  static final String API_VERSION = "0.6.0";

  private final String userAgent;
  private final String hostHeader;

  /** {@code hostHeader} null keeps the Host that OkHttp derives from the URL. */
  ProtocolHeadersInterceptor(String userAgent, String hostHeader) {
    this.userAgent = userAgent;
    this.hostHeader = hostHeader;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request.Builder request = chain.request().newBuilder()
        .header("x-log-apiversion", API_VERSION)
        // The body is never compressed, so there is no raw size to declare; 0 is what the official SDKs send.
        .header("x-log-bodyrawsize", "0")
        .header("User-Agent", userAgent);
    if (hostHeader != null) request.header("Host", hostHeader);
    return chain.proceed(request.build());
  }
}
