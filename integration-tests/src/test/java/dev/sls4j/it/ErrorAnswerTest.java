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
import dev.sls4j.client.SlsCall;
import dev.sls4j.client.SlsClient;
import dev.sls4j.client.SlsClientException;
import dev.sls4j.client.SlsServiceException;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every non-2xx answer, from the service or a proxy, becomes one typed exception with what the answer carried. */
class ErrorAnswerTest {
  @RegisterExtension final LocalServer server = new LocalServer();

  private SlsCall<Void> commit() {
    // One attempt: these tests are about the shape of each answer; RetryTest is about trying again.
    SlsClient client = server.register(Fixtures
        .clientFor(server, RequestSigner.v1(), Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .retryPolicy(RetryPolicy.none()));
    return Fixtures.api(client).updateCheckPoint(LOGSTORE, GROUP, "consumer_1", Fixtures.checkpoint(0), false);
  }

  private static MockResponse slsError(int status, String code, String message, String requestId) {
    return new MockResponse(status, Headers.of("Content-Type", "application/json", "x-log-requestid", requestId),
        "{\"errorCode\":\"" + code + "\",\"errorMessage\":\"" + message + "\"}");
  }

  @Test
  void consumerGroupNotExist() {
    server.enqueue(slsError(404, "ConsumerGroupNotExist", "consumer group not exist", "REQ-404"));

    SlsServiceException e = assertThrows(SlsServiceException.class, () -> commit().execute());

    assertEquals(404, e.httpStatus());
    assertEquals("ConsumerGroupNotExist", e.errorCode());
    assertEquals("consumer group not exist", e.errorMessage());
    assertEquals("REQ-404", e.requestId());
    assertEquals("ConsumerGroupNotExist: consumer group not exist (HTTP 404, request id REQ-404)", e.getMessage());
  }

  @Test
  void signatureNotMatch() {
    server.enqueue(slsError(401, "SignatureNotMatch", "signature LOG abc not match", "REQ-401"));

    SlsServiceException e = assertThrows(SlsServiceException.class, () -> commit().execute());

    assertEquals(401, e.httpStatus());
    assertEquals("SignatureNotMatch", e.errorCode());
    assertEquals("signature LOG abc not match", e.errorMessage());
    assertEquals("REQ-401", e.requestId());
  }

  @Test
  void internalServerError() {
    server.enqueue(slsError(500, "InternalServerError", "Specified Server Error Message.", "REQ-500"));

    SlsServiceException e = assertThrows(SlsServiceException.class, () -> commit().execute());

    assertEquals(500, e.httpStatus());
    assertEquals("InternalServerError", e.errorCode());
    assertEquals("Specified Server Error Message.", e.errorMessage());
    assertEquals("REQ-500", e.requestId());
  }

  @Test
  void errorWithAccessDeniedDetailKeepsCodeAndMessage() {
    server.enqueue(new MockResponse(401, Headers.of("x-log-requestid", "REQ-RAM"),
        "{\"errorCode\":\"Unauthorized\",\"errorMessage\":\"denied by sts or ram\","
            + "\"accessDeniedDetail\":{\"policyType\":\"AccountLevelIdentityBasedPolicy\",\"authAction\":\"log:X\"}}"));

    SlsServiceException e = assertThrows(SlsServiceException.class, () -> commit().execute());

    assertEquals("Unauthorized", e.errorCode());
    assertEquals("denied by sts or ram", e.errorMessage());
    assertEquals("REQ-RAM", e.requestId());
  }

  @Test
  void proxyHtmlBadGateway() {
    server.enqueue(new MockResponse(502, Headers.of("Content-Type", "text/html"),
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1>"
            + "</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"));

    SlsServiceException e = assertThrows(SlsServiceException.class, () -> commit().execute());

    assertEquals(502, e.httpStatus());
    assertNull(e.errorCode());
    assertEquals("502 Bad Gateway 502 Bad Gateway nginx", e.errorMessage());
    assertNull(e.requestId());
  }

  @Test
  void emptyGatewayTimeout() {
    server.enqueue(new MockResponse(504, Headers.of(), ""));

    SlsServiceException e = assertThrows(SlsServiceException.class, () -> commit().execute());

    assertEquals(504, e.httpStatus());
    assertNull(e.errorCode());
    assertNull(e.errorMessage());
    assertNull(e.requestId());
    assertEquals("HTTP 504 (HTTP 504, request id none)", e.getMessage());
  }

  @Test
  void jsonThatIsNotAnSlsErrorIsQuotedAsText() {
    server.enqueue(new MockResponse(503, Headers.of("x-log-requestid", "REQ-503"), "{\"message\":\"overloaded\"}"));

    SlsServiceException e = assertThrows(SlsServiceException.class, () -> commit().execute());

    assertEquals(503, e.httpStatus());
    assertNull(e.errorCode());
    assertEquals("{\"message\":\"overloaded\"}", e.errorMessage());
    assertEquals("REQ-503", e.requestId());
  }

  @Test
  void asyncCallFailsWithTheSameException() {
    server.enqueue(slsError(404, "ConsumerGroupNotExist", "consumer group not exist", "REQ-ASYNC-404"));

    ExecutionException e = assertThrows(ExecutionException.class,
        () -> commit().executeAsync().get(5, TimeUnit.SECONDS));

    SlsServiceException cause = assertInstanceOf(SlsServiceException.class, e.getCause());
    assertEquals("ConsumerGroupNotExist", cause.errorCode());
    assertEquals("REQ-ASYNC-404", cause.requestId());
  }

  @Test
  void noAnswerAtAllIsAClientException() throws Exception {
    SlsCall<Void> call = commit();
    server.shutDown();

    SlsClientException e = assertThrows(SlsClientException.class, call::execute);

    assertTrue(e.getMessage().startsWith("POST /logstores/ali-test-logstore/consumergroups/consumer_group_test"),
        e.getMessage());
  }
}
