package dev.sls4j.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RefreshingCredentialsProviderTest {
  private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

  private static final class TestClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(T0);

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private final TestClock clock = new TestClock();
  private final AtomicInteger fetches = new AtomicInteger();

  /** Credentials numbered by fetch, valid for an hour from now. */
  private ExpiringCredentials next() {
    int n = fetches.incrementAndGet();
    return ExpiringCredentials.of(Credentials.of("id" + n, "secret" + n, "token" + n),
        clock.instant().plus(Duration.ofHours(1)));
  }

  @Test
  void freshCredentialsAreReusedUntilTheRefreshWindow() {
    RefreshingCredentialsProvider provider =
        RefreshingCredentialsProvider.create(this::next, Duration.ofMinutes(5), clock);

    assertEquals("id1", provider.resolveCredentials().accessKeyId());
    clock.now.set(T0.plus(Duration.ofMinutes(54)));
    assertEquals("id1", provider.resolveCredentials().accessKeyId());
    clock.now.set(T0.plus(Duration.ofMinutes(56)));
    assertEquals("id2", provider.resolveCredentials().accessKeyId(), "refreshed ahead of expiry");
    assertEquals(2, fetches.get());
  }

  @Test
  void withinTheWindowOneThreadFetchesAndTheOthersDoNotWait() throws Exception {
    CountDownLatch fetchStarted = new CountDownLatch(1);
    CountDownLatch releaseFetch = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.create(() -> {
      if (calls.incrementAndGet() == 2) {
        fetchStarted.countDown();
        releaseFetch.await();
      }
      return next();
    }, Duration.ofMinutes(5), clock);
    provider.resolveCredentials();
    clock.now.set(T0.plus(Duration.ofMinutes(57)));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<Credentials> refresher = pool.submit(provider::resolveCredentials);
    assertTrue(fetchStarted.await(5, TimeUnit.SECONDS));
    Future<Credentials> other = pool.submit(provider::resolveCredentials);

    assertEquals("id1", other.get(5, TimeUnit.SECONDS).accessKeyId(), "served the still valid credentials");
    releaseFetch.countDown();
    assertEquals("id2", refresher.get(5, TimeUnit.SECONDS).accessKeyId());
    pool.shutdown();
  }

  @Test
  void whenExpiredManyThreadsWaitForOneFetch() throws Exception {
    RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.create(() -> {
      Thread.sleep(50);
      return next();
    }, Duration.ofMinutes(5), clock);
    provider.resolveCredentials();
    clock.now.set(T0.plus(Duration.ofHours(2)));

    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<Credentials>> results = new ArrayList<>();
    for (int i = 0; i < 32; i++) results.add(pool.submit(provider::resolveCredentials));
    for (Future<Credentials> result : results) assertEquals("id2", result.get(5, TimeUnit.SECONDS).accessKeyId());
    pool.shutdown();

    assertEquals(2, fetches.get(), "one fetch at start, one after expiry");
  }

  @Test
  void aFailedRefreshKeepsValidCredentialsButFailsExpiredOnes() {
    AtomicInteger calls = new AtomicInteger();
    RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.create(() -> {
      if (calls.incrementAndGet() > 1) throw new java.io.IOException("STS unreachable");
      return next();
    }, Duration.ofMinutes(5), clock);
    Credentials first = provider.resolveCredentials();

    clock.now.set(T0.plus(Duration.ofMinutes(58)));
    assertSame(first, provider.resolveCredentials());

    clock.now.set(T0.plus(Duration.ofMinutes(61)));
    IllegalStateException e = assertThrows(IllegalStateException.class, provider::resolveCredentials);
    assertTrue(e.getMessage().contains("STS unreachable"), e.getMessage());
  }

  @Test
  void aRefreshWithinTheWindowReleasesTheLockForOtherThreads() throws Exception {
    RefreshingCredentialsProvider provider =
        RefreshingCredentialsProvider.create(this::next, Duration.ofMinutes(5), clock);
    provider.resolveCredentials();
    clock.now.set(T0.plus(Duration.ofMinutes(57)));
    assertEquals("id2", provider.resolveCredentials().accessKeyId());

    clock.now.set(T0.plus(Duration.ofHours(3)));
    ExecutorService other = Executors.newSingleThreadExecutor();
    assertEquals("id3", other.submit(provider::resolveCredentials).get(5, TimeUnit.SECONDS).accessKeyId());
    other.shutdown();
  }

  @Test
  void toStringShowsNoSecret() {
    RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.create(this::next);
    provider.resolveCredentials();
    assertFalse(provider.toString().contains("secret1"), provider.toString());
    assertFalse(provider.toString().contains("token1"), provider.toString());
  }
}
