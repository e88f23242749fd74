package dev.sls4j.benchmarks;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import okhttp3.ConnectionPool;
import okhttp3.internal.concurrent.LockableKt;
import okhttp3.internal.concurrent.TaskRunner;
import okhttp3.internal.connection.ConnectionListener;

/**
 * An experiment, not a configuration to ship: measures what OkHttp's connection pool costs a call by waking its cleanup
 * thread whenever a connection goes back idle, which over HTTP/1.1 is once a call. This pool's task runner never wakes
 * that thread; it looks for work once a second instead, so idle connections are closed up to a second late. It is
 * built on {@code okhttp3.internal}, which any OkHttp release may change, which is why the SDK does not do this.
 */
final class QuietPool {
  private static final long LONGEST_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private QuietPool() {}

  static ConnectionPool create() {
    TaskRunner.RealBackend threads = new TaskRunner.RealBackend(runnable -> {
      Thread thread = new Thread(runnable, "quiet pool");
      thread.setDaemon(true);
      return thread;
    });
    TaskRunner.Backend neverWoken = new TaskRunner.Backend() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void coordinatorNotify(TaskRunner taskRunner) {
        // The point of the experiment: the coordinator finds new work on its own, within a second.
      }

      @Override
      public void coordinatorWait(TaskRunner taskRunner, long nanos) {
        if (nanos > 0) LockableKt.awaitNanos(taskRunner, Math.min(nanos, LONGEST_WAIT_NANOS));
      }

      @Override
      public <T> BlockingQueue<T> decorate(BlockingQueue<T> queue) {
        return queue;
      }

      @Override
      public void execute(TaskRunner taskRunner, Runnable runnable) {
        threads.execute(taskRunner, runnable);
      }
    };
    return new ConnectionPool(5, 5, TimeUnit.MINUTES, new TaskRunner(neverWoken, Logger.getLogger("quiet pool")),
        ConnectionListener.Companion.getNONE());
  }
}
