package dev.sls4j.it;

import static dev.sls4j.it.Fixtures.ACCESS_KEY_ID;
import static dev.sls4j.it.Fixtures.ACCESS_KEY_SECRET;
import static dev.sls4j.it.Fixtures.GROUP;
import static dev.sls4j.it.Fixtures.LOGSTORE;
import static dev.sls4j.it.Fixtures.REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sls4j.client.RetryPolicy;
import dev.sls4j.client.SlsCall;
import dev.sls4j.client.SlsClient;
import dev.sls4j.client.SlsClientException;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
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

  @Test
  void callsThatHangEndAtTheirDeadlineWhileTheOthersGoThrough() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        boolean slow = request.getUrl().queryParameter("consumer").startsWith("slow");
        return slow ? Fixtures.ok("SLOW").newBuilder().headersDelay(5, TimeUnit.SECONDS).build() : Fixtures.ok("REQ");
      }
    });
    ConsumerGroupApi api = Fixtures.api(server.register(SlsClient.builder().endpoint(server.endpoint())
        .credentials(Credentials.of(ACCESS_KEY_ID, ACCESS_KEY_SECRET))
        .retryPolicy(RetryPolicy.none()).callTimeout(Duration.ofMillis(500))));
    AtomicInteger succeeded = new AtomicInteger();
    List<String> deadlineFailures = Collections.synchronizedList(new ArrayList<>());
    List<Long> slowMillis = Collections.synchronizedList(new ArrayList<>());

    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      done.add(threads.submit(() -> {
        for (int i = 0; i < 10; i++) {
          String consumer = (i % 5 == 4 ? "slow-" : "fast-") + thread + "-" + i;
          long started = System.nanoTime();
          try {
            SlsCall<Void> call = api.updateCheckPoint(LOGSTORE, GROUP, consumer, Fixtures.checkpoint(0), false);
            if (i % 2 == 0) call.execute(); else call.executeAsync().get(10, TimeUnit.SECONDS);
            succeeded.incrementAndGet();
          } catch (SlsClientException | ExecutionException e) {
            Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
            deadlineFailures.add(consumer + ": " + failure.getMessage());
            slowMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
          }
        }
        return null;
      }));
    }
    for (Future<?> future : done) future.get(60, TimeUnit.SECONDS);
    threads.shutdown();

    assertEquals(32, succeeded.get(), "fast calls that succeeded; failures: " + deadlineFailures);
    assertEquals(8, deadlineFailures.size(), deadlineFailures.toString());
    for (String failure : deadlineFailures) {
      assertTrue(failure.startsWith("slow-") && failure.contains("deadline of 500 ms"), failure);
    }
    for (long millis : slowMillis) assertTrue(millis >= 500 && millis < 3000, "a slow call took " + millis + " ms");
  }
}
