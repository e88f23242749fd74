package dev.sls4j.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.ByteString;

/**
 * An {@link SlsCall}: its attempts, each a new OkHttp call signed anew, with {@link Retries} deciding between them,
 * and the answer read here, so that every outcome, a body that breaks off or does not parse included, keeps the status
 * and request id it arrived with. Asynchronous attempts wait for their retries on a timer, not in OkHttp's threads.
 * {@link Deadlines} ends the call when its deadline passes, whichever attempt or wait it is in.
 */
final class HttpSlsCall<T> implements SlsCall<T>, Deadlines.Watched {
  static final String REQUEST_ID_HEADER = "x-log-requestid";

  private final Request request;
  private final OkHttpClient http;
  private final Operation operation;
  private final JsonAdapter<T> bodyAdapter;
  private final ErrorAnswers errorAnswers;
  private final Retries retries;
  private final Deadlines deadlines;
  private final AtomicBoolean executed = new AtomicBoolean();
  private volatile boolean canceled;
  private volatile boolean deadlinePassed;
  private volatile Call current;
  private long deadlineNanos;

  @SuppressWarnings("unchecked") // the adapter was made for the type argument of the method's SlsCall<T>
  HttpSlsCall(Request request, OkHttpClient http, Operation operation, ErrorAnswers errorAnswers, Retries retries,
      Deadlines deadlines) {
    this.request = request;
    this.http = http;
    this.operation = operation;
    this.bodyAdapter = (JsonAdapter<T>) operation.responseAdapter;
    this.errorAnswers = errorAnswers;
    this.retries = retries;
    this.deadlines = deadlines;
  }

  @Override
  public SlsResponse<T> execute() {
    startOnce();
    deadlines.watch(this);
    try {
      return attempt(new Retries.Attempts(deadlineNanos));
    } finally {
      deadlines.unwatch(this);
    }
  }

  private SlsResponse<T> attempt(Retries.Attempts attempts) {
    while (true) {
      Call call = newAttempt();
      Response response = null;
      IOException failure = null;
      try {
        response = Retries.buffered(call.execute());
      } catch (IOException e) {
        failure = e;
      }
      Retries.Outcome outcome = retries.decide(attempts, operation, response, failure, call.isCanceled());
      if (outcome != Retries.Outcome.RETRY) return finish(outcome, response, failure);
      if (response != null) response.close();
      try {
        TimeUnit.MILLISECONDS.sleep(attempts.delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw noAnswer(new InterruptedIOException("interrupted while waiting to retry"));
      }
    }
  }

  @Override
  public CompletableFuture<SlsResponse<T>> executeAsync() {
    startOnce();
    CompletableFuture<SlsResponse<T>> future = new CompletableFuture<SlsResponse<T>>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        HttpSlsCall.this.cancel();
        return super.cancel(mayInterruptIfRunning);
      }
    };
    deadlines.watch(this);
    future.whenComplete((response, failure) -> deadlines.unwatch(this));
    attemptAsync(new Retries.Attempts(deadlineNanos), future);
    return future;
  }

  private void attemptAsync(Retries.Attempts attempts, CompletableFuture<SlsResponse<T>> future) {
    newAttempt().enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        Response buffered = null;
        IOException failure = null;
        try {
          buffered = Retries.buffered(response);
        } catch (IOException e) {
          failure = e;
        }
        afterAttempt(attempts, future, call, buffered, failure);
      }

      @Override
      public void onFailure(Call call, IOException e) {
        afterAttempt(attempts, future, call, null, e);
      }
    });
  }

  private void afterAttempt(Retries.Attempts attempts, CompletableFuture<SlsResponse<T>> future, Call call,
      Response response, IOException failure) {
    Retries.Outcome outcome = retries.decide(attempts, operation, response, failure, call.isCanceled());
    if (outcome != Retries.Outcome.RETRY) {
      try {
        future.complete(finish(outcome, response, failure));
      } catch (SlsException e) {
        future.completeExceptionally(e);
      }
      return;
    }
    if (response != null) response.close();
    try {
      if (attempts.delayMillis == 0) {
        attemptAsync(attempts, future);
      } else {
        retries.schedule(() -> attemptAsync(attempts, future), attempts.delayMillis);
      }
    } catch (RejectedExecutionException closed) {
      future.completeExceptionally(noAnswer(new InterruptedIOException("the client was closed before a retry")));
    }
  }

  /** A new OkHttp call for the next attempt; canceled at once if the call was. */
  private Call newAttempt() {
    Call call = http.newCall(request);
    current = call;
    if (canceled || deadlinePassed) call.cancel();
    return call;
  }

  private void startOnce() {
    if (!executed.compareAndSet(false, true)) throw new IllegalStateException("Already executed: use copy()");
    deadlineNanos = deadlines.deadlineFromNow();
  }

  @Override
  public long deadlineNanos() {
    return deadlineNanos;
  }

  @Override
  public void expire() {
    deadlinePassed = true;
    Call call = current;
    if (call != null) call.cancel();
  }

  @Override
  public void cancel() {
    canceled = true;
    Call call = current;
    if (call != null) call.cancel();
  }

  @Override
  public SlsCall<T> copy() {
    return new HttpSlsCall<>(request, http, operation, errorAnswers, retries, deadlines);
  }

  private SlsResponse<T> finish(Retries.Outcome outcome, Response response, IOException failure) {
    if (response == null) throw noAnswer(failure);
    try (Response closing = response) {
      if (outcome == Retries.Outcome.ALREADY_DONE) {
        // A retry met the error that says an earlier attempt did the work: the call succeeded.
        return new SlsResponse<>(200, closing.header(REQUEST_ID_HEADER), null);
      }
      return toResponse(closing);
    }
  }

  private SlsResponse<T> toResponse(Response response) {
    String requestId = response.header(REQUEST_ID_HEADER);
    if (!response.isSuccessful()) {
      throw errorAnswers.toException(response.code(), requestId, response.body());
    }
    if (bodyAdapter == null) return new SlsResponse<>(response.code(), requestId, null);
    ByteString body;
    try {
      body = response.body().byteString();
    } catch (IOException e) {
      throw new SlsClientException(describe() + ": the answer's body broke off: " + e, e, response.code(), requestId);
    }
    try {
      T value = bodyAdapter.fromJson(body.utf8());
      if (value == null) throw new JsonDataException("the body is null");
      return new SlsResponse<>(response.code(), requestId, value);
    } catch (IOException | JsonDataException e) {
      throw new SlsClientException(describe() + ": the answer's body is not what the operation returns ("
          + e.getMessage() + "): " + preview(body), e, response.code(), requestId);
    }
  }

  private SlsClientException noAnswer(IOException e) {
    if (deadlinePassed) {
      return new SlsClientException(describe() + " failed: its deadline of " + deadlines.timeoutMillis()
          + " ms (callTimeout) passed", e);
    }
    String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new SlsClientException(describe() + " failed: " + reason, e);
  }

  private String describe() {
    return request.method() + " " + request.url().encodedPath();
  }

  private static String preview(ByteString body) {
    String text = body.size() > 200 ? body.substring(0, 200).utf8() + "..." : body.utf8();
    return text.isEmpty() ? "(empty)" : text.replaceAll("\\s+", " ");
  }
}
