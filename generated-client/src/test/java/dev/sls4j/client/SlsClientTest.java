package dev.sls4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import dev.sls4j.signing.Credentials;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlsClientTest {
  private static final Credentials KEYS = Credentials.of("LTAIkey", "very-secret-value", "sts-token-value");

  @Test
  void endpointAndCredentialsAreRequired() {
    assertEquals("endpoint is required, e.g. cn-hangzhou.log.aliyuncs.com",
        assertThrows(IllegalStateException.class, () -> SlsClient.builder().credentials(KEYS).build()).getMessage());
    assertTrue(assertThrows(IllegalStateException.class,
        () -> SlsClient.builder().endpoint("cn-hangzhou.log.aliyuncs.com").build())
        .getMessage().startsWith("credentialsProvider is required"));
  }

  @Test
  void badSettingsFailWhereTheyAreMade() {
    SlsClient.Builder builder = SlsClient.builder();
    assertThrows(IllegalArgumentException.class, () -> builder.endpoint("http://host/path"));
    assertEquals("readTimeout must not be negative, was PT-1S",
        assertThrows(IllegalArgumentException.class, () -> builder.readTimeout(Duration.ofSeconds(-1))).getMessage());
    assertEquals("callTimeout must be at most 2147483647 ms, was PT720H",
        assertThrows(IllegalArgumentException.class, () -> builder.callTimeout(Duration.ofDays(30))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> builder.userAgent(" "));
  }

  @Test
  void toStringShowsNoSecret() {
    try (SlsClient client = SlsClient.builder().endpoint("cn-hangzhou.log.aliyuncs.com").credentials(KEYS).build()) {
      String text = client.toString();
      assertTrue(text.contains("LTAIkey"), text);
      assertFalse(text.contains("very-secret-value"), text);
      assertFalse(text.contains("sts-token-value"), text);
    }
  }

  @Test
  void createRejectsAnInvalidProject() {
    try (SlsClient client = SlsClient.builder().endpoint("cn-hangzhou.log.aliyuncs.com").credentials(KEYS).build()) {
      assertThrows(IllegalArgumentException.class, () -> client.create(ConsumerGroupApi.class, "bad.project"));
      assertThrows(NullPointerException.class, () -> client.create(ConsumerGroupApi.class, null));
    }
  }

  @Test
  void defaultUserAgentNamesSdkVersionAndJava() {
    assertTrue(SlsClient.DEFAULT_USER_AGENT.matches("sls4j/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(Java .+\\)"),
        SlsClient.DEFAULT_USER_AGENT);
  }

  @Test
  void modelsAreReadAndWrittenByTheirGeneratedAdaptersNotByReflection() throws Exception {
    com.squareup.moshi.JsonAdapter<UpdateCheckPointRequest> adapter =
        new com.squareup.moshi.Moshi.Builder().build().adapter(UpdateCheckPointRequest.class);

    assertTrue(adapter.toString().startsWith("JsonAdapter(UpdateCheckPointRequest)"), adapter.toString());
    assertEquals("{\"checkpoint\":\"c\",\"shard\":0}",
        adapter.toJson(UpdateCheckPointRequest.builder().shard(0).checkpoint("c").build()));
    // What the service sends is taken as it comes: the builder's checks are for what this client sends.
    UpdateCheckPointRequest read = adapter.fromJson("{\"shard\":-1,\"checkpoint\":\"\"}");
    assertEquals(-1, read.shard());
    assertEquals("", read.checkpoint());
  }

  @Test
  void generatedModelEnforcesTheSpecConstraintsWhenSet() {
    assertEquals("UpdateCheckPointRequest.shard must be >= 0, was -1",
        assertThrows(IllegalArgumentException.class, () -> UpdateCheckPointRequest.builder().shard(-1)).getMessage());
    assertEquals("UpdateCheckPointRequest.checkpoint must have at least 1 character(s), was \"\"",
        assertThrows(IllegalArgumentException.class,
            () -> UpdateCheckPointRequest.builder().checkpoint("")).getMessage());
    assertEquals("UpdateCheckPointRequest.checkpoint is required but was not set",
        assertThrows(IllegalStateException.class, () -> UpdateCheckPointRequest.builder().shard(0).build())
            .getMessage());
    UpdateCheckPointRequest request = UpdateCheckPointRequest.builder().shard(0).checkpoint("c").build();
    assertEquals(request, request.toBuilder().build());
    assertEquals("UpdateCheckPointRequest{checkpoint=c, shard=0}", request.toString());
  }
}
