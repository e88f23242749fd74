package dev.sls4j.signing;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * An OkHttp application interceptor that signs every request it sees with a {@link RequestSigner}.
 *
 * <p>Install it after any interceptor that adds or changes headers, query or body, since it signs the request as it
 * reaches it. Every pass through it signs anew, so an interceptor before it that retries gets a fresh date each time.
 * Thread-safe.
 */
public final class SigningInterceptor implements Interceptor {
  private final RequestSigner signer;
  private final CredentialsProvider credentialsProvider;
  private final Clock clock;

  private SigningInterceptor(RequestSigner signer, CredentialsProvider credentialsProvider, Clock clock) {
    this.signer = Objects.requireNonNull(signer, "signer == null");
    this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Signs with the system clock. */
  public static SigningInterceptor create(RequestSigner signer, CredentialsProvider credentialsProvider) {
    return new SigningInterceptor(signer, credentialsProvider, Clock.systemUTC());
  }

  /** Signs with {@code clock}: a fixed clock reproduces known signatures. */
  public static SigningInterceptor create(
      RequestSigner signer, CredentialsProvider credentialsProvider, Clock clock) {
    return new SigningInterceptor(signer, credentialsProvider, clock);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestBody body = request.body();
    byte[] bodyBytes = bodyBytes(body);

    HttpUrl url = request.url();
    String host = request.header("Host");
    SignableRequest.Builder signable = SignableRequest.builder()
        .method(request.method())
        .host(host != null ? host : hostHeader(url))
        .encodedPath(url.encodedPath())
        .body(bodyBytes);
    for (int i = 0; i < url.querySize(); i++) {
      signable.addQueryParameter(url.queryParameterName(i), url.queryParameterValue(i));
    }
    Headers headers = request.headers();
    for (int i = 0; i < headers.size(); i++) signable.header(headers.name(i), headers.value(i));
    // Retrofit puts Content-Type on the body; OkHttp turns it into the header that is sent and signed.
    MediaType contentType = body != null ? body.contentType() : null;
    if (contentType != null) signable.header("Content-Type", contentType.toString());

    Credentials credentials;
    try {
      credentials = credentialsProvider.resolveCredentials();
    } catch (RuntimeException e) {
      // An IOException fails this call the way OkHttp fails calls, synchronous or not, instead of its thread.
      throw new CredentialsUnavailableException(credentialsProvider + " failed: " + e.getMessage(), e);
    }
    if (credentials == null) {
      throw new CredentialsUnavailableException(credentialsProvider + " returned null credentials", null);
    }
    SigningResult result = signer.sign(signable.build(), credentials, clock.instant());

    Request.Builder signed = request.newBuilder();
    for (int i = 0; i < result.headerCount(); i++) signed.header(result.headerName(i), result.headerValue(i));
    if (body != null) {
      // Send exactly the bytes that were hashed, even if the original body would write differently twice.
      signed.method(request.method(), RequestBody.create(bodyBytes, contentType));
    }
    return chain.proceed(signed.build());
  }

  private static byte[] bodyBytes(RequestBody body) throws IOException {
    if (body == null) return null;
    if (body.isDuplex() || body.isOneShot()) {
      throw new IllegalArgumentException("cannot sign a duplex or one-shot request body: its bytes must be hashed "
          + "before it is sent");
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return buffer.readByteArray();
  }

  /** The Host header OkHttp will send: the port appears only when it is not the scheme's default. */
  static String hostHeader(HttpUrl url) {
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }

  @Override
  public String toString() {
    return "SigningInterceptor{" + signer + ", " + credentialsProvider + "}";
  }
}
