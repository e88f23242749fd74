package dev.sls4j.it;

import static dev.sls4j.it.Fixtures.ACCESS_KEY_ID;
import static dev.sls4j.it.Fixtures.ACCESS_KEY_SECRET;
import static dev.sls4j.it.Fixtures.GROUP;
import static dev.sls4j.it.Fixtures.LOGSTORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/** The spec's rules are checked when an operation is called: a clear error, and nothing sent. */
class ArgumentCheckTest {
  @RegisterExtension final LocalServer server = new LocalServer();
  private ConsumerGroupApi api;

  @BeforeEach
  void setUp() {
    api = Fixtures.api(server.register(
        Fixtures.clientFor(server, RequestSigner.v1(), Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET))));
  }

  @AfterEach
  void nothingWasSent() {
    assertEquals(0, server.requestCount());
  }

  private static void refused(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void logstoreName() {
    refused("logstore must match ^[0-9a-z][0-9a-z_-]{0,78}[0-9a-z]$, was \"Upper_Case\"",
        () -> api.listConsumerGroup("Upper_Case"));
    refused("logstore must match ^[0-9a-z][0-9a-z_-]{0,78}[0-9a-z]$, was \"a\"", () -> api.listConsumerGroup("a"));
  }

  @Test
  void consumerGroupName() {
    refused("consumerGroup must match ^[0-9a-zA-Z_-]{1,128}$, was \"my group\"",
        () -> api.deleteConsumerGroup(LOGSTORE, "my group"));
    refused("consumerGroup must match ^[0-9a-zA-Z_-]{1,128}$, was \"\"",
        () -> api.deleteConsumerGroup(LOGSTORE, ""));
  }

  @Test
  void aConsumerUnlessForced() {
    refused("consumer must not be empty unless forceSuccess is true",
        () -> api.updateCheckPoint(LOGSTORE, GROUP, "", Fixtures.checkpoint(0), false));
    refused("consumer must not be empty unless forceSuccess is true",
        () -> api.updateCheckPoint(LOGSTORE, GROUP, "", Fixtures.checkpoint(0), null));
    refused("consumer is required but was null",
        () -> api.updateCheckPoint(LOGSTORE, GROUP, null, Fixtures.checkpoint(0), true));
  }

  @Test
  void bodiesAndShards() {
    refused("position is required but was null", () -> api.updateCheckPoint(LOGSTORE, GROUP, "c", null, false));
    refused("heldShards is required but was null", () -> api.heartbeat(LOGSTORE, GROUP, "c", null));
    refused("shard must be >= 0, was -1", () -> api.getCheckPoint(LOGSTORE, GROUP, -1));
  }

  @Test
  void nullsAreNamed() {
    refused("logstore is required but was null", () -> api.listConsumerGroup(null));
    refused("consumerGroup is required but was null", () -> api.getCheckPoint(LOGSTORE, null, null));
  }
}
