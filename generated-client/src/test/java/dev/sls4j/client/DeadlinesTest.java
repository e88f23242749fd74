package dev.sls4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
  /** A call that counts its expiries. */
  private static final class Call implements Deadlines.Watched {
    final long deadlineNanos;
    final AtomicInteger expiries = new AtomicInteger();
    final CountDownLatch expired = new CountDownLatch(1);

    Call(Deadlines deadlines) {
      this.deadlineNanos = deadlines.deadlineFromNow();
    }

    @Override
    public long deadlineNanos() {
      return deadlineNanos;
    }

    @Override
    public void expire() {
      expiries.incrementAndGet();
      expired.countDown();
    }
  }

  @Test
  void aLateCallIsExpiredOnceSoonAfterItsDeadline() throws Exception {
    Deadlines deadlines = new Deadlines(100);
    long started = System.nanoTime();
    Call late = new Call(deadlines);
    deadlines.watch(late);

    assertTrue(late.expired.await(5, TimeUnit.SECONDS), "expired");
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertTrue(tookMillis >= 100, "not before its deadline: " + tookMillis + " ms");
    Thread.sleep(50);
    assertEquals(1, late.expiries.get());
    deadlines.close();
  }

  @Test
  void aCallThatEndsInTimeIsNotExpired() throws Exception {
    Deadlines deadlines = new Deadlines(50);
    Call onTime = new Call(deadlines);
    deadlines.watch(onTime);
    deadlines.unwatch(onTime);

    awaitExpiry(deadlines, "another call");
    assertEquals(0, onTime.expiries.get());
    deadlines.close();
  }

  @Test
  void callsWatchedAfterAnIdleSpellAreStillExpired() throws Exception {
    Deadlines deadlines = new Deadlines(20);
    for (int i = 0; i < 3; i++) {
      Thread.sleep(60); // the watcher finds nothing in flight and sleeps until the next call
      awaitExpiry(deadlines, "call " + i);
    }
    deadlines.close();
  }

  /** Watches a new call that is never unwatched and waits until it is expired. */
  private static void awaitExpiry(Deadlines deadlines, String what) throws InterruptedException {
    Call late = new Call(deadlines);
    deadlines.watch(late);
    assertTrue(late.expired.await(5, TimeUnit.SECONDS), what + " expired");
  }

  @Test
  void closingEndsTheWatchingThreadOnceNothingIsInFlight() throws Exception {
    Deadlines deadlines = new Deadlines(30);
    Call late = new Call(deadlines);
    deadlines.watch(late);
    assertTrue(late.expired.await(5, TimeUnit.SECONDS));

    deadlines.close();

    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (watcherAlive() && System.nanoTime() < until) Thread.sleep(10);
    assertFalse(watcherAlive(), "sls4j-deadlines still running after close");
    Call afterClose = new Call(deadlines);
    deadlines.watch(afterClose);
    assertTrue(afterClose.expired.await(5, TimeUnit.SECONDS), "a call watched after close is still watched");
  }

  @Test
  void withoutATimeoutNothingIsWatched() {
    Deadlines none = new Deadlines(0);
    assertEquals(0, none.deadlineFromNow());
    Call call = new Call(none);
    none.watch(call);
    none.unwatch(call);
    assertEquals(0, call.expiries.get());
  }

  private static boolean watcherAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(thread -> thread.getName().equals("sls4j-deadlines") && thread.isAlive());
  }
}
