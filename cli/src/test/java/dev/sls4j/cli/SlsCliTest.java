package dev.sls4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlsCliTest {
  private static final Map<String, String> ENV = Map.of(
      "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tTestAccessKeyId",
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "TestAccessKeySecret0123456789ab");

  private MockWebServer server;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private int run(Map<String, String> env, String... args) {
    return SlsCli.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private String[] updateCheckpoint(String... extra) {
    List<String> args = new ArrayList<>(List.of("update-checkpoint",
        "--endpoint", "http://127.0.0.1:" + server.getPort(), "--project", "ali-test-project",
        "--logstore", "ali-test-logstore", "--consumer-group", "consumer_group_test",
        "--checkpoint", "MTUyNDE1NTM3OTM3MzkwODQ5Ng=="));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  @Test
  void commitPrintsTheRequestId() throws Exception {
    server.enqueue(new MockResponse(200, Headers.of("x-log-requestid", "REQ-CLI"), "{}"));

    int status = run(ENV, updateCheckpoint("--consumer", "consumer 1", "--shard", "2"));

    assertEquals(0, status, err.toString());
    assertEquals("REQ-CLI", out.toString().trim());
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("/logstores/ali-test-logstore/consumergroups/consumer_group_test"
        + "?type=checkpoint&consumer=consumer%201&forceSuccess=false", request.getTarget());
    assertEquals("ali-test-project.127.0.0.1:" + server.getPort(), request.getHeaders().get("Host"));
    assertTrue(request.getHeaders().get("Authorization").startsWith("LOG LTAI5tTestAccessKeyId:"));
  }

  @Test
  void forceCommitsWithoutConsumer() throws Exception {
    server.enqueue(new MockResponse(200, Headers.of("x-log-requestid", "REQ-FORCE"), "{}"));

    int status = run(ENV, updateCheckpoint("--force", "--shard", "0", "--signature-version", "v4",
        "--region", "cn-hangzhou"));

    assertEquals(0, status, err.toString());
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("/logstores/ali-test-logstore/consumergroups/consumer_group_test"
        + "?type=checkpoint&consumer=&forceSuccess=true", request.getTarget());
    assertTrue(request.getHeaders().get("Authorization").startsWith(
        "SLS4-HMAC-SHA256 Credential=LTAI5tTestAccessKeyId/"));
  }

  @Test
  void serviceErrorIsReportedWithoutStackTrace() {
    server.enqueue(new MockResponse(404, Headers.of("x-log-requestid", "REQ-404"),
        "{\"errorCode\":\"ConsumerGroupNotExist\",\"errorMessage\":\"consumer group not exist\"}"));

    int status = run(ENV, updateCheckpoint("--consumer", "c1", "--shard", "0"));

    assertEquals(1, status);
    assertEquals("", out.toString());
    String report = err.toString();
    assertTrue(report.contains("ConsumerGroupNotExist"), report);
    assertTrue(report.contains("consumer group not exist"), report);
    assertTrue(report.contains("404"), report);
    assertTrue(report.contains("REQ-404"), report);
    assertFalse(report.contains("\tat "), "no stack trace: " + report);
  }

  @Test
  void negativeShardIsAUsageErrorAndNothingIsSent() {
    int status = run(ENV, updateCheckpoint("--consumer", "c1", "--shard", "-1"));

    assertEquals(2, status);
    assertTrue(err.toString().startsWith("--shard: "), err.toString());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aNameTheSpecForbidsIsAUsageErrorAndNothingIsSent() {
    int status = run(ENV, "update-checkpoint", "--endpoint", "http://127.0.0.1:" + server.getPort(),
        "--project", "ali-test-project", "--logstore", "Bad Name", "--consumer-group", "g", "--consumer", "c",
        "--shard", "0", "--checkpoint", "x");

    assertEquals(2, status);
    assertTrue(err.toString().startsWith("logstore must match ^[0-9a-z][0-9a-z_-]{0,78}[0-9a-z]$, was \"Bad Name\""),
        err.toString());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void consumerOrForceIsRequired() {
    int status = run(ENV, updateCheckpoint("--shard", "0"));

    assertEquals(2, status);
    assertTrue(err.toString().contains("--consumer=C | --force"), err.toString());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void consumerAndForceExcludeEachOther() {
    assertEquals(2, run(ENV, updateCheckpoint("--consumer", "c1", "--force", "--shard", "0")));
    assertTrue(err.toString().contains("mutually exclusive"), err.toString());
  }

  @Test
  void v4NeedsARegion() {
    assertEquals(2, run(ENV, updateCheckpoint("--consumer", "c1", "--shard", "0", "--signature-version", "v4")));
    assertTrue(err.toString().startsWith("--region is required"), err.toString());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void badProjectAndEndpointAreNamed() {
    assertEquals(2, run(ENV, "update-checkpoint", "--endpoint", "http://127.0.0.1:1", "--project", "-bad-",
        "--logstore", "l1", "--consumer-group", "g", "--consumer", "c", "--shard", "0", "--checkpoint", "x"));
    assertTrue(err.toString().startsWith("--project: "), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(2, run(ENV, "update-checkpoint", "--endpoint", "ftp://x/y", "--project", "p1",
        "--logstore", "l1", "--consumer-group", "g", "--consumer", "c", "--shard", "0", "--checkpoint", "x"));
    assertTrue(err.toString().startsWith("--endpoint: "), err.toString());
  }

  @Test
  void missingCredentialsNameTheVariable() {
    assertEquals(2, run(Map.of(), updateCheckpoint("--consumer", "c1", "--shard", "0")));
    assertTrue(err.toString().contains("ALIBABA_CLOUD_ACCESS_KEY_ID"), err.toString());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void honoursTheJvmProxyProperties() throws Exception {
    server.enqueue(new MockResponse(200, Headers.of("x-log-requestid", "REQ-PROXY"), "{}"));
    System.setProperty("http.proxyHost", "127.0.0.1");
    System.setProperty("http.proxyPort", String.valueOf(server.getPort()));
    try {
      int status = run(ENV, "update-checkpoint", "--endpoint", "http://cn-hangzhou.log.aliyuncs.com",
          "--project", "ali-test-project", "--logstore", "ali-test-logstore", "--consumer-group", "g1",
          "--consumer", "c1", "--shard", "0", "--checkpoint", "x");
      assertEquals(0, status, err.toString());
    } finally {
      System.clearProperty("http.proxyHost");
      System.clearProperty("http.proxyPort");
    }
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(request);
    assertEquals("http://ali-test-project.cn-hangzhou.log.aliyuncs.com/logstores/ali-test-logstore/"
        + "consumergroups/g1?type=checkpoint&consumer=c1&forceSuccess=false", request.getTarget());
  }
}
