package dev.sls4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sls4j.client.SlsClient;
import dev.sls4j.client.SlsServiceException;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.ConsumerGroup;
import dev.sls4j.client.model.ConsumerGroupCheckPoint;
import dev.sls4j.client.model.CreateConsumerGroupRequest;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import dev.sls4j.client.model.UpdateConsumerGroupRequest;
import dev.sls4j.emulator.SlsEmulator;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.CredentialsProvider;
import dev.sls4j.signing.SigningInterceptor;
import dev.sls4j.signing.RequestSigner;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a consumer written against the SDK meets in the emulator: the service's consumer-group semantics. */
class EmulatorBehaviourTest {
  private static final String PROJECT = "emulated-project";
  private static final String LOGSTORE = "app-log";
  private static final String GROUP = "readers";

  private final ManualClock serverClock = new ManualClock(Instant.now());
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private SlsEmulator emulator;
  private ConsumerGroupApi api;

  @BeforeEach
  void setUp() throws Exception {
    emulator = start(SlsEmulator.builder().port(0).clock(serverClock).shardCount(LOGSTORE, 4));
    api = api(emulator, RequestSigner.v1(), emulator.credentials(), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = closeables.size() - 1; i >= 0; i--) closeables.get(i).close();
  }

  private SlsEmulator start(SlsEmulator.Builder builder) throws Exception {
    SlsEmulator started = builder.start();
    closeables.add(started);
    return started;
  }

  private ConsumerGroupApi api(SlsEmulator target, RequestSigner signer, Credentials credentials, Clock clock) {
    SlsClient client = SlsClient.builder()
        .endpoint(target.endpoint())
        .credentials(credentials)
        .signer(signer)
        .clock(clock)
        .build();
    closeables.add(client);
    return client.create(ConsumerGroupApi.class, PROJECT);
  }

  private void createGroup(int timeoutSeconds) {
    api.createConsumerGroup(LOGSTORE,
        CreateConsumerGroupRequest.builder().consumerGroup(GROUP).timeout(timeoutSeconds).order(false).build())
        .execute();
  }

  private List<Integer> heartbeat(String consumer) {
    return api.heartbeat(LOGSTORE, GROUP, consumer, List.of()).execute().body();
  }

  private void commit(String consumer, int shard, String checkpoint, boolean force) {
    api.updateCheckPoint(LOGSTORE, GROUP, consumer,
        UpdateCheckPointRequest.builder().shard(shard).checkpoint(checkpoint).build(), force).execute();
  }

  private static SlsServiceException refused(Executable call, int status, String code) {
    SlsServiceException e = assertThrows(SlsServiceException.class, call);
    assertEquals(status, e.httpStatus(), e.getMessage());
    assertEquals(code, e.errorCode(), e.getMessage());
    assertEquals(24, e.requestId().length(), "every answer has a request id");
    return e;
  }

  @Test
  void twoConsumersSplitTheShards() {
    createGroup(30);

    assertEquals(List.of(0, 1, 2, 3), heartbeat("c1"));
    List<Integer> second = heartbeat("c2");
    List<Integer> first = heartbeat("c1");

    assertEquals(2, first.size(), "fair share: " + first);
    assertEquals(2, second.size(), "fair share: " + second);
    TreeSet<Integer> all = new TreeSet<>(first);
    all.addAll(second);
    assertEquals(List.of(0, 1, 2, 3), new ArrayList<>(all), "no shard held twice, none left out");
  }

  @Test
  void aSilentConsumerLosesItsShardsAfterTheTimeout() {
    createGroup(10);
    heartbeat("c1");
    List<Integer> c2Shards = heartbeat("c2");
    assertEquals(2, c2Shards.size());

    serverClock.advance(Duration.ofSeconds(6));
    heartbeat("c1");
    serverClock.advance(Duration.ofSeconds(5)); // c2 silent for 11 s, c1 for 5 s

    assertEquals(List.of(0, 1, 2, 3), heartbeat("c1"), "c1 takes over c2's shards");
    refused(() -> commit("c2", c2Shards.get(0), "c3RhbGU=", false), 400, "ConsumerNotExsit");
  }

