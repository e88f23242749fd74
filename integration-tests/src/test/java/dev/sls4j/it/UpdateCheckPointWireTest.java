package dev.sls4j.it;

import static dev.sls4j.it.Fixtures.ACCESS_KEY_ID;
import static dev.sls4j.it.Fixtures.ACCESS_KEY_SECRET;
import static dev.sls4j.it.Fixtures.GROUP;
import static dev.sls4j.it.Fixtures.LOGSTORE;
import static dev.sls4j.it.Fixtures.PROJECT;
import static dev.sls4j.it.Fixtures.REGION;
import static dev.sls4j.it.Fixtures.STS_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sls4j.client.SlsClient;
import dev.sls4j.client.SlsClientException;
import dev.sls4j.client.SlsResponse;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** UpdateCheckPoint from the generated interface to the bytes the server receives. */
class UpdateCheckPointWireTest {
  @RegisterExtension final LocalServer server = new LocalServer();
  private static final String BODY = "{\"checkpoint\":\"MTUyNDE1NTM3OTM3MzkwODQ5Ng==\",\"shard\":0}";
  private static final Credentials KEYS = Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET);
  private static final Credentials STS_KEYS = Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET, STS_TOKEN);

  private final SignatureVerifier verifier = new SignatureVerifier(ACCESS_KEY_ID, ACCESS_KEY_SECRET);

  @Test
  void v1RequestIsExactlyWhatTheServiceExpects() throws Exception {
    SlsClient client = server.register(Fixtures.clientFor(server, RequestSigner.v1(), KEYS));
    server.enqueue(Fixtures.ok("5B0A6B60BB6EE39764D458B5"));

    SlsResponse<Void> response = Fixtures.api(client)
        .updateCheckPoint(LOGSTORE, GROUP, "consumer_1", Fixtures.checkpoint(0), false)
        .execute();

    assertEquals("5B0A6B60BB6EE39764D458B5", response.requestId());
    assertEquals(200, response.httpStatus());
    RecordedRequest request = server.takeRequest();
    assertEquals("POST /logstores/ali-test-logstore/consumergroups/consumer_group_test"
        + "?type=checkpoint&consumer=consumer_1&forceSuccess=false HTTP/1.1", request.getRequestLine());
    assertEquals(BODY, request.getBody().string(StandardCharsets.UTF_8));
    Map<String, String> expected = new TreeMap<>(Map.of(
        "host", PROJECT + ".127.0.0.1:" + server.port(),
        "content-type", "application/json",
        "content-length", "55",
        "content-md5", "855B0BAAFFC8511BBEE987BBD9D3292E",
        "date", "Sun, 29 Nov 2026 13:59:05 GMT",
        "x-log-apiversion", "0.6.0",
        "x-log-bodyrawsize", "0",
        "x-log-signaturemethod", "hmac-sha1",
        "user-agent", Fixtures.USER_AGENT));
    expected.put("connection", "Keep-Alive");
    expected.put("accept-encoding", "gzip");
    expected.put("authorization", request.getHeaders().get("Authorization"));
    assertEquals(expected, singleValued(request));
    verifier.assertValidV1(request);
  }

  @Test
  void v4RequestCarriesContentHashAndDateInsteadOfDateAndMd5() throws Exception {
    SlsClient client = server.register(Fixtures.clientFor(server, RequestSigner.v4(REGION), KEYS));
    server.enqueue(Fixtures.ok("REQ-V4"));

    Fixtures.api(client).updateCheckPoint(LOGSTORE, GROUP, "consumer_1", Fixtures.checkpoint(0), false).execute();

    RecordedRequest request = server.takeRequest();
    Map<String, String> headers = singleValued(request);
    assertEquals("20261129T135905Z", headers.get("x-log-date"));
    assertEquals("523d78f2f5c23de60ec7e7c9e8a33ad4ac283dff403ece6a6bde820e9d7a12f2",
        headers.get("x-log-content-sha256"));
    assertFalse(headers.containsKey("date"));
    assertFalse(headers.containsKey("content-md5"));
    assertFalse(headers.containsKey("x-log-signaturemethod"));
    assertEquals(BODY, request.getBody().string(StandardCharsets.UTF_8));
    verifier.assertValidV4(request, REGION);
  }

  @Test
  void forcedUpdateWithoutConsumerSendsEmptyConsumerAndForceSuccess() throws Exception {
    SlsClient client = server.register(Fixtures.clientFor(server, RequestSigner.v1(), KEYS));
    server.enqueue(Fixtures.ok("REQ-FORCE"));

    Fixtures.api(client).updateCheckPoint(LOGSTORE, GROUP, "", Fixtures.checkpoint(3), true).execute();

    RecordedRequest request = server.takeRequest();
    assertEquals("POST /logstores/ali-test-logstore/consumergroups/consumer_group_test"
        + "?type=checkpoint&consumer=&forceSuccess=true HTTP/1.1", request.getRequestLine());
    assertEquals("{\"checkpoint\":\"MTUyNDE1NTM3OTM3MzkwODQ5Ng==\",\"shard\":3}",
        request.getBody().string(StandardCharsets.UTF_8));
    verifier.assertValidV1(request);
  }

  @Test
  void omittedForceSuccessIsNotSent() throws Exception {
    SlsClient client = server.register(Fixtures.clientFor(server, RequestSigner.v1(), KEYS));
    server.enqueue(Fixtures.ok("REQ"));

    Fixtures.api(client).updateCheckPoint(LOGSTORE, GROUP, "consumer_1", Fixtures.checkpoint(0), null).execute();

    RecordedRequest request = server.takeRequest();
    assertEquals("/logstores/ali-test-logstore/consumergroups/consumer_group_test?type=checkpoint&consumer=consumer_1",
        request.getTarget());
    verifier.assertValidV1(request);
  }

  static Stream<Arguments> awkwardConsumers() {
    List<String> consumers = List.of("host 1", "a/b", "k&v", "x=y", "1+1", "worker@host-7", "消费者-ü",
        "emoji 😀 ~*'()!", "%41 literal percent");
    return Stream.of(false, true).flatMap(v4 -> Stream.of(false, true).flatMap(sts ->
        consumers.stream().map(consumer -> Arguments.of(v4 ? "v4" : "v1", sts, consumer))));
  }

  @ParameterizedTest(name = "{0} sts={1} consumer={2}")
  @MethodSource("awkwardConsumers")
  void anyConsumerNameArrivesIntactAndVerifies(String version, boolean sts, String consumer) throws Exception {
    RequestSigner signer = version.equals("v4") ? RequestSigner.v4(REGION) : RequestSigner.v1();
    SlsClient client = server.register(Fixtures.clientFor(server, signer, sts ? STS_KEYS : KEYS));
    server.enqueue(Fixtures.ok("REQ"));

    Fixtures.api(client).updateCheckPoint(LOGSTORE, GROUP, consumer, Fixtures.checkpoint(1), false).execute();

    RecordedRequest request = server.takeRequest();
    assertEquals(consumer, request.getUrl().queryParameter("consumer"), "as the server decodes it");
    assertFalse(request.getTarget().matches(".*consumer=[^&]*[ +@/=].*"), "encoded on the wire: " + request.getTarget());
    if (sts) {
      assertEquals(STS_TOKEN, request.getHeaders().get("x-acs-security-token"));
    } else {
      assertNull(request.getHeaders().get("x-acs-security-token"));
    }
    if (version.equals("v4")) {
      verifier.assertValidV4(request, REGION);
    } else {
      verifier.assertValidV1(request);
    }
  }

  @Test
  void domainEndpointPutsProjectInFrontOfTheHost() throws Exception {
    SlsClient client = server.register(SlsClient.builder()
        .endpoint("http://cn-hangzhou.log.aliyuncs.com")
        .credentials(KEYS)
        .proxy(server.proxy()));
    server.enqueue(Fixtures.ok("REQ-PROXY"));

    Fixtures.api(client).updateCheckPoint(LOGSTORE, GROUP, "consumer_1", Fixtures.checkpoint(0), false).execute();

    RecordedRequest request = server.takeRequest();
    assertEquals("http://ali-test-project.cn-hangzhou.log.aliyuncs.com/logstores/ali-test-logstore/consumergroups/"
        + "consumer_group_test?type=checkpoint&consumer=consumer_1&forceSuccess=false", request.getTarget());
    assertEquals("ali-test-project.cn-hangzhou.log.aliyuncs.com", request.getHeaders().get("Host"));
    assertEquals(SlsClient.DEFAULT_USER_AGENT, request.getHeaders().get("User-Agent"));
    verifier.assertValidV1(request);
  }

  @Test
  void aBaseOkHttpClientIsSharedAndItsInterceptorsSeeTheRequestBeforeSigning() throws Exception {
    List<String> seen = new java.util.ArrayList<>();
    okhttp3.OkHttpClient base = new okhttp3.OkHttpClient.Builder()
        .addInterceptor(chain -> {
          seen.add(chain.request().method() + " " + chain.request().url().encodedPath() + " signed="
              + (chain.request().header("Authorization") != null));
          return chain.proceed(chain.request());
        })
        .build();
    SlsClient client = server.register(Fixtures.clientFor(server, RequestSigner.v1(), KEYS).httpClient(base));
    server.enqueue(Fixtures.ok("REQ-BASE"));

    assertEquals("REQ-BASE", Fixtures.api(client)
        .updateCheckPoint(LOGSTORE, GROUP, "consumer_1", Fixtures.checkpoint(0), false).execute().requestId());

    assertEquals(List.of("POST /logstores/ali-test-logstore/consumergroups/consumer_group_test signed=false"), seen);
    verifier.assertValidV1(server.takeRequest());
  }

  @Test
  void aBaseClientThatForbidsCleartextKeepsRefusingAnHttpEndpoint() {
    okhttp3.OkHttpClient tlsOnly = new okhttp3.OkHttpClient.Builder()
        .connectionSpecs(List.of(okhttp3.ConnectionSpec.MODERN_TLS))
        .build();
    SlsClient client = server.register(Fixtures.clientFor(server, RequestSigner.v1(), KEYS).httpClient(tlsOnly));
    server.enqueue(Fixtures.ok("REQ-SHOULD-NOT-BE-SENT"));

    SlsClientException e = assertThrows(SlsClientException.class, () -> Fixtures.api(client)
        .updateCheckPoint(LOGSTORE, GROUP, "consumer_1", Fixtures.checkpoint(0), false).execute());

    assertTrue(e.getMessage().contains("CLEARTEXT communication not enabled"), e.getMessage());
    assertEquals(0, server.requestCount());
  }

  @Test
  void asyncCallCompletesWithTheRequestId() throws Exception {
    SlsClient client = server.register(Fixtures.clientFor(server, RequestSigner.v4(REGION), KEYS));
    server.enqueue(Fixtures.ok("REQ-ASYNC"));

    SlsResponse<Void> response = Fixtures.api(client)
        .updateCheckPoint(LOGSTORE, GROUP, "consumer_1", Fixtures.checkpoint(2), false)
        .executeAsync()
        .get(5, TimeUnit.SECONDS);

    assertEquals("REQ-ASYNC", response.requestId());
    verifier.assertValidV4(server.takeRequest(), REGION);
  }

  private static Map<String, String> singleValued(RecordedRequest request) {
    Map<String, String> headers = new TreeMap<>();
    request.getHeaders().toMultimap().forEach((name, values) -> {
      assertEquals(1, values.size(), "header sent once: " + name);
      headers.put(name, values.get(0));
    });
    return headers;
  }
}
