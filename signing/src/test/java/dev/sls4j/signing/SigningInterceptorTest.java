package dev.sls4j.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SigningInterceptorTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T13:59:05Z"), ZoneOffset.UTC);
  private MockWebServer server;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private HttpUrl url(String pathAndQuery) {
    return HttpUrl.get("http://127.0.0.1:" + server.getPort() + pathAndQuery);
  }

  @Test
  void signsWhatIsSentWithTheHostHeaderOkHttpWillSend() throws Exception {
    SignableRequest[] seen = new SignableRequest[1];
    RequestSigner recording = (request, credentials, now) -> {
      seen[0] = request;
      return RequestSigner.v1().sign(request, credentials, now);
    };
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(SigningInterceptor.create(recording, CredentialsProvider.of(Credentials.of("ak", "sk")), CLOCK))
        .build();
    server.enqueue(new MockResponse(200, Headers.of(), "{}"));

    Request request = new Request.Builder()
        .url(url("/logstores/ls/consumergroups/g?type=checkpoint&consumer=a%20b&flag"))
        .post(RequestBody.create("{\"shard\":1}", MediaType.get("application/json")))
        .header("x-log-apiversion", "0.6.0")
        .build();
    try (Response response = client.newCall(request).execute()) {
      assertEquals(200, response.code());
    }

    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("127.0.0.1:" + server.getPort(), seen[0].host());
    assertEquals(recorded.getHeaders().get("Host"), seen[0].host());
    assertEquals("a b", seen[0].queryParameters().get(1).value());
    assertEquals("", seen[0].queryParameters().get(2).value());
    assertEquals("application/json; charset=utf-8", seen[0].header("content-type"));
    assertEquals(recorded.getHeaders().get("Content-Type"), seen[0].header("content-type"));
    assertEquals("{\"shard\":1}", recorded.getBody().utf8());
    assertEquals("Sun, 29 Nov 2026 13:59:05 GMT", recorded.getHeaders().get("Date"));
    assertTrue(recorded.getHeaders().get("Authorization").startsWith("LOG ak:"));
  }

  @Test
  void explicitHostHeaderIsTheOneSigned() throws Exception {
    SignableRequest[] seen = new SignableRequest[1];
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(SigningInterceptor.create((request, credentials, now) -> {
          seen[0] = request;
          return RequestSigner.v4("cn-hangzhou").sign(request, credentials, now);
        }, CredentialsProvider.of(Credentials.of("ak", "sk")), CLOCK))
        .build();
    server.enqueue(new MockResponse(200, Headers.of(), ""));

    client.newCall(new Request.Builder().url(url("/logstores")).header("Host", "proj.example:8080").build())
        .execute().close();

    assertEquals("proj.example:8080", seen[0].host());
    assertEquals("proj.example:8080", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Host"));
  }

  @Test
  void credentialsAreResolvedForEveryRequest() throws Exception {
    AtomicInteger rotation = new AtomicInteger();
    CredentialsProvider rotating = () -> Credentials.of("key" + rotation.incrementAndGet(), "secret");
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(SigningInterceptor.create(RequestSigner.v1(), rotating, CLOCK))
        .build();
    server.enqueue(new MockResponse(200, Headers.of(), ""));
    server.enqueue(new MockResponse(200, Headers.of(), ""));

    client.newCall(new Request.Builder().url(url("/a")).build()).execute().close();
    client.newCall(new Request.Builder().url(url("/a")).build()).execute().close();

    assertTrue(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization").startsWith("LOG key1:"));
    assertTrue(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization").startsWith("LOG key2:"));
  }

  @Test
  void aRequestWithoutBodyIsSignedWithoutOne() throws Exception {
    SignableRequest[] seen = new SignableRequest[1];
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(SigningInterceptor.create((request, credentials, now) -> {
          seen[0] = request;
          return RequestSigner.v1().sign(request, credentials, now);
        }, CredentialsProvider.of(Credentials.of("ak", "sk")), CLOCK))
        .build();
    server.enqueue(new MockResponse(200, Headers.of(), ""));

    client.newCall(new Request.Builder().url(url("/logstores")).delete().build()).execute().close();

    assertEquals(0, seen[0].bodyLength());
    assertEquals(null, seen[0].header("Content-Type"));
    assertEquals(0, server.takeRequest(5, TimeUnit.SECONDS).getBodySize());
  }

  @Test
  void aOneShotBodyCannotBeSigned() {
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(SigningInterceptor.create(RequestSigner.v1(), CredentialsProvider.of(Credentials.of("a", "b"))))
        .build();
    RequestBody oneShot = new RequestBody() {
      @Override
      public MediaType contentType() {
        return null;
      }

      @Override
      public void writeTo(okio.BufferedSink sink) {
        throw new AssertionError("must not be read");
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.newCall(
        new Request.Builder().url(url("/a")).post(oneShot).build()).execute());
    assertTrue(e.getMessage().startsWith("cannot sign a duplex or one-shot request body"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void providerReturningNullFailsClearly() {
    OkHttpClient client = new OkHttpClient.Builder()
        .addInterceptor(SigningInterceptor.create(RequestSigner.v1(), () -> null, CLOCK))
        .build();

    CredentialsUnavailableException e = assertThrows(CredentialsUnavailableException.class,
        () -> client.newCall(new Request.Builder().url(url("/a")).build()).execute());
    assertTrue(e.getMessage().endsWith("returned null credentials"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }
}
