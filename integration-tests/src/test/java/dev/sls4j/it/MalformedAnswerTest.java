package dev.sls4j.it;

import static dev.sls4j.it.Fixtures.ACCESS_KEY_ID;
import static dev.sls4j.it.Fixtures.ACCESS_KEY_SECRET;
import static dev.sls4j.it.Fixtures.GROUP;
import static dev.sls4j.it.Fixtures.LOGSTORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sls4j.client.RetryPolicy;
import dev.sls4j.client.SlsClientException;
import dev.sls4j.client.SlsException;
import dev.sls4j.client.SlsServiceException;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers that break the contract still end in the SDK's exceptions, with status and request id where known. */
class MalformedAnswerTest {
  @RegisterExtension final LocalServer server = new LocalServer();

  private ConsumerGroupApi api() {
    return Fixtures.api(server.register(Fixtures
        .clientFor(server, RequestSigner.v1(), Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .retryPolicy(RetryPolicy.none())));
  }

  private static MockResponse ok(String contentType, String body) {
    return new MockResponse(200, Headers.of("Content-Type", contentType, "x-log-requestid", "REQ-200"), body);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "[{\"shard\":0,\"checkpoint\":\"MTU",   // truncated
      "{\"shard\":0}",                         // an object where a list belongs
      "[{\"shard\":\"zero\"}]",                // a string where a number belongs
      "[{\"shard\":0}]",                        // a required property missing
      "null",
      "",
      "<html>maintenance</html>"})
  void aSuccessWhoseBodyDoesNotParseKeepsStatusAndRequestId(String body) {
    server.enqueue(ok("application/json", body));

    SlsClientException e = assertThrows(SlsClientException.class,
        () -> api().getCheckPoint(LOGSTORE, GROUP, null).execute());

    assertEquals(200, e.httpStatus());
    assertEquals("REQ-200", e.requestId());
    assertTrue(e.getMessage().contains("the answer's body is not what the operation returns"), e.getMessage());
  }

  @Test
  void propertiesTheSpecDoesNotKnowAreSkipped() {
    server.enqueue(ok("application/json", "[{\"shard\":0,\"checkpoint\":\"eA==\",\"new\":{\"a\":[1,{}]},"
        + "\"updateTime\":7,\"consumer\":\"c\"}]"));

    assertEquals(java.util.List.of(dev.sls4j.client.model.ConsumerGroupCheckPoint.builder().shard(0).checkpoint("eA==")
        .updateTime(7L).consumer("c").build()), api().getCheckPoint(LOGSTORE, GROUP, null).execute().body());
  }

  @Test
  void aWrongContentTypeWithTheRightBodyIsAccepted() {
    server.enqueue(ok("text/plain", "[0,1]"));

    assertEquals(java.util.List.of(0, 1),
        api().heartbeat(LOGSTORE, GROUP, "c1", java.util.List.of()).execute().body());
  }

  @Test
  void aConnectionClosedMidBodyIsAClientException() {
    server.enqueue(ok("application/json", "[{\"shard\":0,\"checkpoint\":\"MTUy\",\"updateTime\":1,\"consumer\":\"\"}]")
        .newBuilder().onResponseBody(new SocketEffect.CloseSocket()).build());

    SlsClientException e = assertThrows(SlsClientException.class,
        () -> api().getCheckPoint(LOGSTORE, GROUP, null).execute());

    assertInstanceOf(java.io.IOException.class, e.getCause());
  }

  @Test
  void anErrorWithTruncatedJsonIsQuotedAsText() {
    server.enqueue(new MockResponse(500, Headers.of("x-log-requestid", "REQ-500"), "{\"errorCode\":\"Internal"));

    SlsServiceException e = assertThrows(SlsServiceException.class,
        () -> api().listConsumerGroup(LOGSTORE).execute());

    assertEquals(500, e.httpStatus());
    assertNull(e.errorCode());
    assertEquals("{\"errorCode\":\"Internal", e.errorMessage());
    assertEquals("REQ-500", e.requestId());
  }

  @Test
  void anErrorCodeThatIsNotAStringIsNotTrusted() {
    server.enqueue(new MockResponse(400, Headers.of(), "{\"errorCode\":42,\"errorMessage\":[1]}"));

    SlsServiceException e = assertThrows(SlsServiceException.class,
        () -> api().listConsumerGroup(LOGSTORE).execute());

    assertNull(e.errorCode());
    assertEquals(400, e.httpStatus());
  }

  @Test
  void asyncCallsEndInTheSameExceptions() {
    server.enqueue(ok("application/json", "[{\"shard\":"));

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> api().getCheckPoint(LOGSTORE, GROUP, null).executeAsync().get(5, TimeUnit.SECONDS));

    SlsException cause = assertInstanceOf(SlsClientException.class, e.getCause());
    assertEquals(200, ((SlsClientException) cause).httpStatus());
  }
}
