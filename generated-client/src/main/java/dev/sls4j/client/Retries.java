package dev.sls4j.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Response;

/**
 * Decides, after each attempt of a call, whether to stop or to try again and after how long, as {@link RetryPolicy}
 * describes; and once after {@code RequestTimeExpired}, with the signing clock set to the server's. Every attempt is a
 * new OkHttp call, so it passes through signing again. Shared by all calls of a client; thread-safe.
 */
final class Retries {
  private static final Set<Integer> RETRYABLE_STATUS = new HashSet<>(Arrays.asList(429, 500, 502, 503, 504));
  private static final Set<String> RETRYABLE_CODES = new HashSet<>(
      Arrays.asList("ServerBusy", "InternalServerError", "WriteQuotaExceed", "ReadQuotaExceed"));

  enum Outcome { FINISH, ALREADY_DONE, RETRY }

  /** One call's attempts so far. */
  static final class Attempts {
    /** The call's deadline on {@link System#nanoTime()}'s scale, or 0 for none: the one {@link Deadlines} watches. */
    final long deadlineNanos;
    int attempt = 1;
    boolean clockCorrected;
    long delayMillis;

    Attempts(long deadlineNanos) {
      this.deadlineNanos = deadlineNanos;
    }
  }

  private final RetryPolicy policy;
  private final SkewCorrectingClock clock;
  private final ErrorAnswers errorAnswers;
  private volatile ScheduledExecutorService scheduler;
  private volatile boolean closed;

  Retries(RetryPolicy policy, SkewCorrectingClock clock, ErrorAnswers errorAnswers) {
    this.policy = policy;
    this.clock = clock;
    this.errorAnswers = errorAnswers;
  }

  /**
   * What to do after an attempt that ended with {@code response} or {@code failure}. For {@link Outcome#RETRY} the
   * wait is in {@link Attempts#delayMillis}, and the caller closes the response.
   */
  Outcome decide(Attempts attempts, Operation operation, Response response, IOException failure, boolean canceled) {
    if (canceled) return Outcome.FINISH;
    boolean idempotent = operation.idempotent;
    if (response != null) {
      if (response.isSuccessful()) return Outcome.FINISH;
      String errorCode = errorAnswers.peekErrorCode(response);
      if (attempts.attempt > 1 && idempotent && errorCode != null
          && errorCode.equals(operation.alreadyDoneErrorCode)) {
        return Outcome.ALREADY_DONE;
      }
      if (!attempts.clockCorrected && response.code() == 400 && "RequestTimeExpired".equals(errorCode)
          && clock.correctTo(response.header("Date"))) {
        // Refused before it was processed: signing again with the server's time is safe for any operation.
        attempts.clockCorrected = true;
        attempts.delayMillis = 0;
        return Outcome.RETRY;
      }
      if (!idempotent || !retryable(response.code(), errorCode)) return Outcome.FINISH;
    } else if (!(idempotent ? retryable(failure) : neverSent(failure))) {
      return Outcome.FINISH;
    }
    if (attempts.attempt >= policy.maxAttempts()) return Outcome.FINISH;
    long delay = Math.max(policy.delayMillis(attempts.attempt), retryAfterMillis(response));
    if (attempts.deadlineNanos != 0
        && System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay) - attempts.deadlineNanos >= 0) {
      return Outcome.FINISH; // the wait alone would pass the deadline
    }
    attempts.attempt++;
    attempts.delayMillis = delay;
    return Outcome.RETRY;
  }

  /**
   * A successful answer with its body read: a body that breaks off is then a failure of this attempt, retried like a
   * dropped connection. The bodies of these operations are small.
   */
  static Response buffered(Response response) throws IOException {
    if (!response.isSuccessful() || response.body() == null) return response;
    try {
      response.body().source().request(Long.MAX_VALUE); // the whole body, into the source's own buffer
    } catch (IOException e) {
      response.close();
      throw e;
    }
    return response;
  }

  /**
   * Runs {@code task} after {@code delayMillis} on the client's timer thread, which exists once a retry waits.
   *
   * @throws RejectedExecutionException once the client is closed
   */
  void schedule(Runnable task, long delayMillis) {
    if (closed) throw new RejectedExecutionException("closed");
    ScheduledExecutorService timer = scheduler;
    if (timer == null) {
      synchronized (this) {
        timer = scheduler;
        if (timer == null) {
          timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sls4j-retry-timer");
            thread.setDaemon(true);
            return thread;
          });
          scheduler = timer;
        }
      }
    }
    timer.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
  }

  void shutdown() {
    closed = true;
    synchronized (this) {
      if (scheduler != null) scheduler.shutdownNow();
    }
  }

  static boolean retryable(int status, String errorCode) {
    return RETRYABLE_STATUS.contains(status) || (errorCode != null && RETRYABLE_CODES.contains(errorCode));
  }

  /** Transient trouble on the way, as opposed to a certificate that does not verify. */
  private static boolean retryable(IOException failure) {
    return !(failure instanceof SSLException);
  }

  /** The request cannot have reached the server: no connection was made. */
  private static boolean neverSent(IOException failure) {
    return failure instanceof ConnectException || failure instanceof UnknownHostException
        || failure instanceof NoRouteToHostException;
  }

  /** What {@code Retry-After} asks for (seconds or an HTTP date), or 0. */
  static long retryAfterMillis(Response response) {
    String value = response == null ? null : response.header("Retry-After");
    if (value == null) return 0;
    try {
      return Math.max(0, Long.parseLong(value.trim()) * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        long at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        return Math.max(0, at - System.currentTimeMillis());
      } catch (DateTimeParseException notADate) {
        return 0;
      }
    }
  }
}
