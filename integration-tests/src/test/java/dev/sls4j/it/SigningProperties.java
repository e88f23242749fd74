package dev.sls4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.squareup.moshi.Moshi;
import dev.sls4j.client.SlsClient;
import dev.sls4j.client.SlsServiceException;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.ConsumerGroupCheckPoint;
import dev.sls4j.client.model.CreateConsumerGroupRequest;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import dev.sls4j.emulator.SlsEmulator;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated names, consumers and bodies, through the SDK to a local server: every request verifies with the tests'
 * own verifier, in both signature versions, with and without STS, and arrives as it was given; and the emulator
 * accepts and stores every one.
 */
class SigningProperties {
  private static MockWebServer server;
  private static Map<String, ConsumerGroupApi> apis;
  private static SlsEmulator emulator;
  private static Map<String, ConsumerGroupApi> emulated;
  private static final SignatureVerifier VERIFIER =
      new SignatureVerifier(Fixtures.ACCESS_KEY_ID, Fixtures.ACCESS_KEY_SECRET);

  @BeforeContainer
  static void start() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    Credentials keys = Credentials.of(Fixtures.ACCESS_KEY_ID, Fixtures.ACCESS_KEY_SECRET);
    Credentials sts = Credentials.of(Fixtures.ACCESS_KEY_ID, Fixtures.ACCESS_KEY_SECRET, "sts/token+=");
    String local = "http://127.0.0.1:" + server.getPort();
    apis = Map.of(
        "v1", api(local, RequestSigner.v1(), keys), "v1-sts", api(local, RequestSigner.v1(), sts),
        "v4", api(local, RequestSigner.v4(Fixtures.REGION), keys),
        "v4-sts", api(local, RequestSigner.v4(Fixtures.REGION), sts));

    emulator = SlsEmulator.builder().port(0).credentials(Fixtures.ACCESS_KEY_ID, Fixtures.ACCESS_KEY_SECRET)
        .defaultShardCount(1024).start();
    emulated = Map.of(
        "v1", api(emulator.endpoint(), RequestSigner.v1(), keys),
        "v1-sts", api(emulator.endpoint(), RequestSigner.v1(), sts),
        "v4", api(emulator.endpoint(), RequestSigner.v4(Fixtures.REGION), keys),
        "v4-sts", api(emulator.endpoint(), RequestSigner.v4(Fixtures.REGION), sts));
  }

  private static ConsumerGroupApi api(String endpoint, RequestSigner signer, Credentials credentials) {
    return SlsClient.builder().endpoint(endpoint).credentials(credentials)
        .signer(signer).build().create(ConsumerGroupApi.class, Fixtures.PROJECT);
  }

  @AfterContainer
  static void stop() {
    server.close();
    if (emulator != null) emulator.close();
  }

  @Provide
  Arbitrary<String> logstores() {
    Arbitrary<Character> edge = Arbitraries.chars().range('a', 'z').range('0', '9');
    Arbitrary<String> middle = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("_-")
        .ofMaxLength(78);
    return Combinators.combine(edge, middle, edge).as((first, inner, last) -> first + inner + last);
  }

  @Provide
  Arbitrary<String> groups() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
        .withChars("_-").ofMinLength(1).ofMaxLength(128);
  }

  /** Any Unicode text: consumers are named after hosts, processes and threads, in any script. */
  @Provide
  Arbitrary<String> text() {
    Arbitrary<Integer> codePoint = Arbitraries.oneOf(
        Arbitraries.integers().between(0x20, 0x7e),
        Arbitraries.integers().between(0x1, 0xD7FF),
        Arbitraries.integers().between(0xE000, 0x10FFFF));
    return codePoint.list().ofMinSize(1).ofMaxSize(24)
        .map(points -> new String(points.stream().mapToInt(Integer::intValue).toArray(), 0, points.size()));
  }

  @Provide
  Arbitrary<String> signers() {
    return Arbitraries.of("v1", "v1-sts", "v4", "v4-sts");
  }

  @Property(tries = 400)
  void everyCommitVerifiesAndArrivesIntact(
      @ForAll("signers") String signer,
      @ForAll("logstores") String logstore,
      @ForAll("groups") String group,
      @ForAll("text") String consumer,
      @ForAll("text") String checkpoint,
      @ForAll int shardSeed,
      @ForAll boolean force) throws Exception {
    int shard = Math.abs(shardSeed % 4096);
    server.enqueue(Fixtures.ok("REQ"));

    apis.get(signer).updateCheckPoint(logstore, group, consumer,
        UpdateCheckPointRequest.builder().shard(shard).checkpoint(checkpoint).build(), force).execute();

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (signer.startsWith("v4")) {
      VERIFIER.assertValidV4(request, Fixtures.REGION);
    } else {
      VERIFIER.assertValidV1(request);
    }
    assertEquals(List.of("logstores", logstore, "consumergroups", group), request.getUrl().pathSegments());
    assertEquals(consumer, request.getUrl().queryParameter("consumer"));
    assertEquals(String.valueOf(force), request.getUrl().queryParameter("forceSuccess"));
    Map<?, ?> body = new Moshi.Builder().build().adapter(Map.class).fromJson(request.getBody().utf8());
    assertEquals(Map.of("shard", (double) shard, "checkpoint", checkpoint), body);
  }

  /** The emulator verifies with the signing code from the other side: anything the SDK signs, it must accept. */
  @Property(tries = 200)
  void theEmulatorAcceptsEveryForcedCommitAndStoresItAsSent(
      @ForAll("signers") String signer,
      @ForAll("logstores") String logstore,
      @ForAll("groups") String group,
      @ForAll("text") String consumer,
      @ForAll("text") String checkpoint,
      @ForAll int shardSeed) {
    int shard = Math.abs(shardSeed % 1024);
    ConsumerGroupApi api = emulated.get(signer);
    try {
      api.createConsumerGroup(logstore, CreateConsumerGroupRequest.builder().consumerGroup(group).timeout(60)
          .order(false).build()).execute();
    } catch (SlsServiceException e) {
      assertEquals("ConsumerGroupAlreadyExist", e.errorCode());
    }

    api.updateCheckPoint(logstore, group, consumer,
        UpdateCheckPointRequest.builder().shard(shard).checkpoint(checkpoint).build(), true).execute();

    ConsumerGroupCheckPoint stored = api.getCheckPoint(logstore, group, shard).execute().body().get(0);
    assertEquals(checkpoint, stored.checkpoint());
    assertEquals(consumer, stored.consumer());
  }
}