  @Test
  void aStaleConsumersCommitIsRefused() {
    createGroup(30);
    heartbeat("c1");
    List<Integer> c2Shards = heartbeat("c2");

    SlsServiceException e = refused(() -> commit("c1", c2Shards.get(0), "c3RhbGU=", false), 400,
        "ConsumerNotMatch");
    assertTrue(e.errorMessage().contains("c1"), e.errorMessage());
  }

  @Test
  void theHolderCommitsAndReadsBackTimeAndConsumer() {
    createGroup(30);
    int shard = heartbeat("c1").get(0);

    commit("c1", shard, "MTUyNDE1NTM3OTM3MzkwODQ5Ng==", false);

    List<ConsumerGroupCheckPoint> read = api.getCheckPoint(LOGSTORE, GROUP, shard).execute().body();
    assertEquals(List.of(ConsumerGroupCheckPoint.builder().shard(shard).checkpoint("MTUyNDE1NTM3OTM3MzkwODQ5Ng==")
        .updateTime(serverClock.millis() * 1000).consumer("c1").build()), read);
    assertEquals(4, api.getCheckPoint(LOGSTORE, GROUP, null).execute().body().size());
    assertEquals(List.of(), api.getCheckPoint(LOGSTORE, GROUP, 9).execute().body(), "unknown shard: empty");
  }

  @Test
  void aForcedCommitNeedsNoConsumer() {
    createGroup(30);

    commit("", 3, "Zm9yY2Vk", true);

    ConsumerGroupCheckPoint read = api.getCheckPoint(LOGSTORE, GROUP, 3).execute().body().get(0);
    assertEquals("Zm9yY2Vk", read.checkpoint());
    assertEquals("", read.consumer());
    assertEquals("consumer must not be empty unless forceSuccess is true",
        assertThrows(IllegalArgumentException.class, () -> commit("", 3, "eA==", false)).getMessage());
    refused(() -> commit("", 4, "eA==", true), 400, "ShardNotExist");
  }

  @Test
  void groupsAreCreatedListedUpdatedAndDeleted() {
    createGroup(30);
    refused(() -> createGroup(30), 400, "ConsumerGroupAlreadyExist");

    api.updateConsumerGroup(LOGSTORE, GROUP, UpdateConsumerGroupRequest.builder().order(true).build()).execute();
    assertEquals(List.of(ConsumerGroup.builder().name(GROUP).timeout(30).order(true).build()),
        api.listConsumerGroup(LOGSTORE).execute().body());

    api.deleteConsumerGroup(LOGSTORE, GROUP).execute();
    assertEquals(List.of(), api.listConsumerGroup(LOGSTORE).execute().body());
    refused(() -> api.deleteConsumerGroup(LOGSTORE, GROUP).execute(), 404, "ConsumerGroupNotExist");
    refused(() -> heartbeat("c1"), 404, "ConsumerGroupNotExist");
    refused(() -> api.getCheckPoint(LOGSTORE, GROUP, null).execute(), 404, "ConsumerGroupNotExist");
    refused(() -> commit("", 0, "eA==", true), 404, "ConsumerGroupNotExist");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v4"})
  void aWrongSecretOrUnknownKeyIsRefused(String version) {
    RequestSigner signer = version.equals("v4") ? RequestSigner.v4("cn-hangzhou") : RequestSigner.v1();
    String keyId = emulator.credentials().accessKeyId();

    refused(() -> api(emulator, signer, Credentials.of(keyId, "wrong-secret"), Clock.systemUTC())
        .listConsumerGroup(LOGSTORE).execute(), 401, "SignatureNotMatch");
    refused(() -> api(emulator, signer, Credentials.of("unknown-key", "x"), Clock.systemUTC())
        .listConsumerGroup(LOGSTORE).execute(), 401, "Unauthorized");
    assertEquals(List.of(), api(emulator, signer, emulator.credentials(), Clock.systemUTC())
        .listConsumerGroup(LOGSTORE).execute().body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v4"})
  void aRequestSignedTwentyMinutesOffIsRefusedAsExpired(String version) throws Exception {
    RequestSigner signer = version.equals("v4") ? RequestSigner.v4("cn-hangzhou") : RequestSigner.v1();
    OkHttpClient raw = new OkHttpClient.Builder()
        .addInterceptor(SigningInterceptor.create(signer, CredentialsProvider.of(emulator.credentials()),
            Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20))))
        .build();
    Request request = new Request.Builder()
        .url(emulator.endpoint() + "/logstores/" + LOGSTORE + "/consumergroups")
        .header("Host", PROJECT + ".127.0.0.1")
        .build();

    try (Response response = raw.newCall(request).execute()) {
      assertEquals(400, response.code());
      assertTrue(response.body().string().contains("\"errorCode\":\"RequestTimeExpired\""));
      assertTrue(response.header("Date") != null, "the server's time, for the client to correct to");
    }
  }

  @Test
  void aClientWhoseClockIsOffCorrectsItAndSucceeds() {
    ConsumerGroupApi skewed = api(emulator, RequestSigner.v1(), emulator.credentials(),
        Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20)));

