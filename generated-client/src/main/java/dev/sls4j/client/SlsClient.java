package dev.sls4j.client;

import com.squareup.moshi.Moshi;
import dev.sls4j.client.model.ErrorResponse;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.CredentialsProvider;
import dev.sls4j.signing.RequestSigner;
import dev.sls4j.signing.SigningInterceptor;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * The entry point: one immutable client per endpoint and credentials, shared by the whole application and safe to
 * call from many threads. It hands out the generated API interfaces bound to a project:
 *
 * <pre>{@code
 * SlsClient client = SlsClient.builder()
 *     .endpoint("cn-hangzhou.log.aliyuncs.com")
 *     .credentialsProvider(CredentialsProvider.fromEnvironment())
 *     .build();
 * ConsumerGroupApi groups = client.create(ConsumerGroupApi.class, "my-project");
 * String requestId = groups.updateCheckPoint("my-logstore", "my-group", "consumer-1",
 *         UpdateCheckPointRequest.builder().shard(0).checkpoint(cursor).build(), null)
 *     .execute()
 *     .requestId();
 * }</pre>
 */
public final class SlsClient implements Closeable {
  /** The default User-Agent, {@code sls4j/<version> (Java <version>)}. */
  public static final String DEFAULT_USER_AGENT =
      "sls4j/" + sdkVersion() + " (Java " + System.getProperty("java.version") + ")";

  /** The protocol version every request declares in {@code x-log-apiversion}. */
  static final String API_VERSION = "0.6.0";

  private final Endpoint endpoint;
  private final OkHttpClient httpClient;
  private final SigningInterceptor signingInterceptor;
  private final String userAgent;
  private final Moshi moshi;
  private final ErrorAnswers errorAnswers;
  private final Retries retries;
  private final Deadlines deadlines;

