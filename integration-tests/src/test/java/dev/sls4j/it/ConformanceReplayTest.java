package dev.sls4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import dev.sls4j.client.SlsClient;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays each UpdateCheckPoint and heartbeat that the official SDK sent, through the generated client with the same keys and
 * clock, and compares what arrives with what was captured: target, body bytes and every header but User-Agent.
 */
class ConformanceReplayTest {
  @RegisterExtension final LocalServer server = new LocalServer();
  private static final Moshi MOSHI = new Moshi.Builder().build();
  private static final JsonAdapter<Map<String, Object>> JSON =
      MOSHI.adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private static final JsonAdapter<Object> ANY = MOSHI.adapter(Object.class);


  record Captured(String name, String method, HttpUrl target, Map<String, String> headers, byte[] body) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * The records of UpdateCheckPoint and heartbeat. The GetCheckPoint record is left out: the official SDK sends
   * {@code Content-Type: application/x-protobuf} on that body-less GET and signs it; this SDK sends no Content-Type
   * without a body, so its v1 signature differs by design (the service accepts both).
   */
  static Stream<Captured> writeRecords() throws Exception {
    Path file = Path.of(System.getProperty("sls.conformance.file"));
    List<Captured> records = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(line -> {
      try {
        Map<String, Object> record = JSON.fromJson(line);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Object header : (List<?>) record.get("headers")) {
          headers.put((String) ((List<?>) header).get(0), (String) ((List<?>) header).get(1));
        }
        return new Captured((String) record.get("case"), (String) record.get("method"),
            HttpUrl.get((String) record.get("target")), headers,
            Base64.getDecoder().decode((String) record.get("body_b64")));
      } catch (Exception e) {
        throw new IllegalStateException("unreadable record in " + file + ": " + line, e);
      }
    }).filter(r -> r.target().queryParameter("type") != null).toList();
    assertEquals(4, records.size(), "UpdateCheckPoint and heartbeat records in " + file);
    return records.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writeRecords")
  void reproducesTheOfficialRequest(Captured captured) throws Exception {
    boolean v4 = captured.headers().get("Authorization").startsWith("SLS4-HMAC-SHA256");
    SlsClient client = server.register(SlsClient.builder()
        .endpoint("http://cn-hangzhou.log.aliyuncs.com")
        .credentials(Credentials.of(Fixtures.ACCESS_KEY_ID, Fixtures.ACCESS_KEY_SECRET))
        .signer(v4 ? RequestSigner.v4(Fixtures.REGION) : RequestSigner.v1())
        .clock(Clock.fixed(Fixtures.CAPTURED_AT, ZoneOffset.UTC))
        .proxy(server.proxy()));
    String[] pathSegments = captured.target().encodedPath().split("/");
    Object body = ANY.fromJson(new String(captured.body(), StandardCharsets.UTF_8));
    ConsumerGroupApi api = client.create(ConsumerGroupApi.class, captured.target().host().split("\\.")[0]);
    String consumer = captured.target().queryParameter("consumer");

    if (captured.target().queryParameter("type").equals("heartbeat")) {
      List<Integer> held = ((List<?>) body).stream().map(shard -> ((Number) shard).intValue()).toList();
      server.enqueue(new MockResponse(200, Headers.of("x-log-requestid", "REQ"), "[]"));
      api.heartbeat(pathSegments[2], pathSegments[4], consumer, held).execute();
    } else {
      Map<?, ?> position = (Map<?, ?>) body;
      server.enqueue(Fixtures.ok("REQ"));
      api.updateCheckPoint(pathSegments[2], pathSegments[4], consumer,
              UpdateCheckPointRequest.builder()
                  .shard(((Number) position.get("shard")).intValue())
                  .checkpoint((String) position.get("checkpoint"))
                  .build(),
              Boolean.valueOf(captured.target().queryParameter("forceSuccess")))
          .execute();
    }

    RecordedRequest sent = server.takeRequest();
    HttpUrl sentTarget = HttpUrl.get(sent.getTarget());
    assertEquals(captured.method(), sent.getMethod());
    assertEquals(captured.target().host(), sentTarget.host());
    assertEquals(captured.target().encodedPath(), sentTarget.encodedPath());
    assertEquals(sortedQuery(captured.target()), sortedQuery(sentTarget));
    assertArrayEquals(captured.body(), sent.getBody().toByteArray());
    for (Map.Entry<String, String> header : captured.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("User-Agent")) continue;
      assertEquals(header.getValue(), sent.getHeaders().get(header.getKey()), header.getKey());
    }
    for (String name : sent.getHeaders().names()) {
      boolean signed = name.toLowerCase().startsWith("x-log-") || name.toLowerCase().startsWith("x-acs-");
      assertFalse(signed && !captured.headers().containsKey(name), "extra signed header " + name);
    }
  }

  private static Map<String, String> sortedQuery(HttpUrl url) {
    Map<String, String> query = new TreeMap<>();
    for (int i = 0; i < url.querySize(); i++) query.put(url.queryParameterName(i), url.queryParameterValue(i));
    return query;
  }
}
