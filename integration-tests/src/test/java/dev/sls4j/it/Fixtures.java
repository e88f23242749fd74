package dev.sls4j.it;

import dev.sls4j.client.SlsClient;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import okhttp3.Headers;

/** The values of the captured official requests, and the plumbing every wire test shares. */
final class Fixtures {
  static final String ACCESS_KEY_ID = "LTAI5tTestAccessKeyId";
  static final String ACCESS_KEY_SECRET = "TestAccessKeySecret0123456789ab";
  static final String STS_TOKEN = "CAIS8gF1q6Ft5B2yfSjIr5bSEsXH/hbR0PPSc";
  static final String REGION = "cn-hangzhou";
  static final String PROJECT = "ali-test-project";
  static final String LOGSTORE = "ali-test-logstore";
  static final String GROUP = "consumer_group_test";
  static final String CHECKPOINT = "MTUyNDE1NTM3OTM3MzkwODQ5Ng==";
  static final Instant CAPTURED_AT = Instant.parse("2026-11-29T13:59:05Z");
  static final String USER_AGENT = "sls4j-integration-tests";

  private Fixtures() {}

  /** A client of {@code server} that signs at {@link #CAPTURED_AT}. */
  static SlsClient.Builder clientFor(LocalServer server, RequestSigner signer, Credentials credentials) {
    return SlsClient.builder()
        .endpoint(server.endpoint())
        .credentials(credentials)
        .signer(signer)
        .userAgent(USER_AGENT)
        .clock(Clock.fixed(CAPTURED_AT, ZoneOffset.UTC));
  }

  static ConsumerGroupApi api(SlsClient client) {
    return client.create(ConsumerGroupApi.class, PROJECT);
  }

  static UpdateCheckPointRequest checkpoint(int shard) {
    return UpdateCheckPointRequest.builder().shard(shard).checkpoint(CHECKPOINT).build();
  }

  /** What the service answers to a committed checkpoint. */
  static MockResponse ok(String requestId) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json", "x-log-requestid", requestId), "{}");
  }
}