    assertEquals(List.of(), skewed.listConsumerGroup(LOGSTORE).execute().body());
    assertEquals(List.of(), skewed.listConsumerGroup(LOGSTORE).execute().body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v4"})
  void stsCredentialsAreAccepted(String version) {
    RequestSigner signer = version.equals("v4") ? RequestSigner.v4("cn-hangzhou") : RequestSigner.v1();
    Credentials sts = Credentials.of(emulator.credentials().accessKeyId(), emulator.credentials().accessKeySecret(),
        "sts-token");
    assertEquals(List.of(), api(emulator, signer, sts, Clock.systemUTC()).listConsumerGroup(LOGSTORE).execute().body());
  }

  @Test
  void aClientBuiltForTheServiceReachesItThroughAProxy() {
    SlsClient client = SlsClient.builder()
        .endpoint("http://cn-hangzhou.log.aliyuncs.com")
        .credentials(emulator.credentials())
        .proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", emulator.port())))
        .build();
    closeables.add(client);
    ConsumerGroupApi viaProxy = client.create(ConsumerGroupApi.class, PROJECT);

    createGroup(30);

    assertEquals(GROUP, viaProxy.listConsumerGroup(LOGSTORE).execute().body().get(0).name(),
        "routed by the Host header to the same project");
  }

  @Test
  void aRestartWithADataFileKeepsWhatWasAcknowledged(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("state.json");
    SlsEmulator first = start(SlsEmulator.builder().port(0).dataFile(data));
    ConsumerGroupApi before = api(first, RequestSigner.v1(), first.credentials(), Clock.systemUTC());
    before.createConsumerGroup(LOGSTORE,
        CreateConsumerGroupRequest.builder().consumerGroup(GROUP).timeout(30).order(true).build()).execute();
    before.updateCheckPoint(LOGSTORE, GROUP, "",
        UpdateCheckPointRequest.builder().shard(1).checkpoint("a2VwdA==").build(), true).execute();
    closeables.remove(first);
    first.close();

    SlsEmulator second = start(SlsEmulator.builder().port(0).dataFile(data));
    ConsumerGroupApi after = api(second, RequestSigner.v1(), second.credentials(), Clock.systemUTC());

    assertEquals(List.of(ConsumerGroup.builder().name(GROUP).timeout(30).order(true).build()),
        after.listConsumerGroup(LOGSTORE).execute().body());
    assertEquals("a2VwdA==", after.getCheckPoint(LOGSTORE, GROUP, 1).execute().body().get(0).checkpoint());
  }

  @Test
  void resetForgetsEverything() {
    createGroup(30);
    emulator.reset();
    assertEquals(List.of(), api.listConsumerGroup(LOGSTORE).execute().body());
  }
}
