package dev.sls4j.it;

import static dev.sls4j.it.Fixtures.ACCESS_KEY_ID;
import static dev.sls4j.it.Fixtures.ACCESS_KEY_SECRET;
import static dev.sls4j.it.Fixtures.GROUP;
import static dev.sls4j.it.Fixtures.LOGSTORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sls4j.client.RetryPolicy;
import dev.sls4j.client.SlsCall;
import dev.sls4j.client.SlsClient;
import dev.sls4j.client.SlsClientException;
import dev.sls4j.client.SlsServiceException;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.ConsumerGroupCheckPoint;
import dev.sls4j.client.model.CreateConsumerGroupRequest;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import retrofit2.http.POST;

/** Faults injected at the server, counted there, every attempt's signature checked. */
class RetryTest {
  @RegisterExtension final LocalServer server = new LocalServer();
  private final SignatureVerifier verifier = new SignatureVerifier(ACCESS_KEY_ID, ACCESS_KEY_SECRET);

  private SlsClient.Builder client(RetryPolicy policy) {
    return Fixtures.clientFor(server, RequestSigner.v1(), Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .clock(new ManualClock(Fixtures.CAPTURED_AT, Duration.ofSeconds(1)))
        .retryPolicy(policy);
  }

  private static RetryPolicy quick(int attempts) {
    return RetryPolicy.builder().maxAttempts(attempts).baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(5)).build();
  }

  private ConsumerGroupApi api(RetryPolicy policy) {
    return Fixtures.api(server.register(client(policy)));
  }

  private SlsCall<Void> commit(ConsumerGroupApi api) {
    return api.updateCheckPoint(LOGSTORE, GROUP, "consumer_1", Fixtures.checkpoint(0), false);
  }

  private static MockResponse error(int status, String code) {
    return new MockResponse(status, Headers.of("x-log-requestid", "REQ-" + status),
        "{\"errorCode\":\"" + code + "\",\"errorMessage\":\"injected\"}");
  }

