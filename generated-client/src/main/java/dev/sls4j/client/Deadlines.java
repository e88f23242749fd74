package dev.sls4j.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends calls that pass their deadline. One thread per client looks over the calls in flight once a tick and expires
 * the late ones; a call only joins and leaves a set. OkHttp's own call timeout instead arms Okio's watchdog for every
 * call, which wakes the watchdog thread at least once a call: on two cores, that wake-up cost more CPU than the rest of
 * this SDK's work on a call. The price is precision: a call ends up to a tick after its deadline, a fiftieth of the
 * timeout and at most 100 ms.
 */
final class Deadlines {
  /** A call that can be watched. */
  interface Watched {
    /** When the call must end, on {@link System#nanoTime()}'s scale. */
    long deadlineNanos();

    /** Called once, from the watching thread, when the deadline has passed. */
    void expire();
  }

  private final long timeoutMillis;
  private final long tickNanos;
  private final Set<Watched> inFlight = ConcurrentHashMap.newKeySet();
  private volatile Thread watcher; // written under this
  private volatile boolean idle;
  private volatile boolean closed;

  /** @param timeoutMillis each call's deadline from its start; 0 for none, and then nothing is watched */
  Deadlines(long timeoutMillis) {
    this.timeoutMillis = timeoutMillis;
    this.tickNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, Math.min(100, timeoutMillis / 50)));
  }

  /** The deadline of a call that starts now, or 0 when calls have none. */
  long deadlineFromNow() {
    return timeoutMillis == 0 ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  long timeoutMillis() {
    return timeoutMillis;
  }

  /** Watches {@code call} until {@link #unwatch}; nothing when calls have no deadline. */
  void watch(Watched call) {
    if (timeoutMillis == 0) return;
    inFlight.add(call);
    Thread thread = watcher;
    // Once closed, the thread may be stopping: ask under the lock it stops under.
    if (thread == null || closed) thread = watcherThread();
    if (idle) {
      idle = false;
      LockSupport.unpark(thread);
    }
  }

  void unwatch(Watched call) {
    if (timeoutMillis != 0) inFlight.remove(call);
  }

  /** The watching thread ends once the calls in flight have; calls watched later start a new one. */
  void close() {
    closed = true;
    Thread thread = watcher;
    if (thread != null) LockSupport.unpark(thread);
  }

  private synchronized Thread watcherThread() {
    if (watcher == null) {
      watcher = new Thread(this::watchUntilClosed, "sls4j-deadlines");
      watcher.setDaemon(true);
      watcher.start();
    }
    return watcher;
  }

  private void watchUntilClosed() {
    while (true) {
      if (inFlight.isEmpty()) {
        if (closed && stopIfStillEmpty()) return;
        // Sleep until a call is watched. The flag is raised before the set is read again, and watch() adds before it
        // reads the flag, so one of the two sees the other and no call is left unwatched.
        idle = true;
        if (inFlight.isEmpty()) LockSupport.park(this);
        idle = false;
        continue;
      }
      LockSupport.parkNanos(this, tickNanos);
      long now = System.nanoTime();
      for (Watched call : inFlight) {
        if (now - call.deadlineNanos() >= 0 && inFlight.remove(call)) call.expire();
      }
    }
  }

  private synchronized boolean stopIfStillEmpty() {
    if (!inFlight.isEmpty()) return false;
    watcher = null;
    return true;
  }
}
