package dev.sls4j.it;

import static dev.sls4j.it.Fixtures.ACCESS_KEY_ID;
import static dev.sls4j.it.Fixtures.ACCESS_KEY_SECRET;
import static dev.sls4j.it.Fixtures.GROUP;
import static dev.sls4j.it.Fixtures.LOGSTORE;
import static dev.sls4j.it.Fixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sls4j.client.SlsResponse;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.ConsumerGroup;
import dev.sls4j.client.model.ConsumerGroupCheckPoint;
import dev.sls4j.client.model.CreateConsumerGroupRequest;
import dev.sls4j.client.model.UpdateConsumerGroupRequest;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rest of the consumer-group family on the wire, each in both signature versions. */
class ConsumerGroupWireTest {
  @RegisterExtension final LocalServer server = new LocalServer();
  private final SignatureVerifier verifier = new SignatureVerifier(ACCESS_KEY_ID, ACCESS_KEY_SECRET);

  private ConsumerGroupApi api(String version) {
    RequestSigner signer = version.equals("v4") ? RequestSigner.v4(REGION) : RequestSigner.v1();
    return Fixtures.api(server.register(
        Fixtures.clientFor(server, signer, Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET))));
  }

  private void verify(String version, RecordedRequest request) throws Exception {
    if (version.equals("v4")) {
      verifier.assertValidV4(request, REGION);
    } else {
      verifier.assertValidV1(request);
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json", "x-log-requestid", "REQ"), body);
  }

  private static String body(RecordedRequest request) {
    return request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v4"})
  void createConsumerGroup(String version) throws Exception {
    server.enqueue(Fixtures.ok("REQ-CREATE"));

    SlsResponse<Void> response = api(version).createConsumerGroup(LOGSTORE,
        CreateConsumerGroupRequest.builder().consumerGroup(GROUP).timeout(300).order(true).build()).execute();

    assertEquals("REQ-CREATE", response.requestId());
    RecordedRequest request = server.takeRequest();
    assertEquals("POST /logstores/ali-test-logstore/consumergroups HTTP/1.1", request.getRequestLine());
    assertEquals("{\"consumerGroup\":\"consumer_group_test\",\"order\":true,\"timeout\":300}", body(request));
    assertEquals("application/json", request.getHeaders().get("Content-Type"));
    verify(version, request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v4"})
  void updateConsumerGroupSendsOnlyTheFieldsSet(String version) throws Exception {
    server.enqueue(Fixtures.ok("REQ-UPDATE"));

    api(version).updateConsumerGroup(LOGSTORE, GROUP, UpdateConsumerGroupRequest.builder().timeout(120).build())
        .execute();

    RecordedRequest request = server.takeRequest();
    assertEquals("PUT /logstores/ali-test-logstore/consumergroups/consumer_group_test HTTP/1.1",
        request.getRequestLine());
    assertEquals("{\"timeout\":120}", body(request));
    verify(version, request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v4"})
  void deleteConsumerGroupHasNoBody(String version) throws Exception {
    server.enqueue(Fixtures.ok("REQ-DELETE"));

    api(version).deleteConsumerGroup(LOGSTORE, GROUP).execute();

    RecordedRequest request = server.takeRequest();
    assertEquals("DELETE /logstores/ali-test-logstore/consumergroups/consumer_group_test HTTP/1.1",
        request.getRequestLine());
    assertEquals(0, request.getBodySize());
    assertNull(request.getHeaders().get("Content-Type"));
    assertNull(request.getHeaders().get("Content-MD5"));
    verify(version, request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v4"})
  void listConsumerGroupReadsNameTimeoutAndOrder(String version) throws Exception {
    server.enqueue(json("[{\"name\":\"g1\",\"timeout\":300,\"order\":false},"
        + "{\"name\":\"g2\",\"timeout\":60,\"order\":true}]"));

    List<ConsumerGroup> groups = api(version).listConsumerGroup(LOGSTORE).execute().body();

    assertEquals(List.of(
        ConsumerGroup.builder().name("g1").timeout(300).order(false).build(),
        ConsumerGroup.builder().name("g2").timeout(60).order(true).build()), groups);
    RecordedRequest request = server.takeRequest();
    assertEquals("GET /logstores/ali-test-logstore/consumergroups HTTP/1.1", request.getRequestLine());
    verify(version, request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v4"})
  void heartbeatSendsHeldShardsAndReadsAssignedOnes(String version) throws Exception {
    server.enqueue(json("[0]"));

    List<Integer> assigned = api(version).heartbeat(LOGSTORE, GROUP, "consumer 1", List.of(0, 1)).execute().body();

    assertEquals(List.of(0), assigned);
    RecordedRequest request = server.takeRequest();
    assertEquals("POST /logstores/ali-test-logstore/consumergroups/consumer_group_test"
        + "?type=heartbeat&consumer=consumer%201 HTTP/1.1", request.getRequestLine());
    assertEquals("[0,1]", body(request));
    verify(version, request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v4"})
  void getCheckPointOfOneShard(String version) throws Exception {
    server.enqueue(json("[{\"shard\":0,\"checkpoint\":\"MTUy\",\"updateTime\":1524224984800922,"
        + "\"consumer\":\"consumer_1\"}]"));

    List<ConsumerGroupCheckPoint> checkpoints = api(version).getCheckPoint(LOGSTORE, GROUP, 0).execute().body();

    assertEquals(List.of(ConsumerGroupCheckPoint.builder().shard(0).checkpoint("MTUy")
        .updateTime(1524224984800922L).consumer("consumer_1").build()), checkpoints);
    RecordedRequest request = server.takeRequest();
    assertEquals("GET /logstores/ali-test-logstore/consumergroups/consumer_group_test?shard=0 HTTP/1.1",
        request.getRequestLine());
    verify(version, request);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v4"})
  void getCheckPointOfAllShards(String version) throws Exception {
    server.enqueue(json("[{\"shard\":0,\"checkpoint\":\"\",\"updateTime\":0,\"consumer\":\"\"},"
        + "{\"shard\":1,\"checkpoint\":\"MTUy\",\"updateTime\":1,\"consumer\":\"\"}]"));

    List<ConsumerGroupCheckPoint> checkpoints = api(version).getCheckPoint(LOGSTORE, GROUP, null).execute().body();

    assertEquals(2, checkpoints.size());
    assertEquals("MTUy", checkpoints.get(1).checkpoint());
    assertEquals("GET /logstores/ali-test-logstore/consumergroups/consumer_group_test HTTP/1.1",
        server.takeRequest().getRequestLine());
  }
}