  /** Takes {@code count} requests, checks each signature, and returns their Date headers. */
  private List<String> verifiedAttempts(int count) throws Exception {
    List<String> dates = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      RecordedRequest request = server.takeRequest();
      verifier.assertValidV1(request);
      dates.add(request.getHeaders().get("Date"));
    }
    assertEquals(count, server.requestCount(), "attempts the server saw");
    return dates;
  }

  @Test
  void aBurstOfServerErrorsIsRiddenOutAndEveryAttemptIsSignedAnew() throws Exception {
    server.enqueue(error(503, "ServerBusy"));
    server.enqueue(error(500, "InternalServerError"));
    server.enqueue(new MockResponse(502, Headers.of(), "<html>bad gateway</html>"));
    server.enqueue(Fixtures.ok("REQ-OK"));

    assertEquals("REQ-OK", commit(api(quick(4))).execute().requestId());

    List<String> dates = verifiedAttempts(4);
    assertEquals(4, new HashSet<>(dates).size(), "a fresh Date on each attempt: " + dates);
  }

  @Test
  void throttlingIsRetried() throws Exception {
    server.enqueue(error(403, "WriteQuotaExceed"));
    server.enqueue(new MockResponse(429, Headers.of(), ""));
    server.enqueue(error(403, "ReadQuotaExceed"));
    server.enqueue(Fixtures.ok("REQ-OK"));

    commit(api(quick(4))).execute();

    verifiedAttempts(4);
  }

  @Test
  void attemptsStopAtTheLimitWithTheLastAnswer() throws Exception {
    for (int i = 0; i < 5; i++) server.enqueue(error(503, "ServerBusy"));

    SlsServiceException e = assertThrows(SlsServiceException.class, () -> commit(api(quick(3))).execute());

    assertEquals(503, e.httpStatus());
    assertEquals("ServerBusy", e.errorCode());
    verifiedAttempts(3);
  }

  @Test
  void clientErrorsAreNeverRetried() throws Exception {
    for (String code : List.of("ConsumerNotMatch", "SignatureNotMatch", "ParameterInvalid", "ConsumerGroupNotExist")) {
      server.enqueue(error(code.equals("SignatureNotMatch") ? 401 : 400, code));
      SlsServiceException e = assertThrows(SlsServiceException.class, () -> commit(api(quick(5))).execute());
      assertEquals(code, e.errorCode());
    }
    verifiedAttempts(4);
  }

  @Test
  void retryAfterIsHonoured() throws Exception {
    server.enqueue(error(503, "ServerBusy").newBuilder().addHeader("Retry-After", "1").build());
    server.enqueue(Fixtures.ok("REQ-OK"));

    long started = System.nanoTime();
    commit(api(quick(2))).execute();
    long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertTrue(waitedMillis >= 1000, "waited " + waitedMillis + " ms for Retry-After: 1");
    verifiedAttempts(2);
  }

  @Test
  void aWaitThatWouldPassTheDeadlineIsNotStartedAndTheLastAnswerStands() throws Exception {
    server.enqueue(error(503, "ServerBusy").newBuilder().addHeader("Retry-After", "5").build());
    ConsumerGroupApi api = Fixtures.api(server.register(client(quick(3)).callTimeout(Duration.ofSeconds(2))));

    long started = System.nanoTime();
    SlsServiceException e = assertThrows(SlsServiceException.class, () -> commit(api).execute());
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertEquals(503, e.httpStatus());
    assertEquals("ServerBusy", e.errorCode());
    assertTrue(tookMillis < 1000, "gave up after " + tookMillis + " ms instead of at once");
    verifiedAttempts(1);
  }

  @Test
  void aConnectionDroppedBeforeTheAnswerIsRetried() throws Exception {
    server.enqueue(Fixtures.ok("never sent").newBuilder().onResponseStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(Fixtures.ok("REQ-OK"));

    assertEquals("REQ-OK", commit(api(quick(3))).execute().requestId());
  }

  @Test
  void aBodyThatBreaksOffIsRetriedForAReadAndNothingIsLost() throws Exception {
    String checkpoints = "[{\"shard\":0,\"checkpoint\":\"MTUy\",\"updateTime\":1,\"consumer\":\"c\"}]";
    server.enqueue(new MockResponse(200, Headers.of(), checkpoints).newBuilder()
        .onResponseBody(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse(200, Headers.of("x-log-requestid", "REQ-OK"), checkpoints));

    List<ConsumerGroupCheckPoint> read = api(quick(3)).getCheckPoint(LOGSTORE, GROUP, null).execute().body();

    assertEquals("MTUy", read.get(0).checkpoint());
    assertEquals(2, server.requestCount());
  }

  @Test
  void aRetriedCreateThatMeetsAlreadyExistSucceeded() throws Exception {
    server.enqueue(error(503, "ServerBusy"));
    server.enqueue(error(400, "ConsumerGroupAlreadyExist").newBuilder().setHeader("x-log-requestid", "REQ-2").build());

    assertEquals("REQ-2", api(quick(3)).createConsumerGroup(LOGSTORE,
        CreateConsumerGroupRequest.builder().consumerGroup(GROUP).timeout(60).order(false).build())
        .execute().requestId());
    verifiedAttempts(2);
  }

  @Test
  void aFirstCreateThatMeetsAlreadyExistFails() {
    server.enqueue(error(400, "ConsumerGroupAlreadyExist"));

    SlsServiceException e = assertThrows(SlsServiceException.class, () -> api(quick(3)).createConsumerGroup(LOGSTORE,
        CreateConsumerGroupRequest.builder().consumerGroup(GROUP).timeout(60).order(false).build()).execute());

    assertEquals("ConsumerGroupAlreadyExist", e.errorCode());
  }

  @Test
  void aRetriedDeleteThatMeetsNotExistSucceeded() {
    server.enqueue(new MockResponse(504, Headers.of(), ""));
    server.enqueue(error(404, "ConsumerGroupNotExist"));

    api(quick(3)).deleteConsumerGroup(LOGSTORE, GROUP).execute();

    assertEquals(2, server.requestCount());
  }

  /** An operation the spec does not mark idempotent, as a user's own interface might declare it. */
  interface NotIdempotentApi {
    @POST("logstores/ali-test-logstore/shipments")
    SlsCall<Void> ship();
  }

  @Test
  void anOperationNotMarkedIdempotentIsNotSentTwice() {
    server.enqueue(error(503, "ServerBusy"));
    server.enqueue(Fixtures.ok("REQ-OK"));

    NotIdempotentApi api = server.register(client(quick(3))).create(NotIdempotentApi.class, Fixtures.PROJECT);

    assertEquals(503, assertThrows(SlsServiceException.class, () -> api.ship().execute()).httpStatus());
    assertEquals(1, server.requestCount());
  }

  @Test
  void aSkewedClockIsCorrectedFromTheServersDateAndRetriedOnce() throws Exception {
    Instant serverTime = Fixtures.CAPTURED_AT.plus(Duration.ofMinutes(20));
    String serverDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(serverTime,
        ZoneOffset.UTC));
    server.enqueue(error(400, "RequestTimeExpired").newBuilder().setHeader("Date", serverDate).build());
    server.enqueue(Fixtures.ok("REQ-1"));
    server.enqueue(Fixtures.ok("REQ-2"));
    ConsumerGroupApi api = Fixtures.api(server.register(
        Fixtures.clientFor(server, RequestSigner.v1(), Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
            .retryPolicy(RetryPolicy.none())));

    assertEquals("REQ-1", commit(api).execute().requestId());
    assertEquals("REQ-2", commit(api).execute().requestId());

    List<String> dates = verifiedAttempts(3);
    assertEquals("Sun, 29 Nov 2026 13:59:05 GMT", dates.get(0));
    assertEquals(dates.get(1), dates.get(2), "later calls sign with the corrected clock at once");
    Instant corrected = ZonedDateTime.parse(dates.get(1), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    assertTrue(Duration.between(serverTime, corrected).abs().getSeconds() <= 60, "near the server's time: "
        + corrected);
  }

  @Test
  void aServerThatHangsCannotHoldTheCallerPastTheDeadline() {
    server.enqueue(Fixtures.ok("late").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
    server.enqueue(Fixtures.ok("late").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
    ConsumerGroupApi api = Fixtures.api(server.register(client(quick(3)).callTimeout(Duration.ofSeconds(1))));

    long started = System.nanoTime();
    SlsClientException e = assertThrows(SlsClientException.class, () -> commit(api).execute());
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertTrue(tookMillis < 5000, "held for " + tookMillis + " ms with a 1 s deadline");
    assertEquals(0, e.httpStatus());
    assertTrue(e.getMessage().contains("deadline of 1000 ms (callTimeout) passed"), e.getMessage());
  }

  @Test
  void anAsyncCallEndsAtItsDeadlineToo() {
    server.enqueue(Fixtures.ok("late").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
    ConsumerGroupApi api = Fixtures.api(server.register(client(quick(3)).callTimeout(Duration.ofMillis(500))));

    long started = System.nanoTime();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> commit(api).executeAsync().get(10, TimeUnit.SECONDS));
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertInstanceOf(SlsClientException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("deadline of 500 ms"), e.getCause().getMessage());
    assertTrue(tookMillis >= 500 && tookMillis < 5000, "ended after " + tookMillis + " ms with a 500 ms deadline");
  }

  @ParameterizedTest(name = "callTimeout {0} ms")
  @ValueSource(longs = {0, 20_000})
  void aSilentServerTimesOutAfterTheReadTimeoutAndIsRetried(long callTimeoutMillis) throws Exception {
    server.enqueue(Fixtures.ok("silent").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
    server.enqueue(Fixtures.ok("silent").newBuilder().headersDelay(10, TimeUnit.SECONDS).build());
    ConsumerGroupApi api = Fixtures.api(server.register(client(quick(2))
        .readTimeout(Duration.ofMillis(300)).callTimeout(Duration.ofMillis(callTimeoutMillis))));

    long started = System.nanoTime();
    SlsClientException e = assertThrows(SlsClientException.class, () -> commit(api).execute());
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertInstanceOf(SocketTimeoutException.class, e.getCause());
    assertTrue(tookMillis >= 600 && tookMillis < 5000, "two attempts of 300 ms took " + tookMillis + " ms");
    verifiedAttempts(2);
  }

  @Test
  void aBodyThatTricklesInCannotHoldTheCallerPastTheDeadline() {
    server.enqueue(new MockResponse(200, Headers.of(), "[" + "0,".repeat(50) + "0]").newBuilder()
        .throttleBody(1, 200, TimeUnit.MILLISECONDS).build());
    ConsumerGroupApi api = Fixtures.api(server.register(client(RetryPolicy.none()).callTimeout(Duration.ofSeconds(1))));

    long started = System.nanoTime();
    assertThrows(SlsClientException.class, () -> api.heartbeat(LOGSTORE, GROUP, "c1", List.of()).execute());
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertTrue(tookMillis < 5000, "held for " + tookMillis + " ms with a 1 s deadline");
  }

  @Test
  void anAsyncCallWaitingToRetryWhenTheClientClosesEndsInsteadOfHanging() {
    server.enqueue(error(503, "ServerBusy").newBuilder().headersDelay(300, TimeUnit.MILLISECONDS)
        .setHeader("Retry-After", "1").build());
    SlsClient client = server.register(client(quick(3)));
    java.util.concurrent.CompletableFuture<?> call = commit(Fixtures.api(client)).executeAsync();

    client.close();

    java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> call.get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof SlsClientException, String.valueOf(e.getCause()));
    assertTrue(e.getCause().getMessage().endsWith("the client was closed before a retry"), e.getCause().getMessage());
    assertEquals(1, server.requestCount());
  }

  @Test
  void asyncCallsRetryToo() throws Exception {
    server.enqueue(error(503, "ServerBusy"));
    server.enqueue(Fixtures.ok("REQ-ASYNC"));

    assertEquals("REQ-ASYNC", commit(api(quick(3))).executeAsync().get(10, TimeUnit.SECONDS).requestId());
    Set<String> dates = new HashSet<>(verifiedAttempts(2));
    assertNotEquals(1, dates.size());
  }
}