  private SlsClient(Builder builder) {
    this.endpoint = Endpoint.parse(builder.endpoint);
    if (builder.credentialsProvider == null) {
      throw new IllegalStateException("credentialsProvider is required: use CredentialsProvider.fromEnvironment(), "
          + "CredentialsProvider.of(Credentials) or your own");
    }
    SkewCorrectingClock signingClock = new SkewCorrectingClock(builder.clock);
    this.signingInterceptor =
        SigningInterceptor.create(builder.signer, builder.credentialsProvider, signingClock);
    this.userAgent = builder.userAgent;
    this.moshi = new Moshi.Builder().build();
    this.errorAnswers = new ErrorAnswers(moshi.adapter(ErrorResponse.class));
    OkHttpClient.Builder http;
    if (builder.httpClient != null) {
      http = builder.httpClient.newBuilder();
    } else {
      Dispatcher dispatcher = new Dispatcher();
      // OkHttp's default of 5 concurrent calls per host would queue a busy consumer's async calls behind each other.
      dispatcher.setMaxRequestsPerHost(dispatcher.getMaxRequests());
      http = new OkHttpClient.Builder().dispatcher(dispatcher);
    }
    this.deadlines = new Deadlines(builder.callTimeout.toMillis());
    http
        .protocols(Collections.singletonList(Protocol.HTTP_1_1))
        .connectTimeout(builder.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(builder.writeTimeout.toMillis(), TimeUnit.MILLISECONDS)
        // Deadlines covers all attempts of a call, and the waits between them.
        .callTimeout(0, TimeUnit.MILLISECONDS)
        .addInterceptor(signingInterceptor);
    if (builder.callTimeout.isZero()) {
      // Without a deadline, OkHttp's own read timeout also bounds the TLS handshake and a proxy's CONNECT answer.
      http.readTimeout(builder.readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      http.readTimeout(0, TimeUnit.MILLISECONDS)
          .addNetworkInterceptor(new SocketReadTimeout((int) builder.readTimeout.toMillis()));
    }
    // A network interceptor sees the request as sent, each attempt: signed, with Host and Content-Length.
    if (builder.logging != null) http.addNetworkInterceptor(builder.logging);
    if (builder.proxy != null) http.proxy(builder.proxy);
    if (builder.sslSocketFactory != null) http.sslSocketFactory(builder.sslSocketFactory, builder.trustManager);
    boolean cleartextAllowed =
        builder.httpClient == null || builder.httpClient.connectionSpecs().contains(ConnectionSpec.CLEARTEXT);
    if (!endpoint.isHttps() && cleartextAllowed) {
      // With no TLS spec OkHttp sets up no TLS, and loading the trust store was a quarter of the time to the first
      // call. A base client that leaves out CLEARTEXT keeps refusing http:// as it was told to.
      http.connectionSpecs(Collections.singletonList(ConnectionSpec.CLEARTEXT));
    }
    this.httpClient = http.build();
    this.retries = new Retries(builder.retryPolicy, signingClock, errorAnswers);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * An implementation of a generated API interface (such as {@code ConsumerGroupApi}) whose calls go to
   * {@code project}. Cheap: the connection pool and threads are the client's, shared by every project.
   *
   * @throws IllegalArgumentException if {@code project} is not a valid project name
   */
  public <T> T create(Class<T> api, String project) {
    Objects.requireNonNull(api, "api == null");
    Endpoint.requireValidProject(project);
    if (!api.isInterface()) throw new IllegalArgumentException(api + " is not an interface");
    HttpUrl baseUrl = endpoint.baseUrl(project);
    Headers.Builder protocol = new Headers.Builder()
        .add("x-log-apiversion", API_VERSION)
        // The body is never compressed, so there is no raw size to declare; 0 is what the official SDKs send.
        .add("x-log-bodyrawsize", "0")
        .add("User-Agent", userAgent);
    String host = endpoint.hostHeader(project);
    if (host != null) protocol.add("Host", host);
    Headers protocolHeaders = protocol.build();
    // Each method is read on its first call: an application that makes one kind of call pays for one at start-up.
    ConcurrentMap<Method, Operation> operations = new ConcurrentHashMap<>();
    String description = api.getSimpleName() + " of project " + project;
    return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) return objectMethod(proxy, method, args, description);
      Operation operation = operations.get(method);
      if (operation == null) {
        operation = operations.computeIfAbsent(method, m -> Operation.parse(m, moshi, baseUrl, protocolHeaders));
      }
      return new HttpSlsCall<>(operation.request(args == null ? NO_ARGUMENTS : args), httpClient,
          operation, errorAnswers, retries, deadlines);
    }));
  }

  private static final Object[] NO_ARGUMENTS = new Object[0];

  private static Object objectMethod(Object proxy, Method method, Object[] args, String description) {
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return description;
      default:
        throw new UnsupportedOperationException(method.toString());
    }
  }

  /** Stops the client's threads and closes idle connections; calls made afterwards fail. */
  @Override
  public void close() {
    retries.shutdown();
    deadlines.close();
    httpClient.dispatcher().executorService().shutdown();
    httpClient.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "SlsClient{endpoint=" + endpoint + ", " + signingInterceptor + "}";
  }

  private static String sdkVersion() {
    Properties properties = new Properties();
    try (InputStream in = SlsClient.class.getResourceAsStream("sls4j.properties")) {
      if (in != null) properties.load(in);
    } catch (IOException ignored) {
      // The version only decorates the User-Agent; an unreadable resource must not stop the client.
    }
    return properties.getProperty("version", "unknown");
  }

  /** Configures an {@link SlsClient}; not thread-safe. */
  public static final class Builder {
    private String endpoint;
    private CredentialsProvider credentialsProvider;
    private RequestSigner signer = RequestSigner.v1();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ZERO;
    private Duration callTimeout = Duration.ofSeconds(60);
    private String userAgent = DEFAULT_USER_AGENT;
    private java.net.Proxy proxy;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private SSLSocketFactory sslSocketFactory;
    private X509TrustManager trustManager;
    private HttpLoggingInterceptor logging;
    private OkHttpClient httpClient;

    private Builder() {}

    /**
     * An OkHttp client to build on, sharing its connection pool, dispatcher, event listeners and interceptors (which
     * run before the SDK's, so they see requests unsigned). Timeouts, proxy and TLS set on this builder override the
     * base's, and connections are HTTP/1.1 whatever the base allows. For an {@code http://} endpoint the client
     * speaks cleartext only, unless the base's connection specs leave out {@link ConnectionSpec#CLEARTEXT}: then it
     * refuses the endpoint, as the base would. {@link SlsClient#close()} then stops the shared dispatcher and pool
     * too.
     */
    public Builder httpClient(OkHttpClient base) {
      this.httpClient = Objects.requireNonNull(base, "base == null");
      return this;
    }

    /**
     * The service endpoint of the project's region, e.g. {@code cn-hangzhou.log.aliyuncs.com} (https is implied),
     * {@code http://cn-hangzhou.log.aliyuncs.com}, {@code host:port}, or an IP address with a port. Required. A client
     * for an {@code http://} endpoint sets up no TLS at all (no trust store is loaded), so it starts sooner.
     */
    public Builder endpoint(String endpoint) {
      Endpoint.parse(endpoint);
      this.endpoint = endpoint;
      return this;
    }

    /** Where each request's credentials come from. Required. */
    public Builder credentialsProvider(CredentialsProvider credentialsProvider) {
      this.credentialsProvider = Objects.requireNonNull(credentialsProvider, "credentialsProvider == null");
      return this;
    }

    /** Fixed credentials; shorthand for {@code credentialsProvider(CredentialsProvider.of(credentials))}. */
    public Builder credentials(Credentials credentials) {
      return credentialsProvider(CredentialsProvider.of(credentials));
    }

    /** The signature version: {@link RequestSigner#v1()} (the default) or {@link RequestSigner#v4(String)}. */
    public Builder signer(RequestSigner signer) {
      this.signer = Objects.requireNonNull(signer, "signer == null");
      return this;
    }

    /** Time to establish a connection; default 10 s, zero for none. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = requireTimeout(timeout, "connectTimeout");
      return this;
    }

    /**
     * Longest wait for the next bytes of an answer; default 30 s, zero for none. Enforced by the socket itself
     * ({@code SO_TIMEOUT}); with a {@link #callTimeout} the deadline bounds the TLS handshake and a proxy's tunnel.
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = requireTimeout(timeout, "readTimeout");
      return this;
    }

    /**
     * Longest wait to write the next bytes of a request; default zero, none: these requests are small enough for the
     * socket's buffer, so a write waits only on a connection that is already lost, and {@link #callTimeout}, if
     * any, bounds that. A write timeout costs a wake-up of OkHttp's watchdog thread per request.
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = requireTimeout(timeout, "writeTimeout");
      return this;
    }

    /**
     * The deadline of a whole call, from connecting to reading the answer, retries and their waits included; default
     * 60 s, zero for none. A server that hangs cannot hold a caller longer.
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = requireTimeout(timeout, "callTimeout");
      return this;
    }

    /** The User-Agent header; default {@link #DEFAULT_USER_AGENT}. */
    public Builder userAgent(String userAgent) {
      Objects.requireNonNull(userAgent, "userAgent == null");
      if (userAgent.trim().isEmpty()) throw new IllegalArgumentException("userAgent must not be blank");
      this.userAgent = userAgent;
      return this;
    }

    /**
     * An HTTP proxy for every request. Without one, the JVM's proxy settings apply ({@code -Dhttp.proxyHost},
     * {@code -Dhttps.proxyHost}, ...), as OkHttp does by default.
     */
    public Builder proxy(java.net.Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy == null");
      return this;
    }

    /** How transient failures are retried; {@link RetryPolicy#defaults()} unless set, {@link RetryPolicy#none()} to stop. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Trusts the certificates that {@code trustManager} trusts, for an endpoint behind a private certificate authority.
     * Host names are still verified; there is no way to turn verification off.
     */
    public Builder tls(SSLSocketFactory sslSocketFactory, X509TrustManager trustManager) {
      this.sslSocketFactory = Objects.requireNonNull(sslSocketFactory, "sslSocketFactory == null");
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager == null");
      return this;
    }

    /**
     * Logs each attempt's request and answer to {@code logger} at {@code level} (OkHttp's logging interceptor), with
     * {@code Authorization} and {@code x-acs-security-token} redacted.
     */
    public Builder httpLogging(HttpLoggingInterceptor.Logger logger, HttpLoggingInterceptor.Level level) {
      HttpLoggingInterceptor interceptor = new HttpLoggingInterceptor(Objects.requireNonNull(logger, "logger == null"));
      interceptor.setLevel(Objects.requireNonNull(level, "level == null"));
      interceptor.redactHeader("Authorization");
      interceptor.redactHeader("x-acs-security-token");
      this.logging = interceptor;
      return this;
    }

    /** The clock that dates signatures; the system clock by default. Tests fix it to reproduce known requests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException if the endpoint or the credentials provider was not set
     */
    public SlsClient build() {
      if (endpoint == null) {
        throw new IllegalStateException("endpoint is required, e.g. cn-hangzhou.log.aliyuncs.com");
      }
      return new SlsClient(this);
    }

    private static Duration requireTimeout(Duration timeout, String name) {
      Objects.requireNonNull(timeout, name + " == null");
      if (timeout.isNegative()) throw new IllegalArgumentException(name + " must not be negative, was " + timeout);
      if (timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
        throw new IllegalArgumentException(name + " must be at most " + Integer.MAX_VALUE + " ms, was " + timeout);
      }
      return timeout;
    }
  }
}
