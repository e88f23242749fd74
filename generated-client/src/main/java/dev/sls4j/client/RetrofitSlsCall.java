package dev.sls4j.client;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/** An {@link SlsCall} over a Retrofit call: maps answers and failures to the SDK's types. */
final class RetrofitSlsCall<T> implements SlsCall<T> {
  static final String REQUEST_ID_HEADER = "x-log-requestid";

  private final Call<T> delegate;
  private final ErrorAnswers errorAnswers;

  RetrofitSlsCall(Call<T> delegate, ErrorAnswers errorAnswers) {
    this.delegate = delegate;
    this.errorAnswers = errorAnswers;
  }

  @Override
  public SlsResponse<T> execute() {
    Response<T> response;
    try {
      response = delegate.execute();
    } catch (IOException | RuntimeException e) {
      throw failure(e);
    }
    return toResponse(response);
  }

  @Override
  public CompletableFuture<SlsResponse<T>> executeAsync() {
    CompletableFuture<SlsResponse<T>> future = new CompletableFuture<SlsResponse<T>>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        delegate.cancel();
        return super.cancel(mayInterruptIfRunning);
      }
    };
    delegate.enqueue(new Callback<T>() {
      @Override
      public void onResponse(Call<T> call, Response<T> response) {
        try {
          future.complete(toResponse(response));
        } catch (SlsException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call<T> call, Throwable t) {
        future.completeExceptionally(failure(t));
      }
    });
    return future;
  }

  @Override
  public void cancel() {
    delegate.cancel();
  }

  @Override
  public SlsCall<T> copy() {
    return new RetrofitSlsCall<>(delegate.clone(), errorAnswers);
  }

  private SlsResponse<T> toResponse(Response<T> response) {
    String requestId = response.headers().get(REQUEST_ID_HEADER);
    if (!response.isSuccessful()) {
      throw errorAnswers.toException(response.code(), requestId, response.errorBody());
    }
    return new SlsResponse<>(response.code(), requestId, response.body());
  }

  /** Argument errors stay what they are; anything else that kept an answer from arriving is a client failure. */
  private RuntimeException failure(Throwable t) {
    if (t instanceof IllegalArgumentException || t instanceof IllegalStateException) {
      return (RuntimeException) t;
    }
    String what = delegate.request().method() + " " + delegate.request().url().encodedPath();
    String reason = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    return new SlsClientException(what + " failed: " + reason, t);
  }
}
