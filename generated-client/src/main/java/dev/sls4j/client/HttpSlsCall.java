package dev.sls4j.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okio.ByteString;

/**
 * An {@link SlsCall} that runs the request Retrofit built on OkHttp and reads the answer itself, so that every
 * outcome, a body that breaks off or does not parse included, keeps the status and request id it arrived with.
 */
final class HttpSlsCall<T> implements SlsCall<T> {
  static final String REQUEST_ID_HEADER = "x-log-requestid";

  private final Request request;
  private final Call.Factory http;
  private final JsonAdapter<T> bodyAdapter;
  private final ErrorAnswers errorAnswers;
  private final Call call;

  /** {@code bodyAdapter} null: the operation answers without a body ({@code SlsCall<Void>}). */
  @SuppressWarnings("unchecked") // the adapter was made for the type argument of the method's SlsCall<T>
  HttpSlsCall(Request request, Call.Factory http, JsonAdapter<?> bodyAdapter, ErrorAnswers errorAnswers) {
    this.request = request;
    this.http = http;
    this.bodyAdapter = (JsonAdapter<T>) bodyAdapter;
    this.errorAnswers = errorAnswers;
    this.call = http.newCall(request);
  }

  @Override
  public SlsResponse<T> execute() {
    try (Response response = call.execute()) {
      return toResponse(response);
    } catch (IOException e) {
      throw noAnswer(e);
    }
  }

  @Override
  public CompletableFuture<SlsResponse<T>> executeAsync() {
    CompletableFuture<SlsResponse<T>> future = new CompletableFuture<SlsResponse<T>>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        call.cancel();
        return super.cancel(mayInterruptIfRunning);
      }
    };
    call.enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        try (Response closing = response) {
          future.complete(toResponse(closing));
        } catch (SlsException e) {
          future.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        future.completeExceptionally(noAnswer(e));
      }
    });
    return future;
  }

  @Override
  public void cancel() {
    call.cancel();
  }

  @Override
  public SlsCall<T> copy() {
    return new HttpSlsCall<>(request, http, bodyAdapter, errorAnswers);
  }

  private SlsResponse<T> toResponse(Response response) {
    String requestId = response.header(REQUEST_ID_HEADER);
    if (!response.isSuccessful()) {
      throw errorAnswers.toException(response.code(), requestId, response.body());
    }
    ByteString body;
    try {
      body = response.body().byteString();
    } catch (IOException e) {
      if (bodyAdapter == null) return new SlsResponse<>(response.code(), requestId, null); // done; nothing to read
      throw new SlsClientException(describe() + ": the answer's body broke off: " + e, e, response.code(), requestId);
    }
    if (bodyAdapter == null) return new SlsResponse<>(response.code(), requestId, null);
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
