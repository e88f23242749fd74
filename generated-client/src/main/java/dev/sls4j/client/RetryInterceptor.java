package dev.sls4j.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Tries a call again after transient failures, as {@link RetryPolicy} describes, and once after
 * {@code RequestTimeExpired} with the clock corrected to the server's. Sits before signing, so every attempt is
 * signed anew. Runs on the calling thread (or OkHttp's dispatcher thread for async calls), waiting there.
 */
final class RetryInterceptor implements Interceptor {
  private static final Set<Integer> RETRYABLE_STATUS = new HashSet<>(Arrays.asList(429, 500, 502, 503, 504));
  private static final Set<String> RETRYABLE_CODES = new HashSet<>(
      Arrays.asList("ServerBusy", "InternalServerError", "WriteQuotaExceed", "ReadQuotaExceed"));
  private static final MediaType JSON = MediaType.get("application/json");

  private final RetryPolicy policy;
  private final SkewCorrectingClock clock;
  private final ErrorAnswers errorAnswers;
  private final long callTimeoutMillis;

  RetryInterceptor(RetryPolicy policy, SkewCorrectingClock clock, ErrorAnswers errorAnswers, long callTimeoutMillis) {
    this.policy = policy;
    this.clock = clock;
    this.errorAnswers = errorAnswers;
    this.callTimeoutMillis = callTimeoutMillis;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Operation operation = request.tag(Operation.class);
    boolean idempotent = operation != null && operation.idempotent;
    long started = System.nanoTime();
    boolean clockCorrected = false;
    for (int attempt = 1; ; attempt++) {
      Response response = null;
      IOException failure = null;
      try {
        response = buffered(chain.proceed(request));
      } catch (IOException e) {
        failure = e;
      }
      if (chain.call().isCanceled()) return answerOrThrow(response, failure);

      if (response != null) {
        if (response.isSuccessful()) return response;
        String errorCode = errorAnswers.peekErrorCode(response);
        if (attempt > 1 && idempotent && errorCode != null && errorCode.equals(operation.alreadyDoneErrorCode)) {
          return alreadyDone(response);
        }
        if (!clockCorrected && response.code() == 400 && "RequestTimeExpired".equals(errorCode)
            && clock.correctTo(response.header("Date"))) {
          // Refused before it was processed: signing again with the server's time is safe for any operation.
          clockCorrected = true;
          response.close();
          attempt--;
          continue;
        }
        if (!idempotent || !retryable(response.code(), errorCode)) return response;
      } else if (!(idempotent ? retryable(failure) : neverSent(failure))) {
        throw failure;
      }

      if (attempt >= policy.maxAttempts()) return answerOrThrow(response, failure);
      long delay = Math.max(policy.delayMillis(attempt), retryAfterMillis(response));
      long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      if (callTimeoutMillis > 0 && elapsed + delay >= callTimeoutMillis) return answerOrThrow(response, failure);
      if (response != null) response.close();
      sleep(delay);
      if (chain.call().isCanceled()) throw new InterruptedIOException("canceled");
    }
  }

  /**
   * A successful answer with its body read: a body that breaks off is then a failure of this attempt, retried like a
   * dropped connection. The bodies of these operations are small.
   */
  private static Response buffered(Response response) throws IOException {
    if (!response.isSuccessful() || response.body() == null) return response;
    try {
      response.body().source().request(Long.MAX_VALUE); // the whole body, into the source's own buffer
    } catch (IOException e) {
      response.close();
      throw e;
    }
    return response;
  }

  static boolean retryable(int status, String errorCode) {
    return RETRYABLE_STATUS.contains(status) || (errorCode != null && RETRYABLE_CODES.contains(errorCode));
  }

  /** Transient trouble on the way, as opposed to a certificate that does not verify or a cancelled call. */
  private static boolean retryable(IOException failure) {
    return !(failure instanceof SSLException);
  }

  /** The request cannot have reached the server: no connection was made. */
  private static boolean neverSent(IOException failure) {
    return failure instanceof ConnectException || failure instanceof UnknownHostException
        || failure instanceof NoRouteToHostException;
  }

  private static Response answerOrThrow(Response response, IOException failure) throws IOException {
    if (response != null) return response;
    throw failure;
  }

  /** A retry met the error that says an earlier attempt did the work: the call succeeded. */
  private static Response alreadyDone(Response response) {
    response.close();
    return response.newBuilder()
        .code(200)
        .message("OK")
        .body(ResponseBody.create("{}", JSON))
        .build();
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

  private static void sleep(long millis) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }
}
