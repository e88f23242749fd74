package dev.sls4j.it;

import static dev.sls4j.it.Fixtures.ACCESS_KEY_ID;
import static dev.sls4j.it.Fixtures.ACCESS_KEY_SECRET;
import static dev.sls4j.it.Fixtures.GROUP;
import static dev.sls4j.it.Fixtures.LOGSTORE;
import static dev.sls4j.it.Fixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sls4j.client.RetryPolicy;
import dev.sls4j.client.SlsClient;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One shared client, many threads, thousands of calls: every signature verifies, no call is lost. */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 250;

  @RegisterExtension final LocalServer server = new LocalServer();

  @Test
  void thousandsOfConcurrentCommitsAllVerifyAndAllArrive() throws Exception {
    SignatureVerifier verifier = new SignatureVerifier(ACCESS_KEY_ID, ACCESS_KEY_SECRET);
    AtomicInteger badSignatures = new AtomicInteger();
    AtomicInteger injected503 = new AtomicInteger();
    AtomicInteger seen = new AtomicInteger();
    ConcurrentHashMap<String, Boolean> committed = new ConcurrentHashMap<>();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        try {
          if (request.getHeaders().get("Authorization").startsWith("LOG ")) {
            verifier.assertValidV1(request);
          } else {
            verifier.assertValidV4(request, REGION);
          }
        } catch (Throwable e) {
          badSignatures.incrementAndGet();
          return new MockResponse(401, Headers.of(), "{\"errorCode\":\"SignatureNotMatch\"}");
        }
        if (seen.incrementAndGet() % 9 == 0) {
          injected503.incrementAndGet();
          return new MockResponse(503, Headers.of(), "{\"errorCode\":\"ServerBusy\"}");
        }
        committed.put(request.getBody().utf8(), Boolean.TRUE);
        return Fixtures.ok("REQ");
      }
    });
    RetryPolicy patient = RetryPolicy.builder().maxAttempts(10).baseDelay(Duration.ofMillis(1))
        .maxDelay(Duration.ofMillis(10)).build();
    Credentials keys = Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET, "sts-token");
    SlsClient v1 = server.register(SlsClient.builder().endpoint(server.endpoint()).credentials(keys)
        .retryPolicy(patient));
    SlsClient v4 = server.register(SlsClient.builder().endpoint(server.endpoint()).credentials(keys)
        .signer(RequestSigner.v4(REGION)).retryPolicy(patient));

    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> done = new ArrayList<>();
    List<CompletableFuture<?>> async = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      ConsumerGroupApi api = (thread % 2 == 0 ? v1 : v4).create(ConsumerGroupApi.class, Fixtures.PROJECT);
      done.add(threads.submit(() -> {
        for (int i = 0; i < CALLS_PER_THREAD; i++) {
          UpdateCheckPointRequest position = UpdateCheckPointRequest.builder()
              .shard(thread).checkpoint("cursor-" + thread + "-" + i).build();
          if (i % 5 == 0) {
            synchronized (async) {
              async.add(api.updateCheckPoint(LOGSTORE, GROUP, "consumer " + thread, position, false)
                  .executeAsync());
            }
          } else {
            api.updateCheckPoint(LOGSTORE, GROUP, "consumer " + thread, position, false).execute();
          }
        }
        return null;
      }));
    }
    for (Future<?> future : done) future.get(120, TimeUnit.SECONDS);
    CompletableFuture.allOf(async.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
    threads.shutdown();

    int calls = THREADS * CALLS_PER_THREAD;
    assertEquals(0, badSignatures.get(), "signatures that did not verify");
    assertEquals(calls, committed.size(), "distinct commits that arrived");
    assertEquals(calls + injected503.get(), server.requestCount(), "requests the server saw");
  }
}
