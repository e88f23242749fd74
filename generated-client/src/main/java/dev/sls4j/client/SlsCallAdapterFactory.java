package dev.sls4j.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;

/**
 * Lets the generated interfaces declare {@code SlsCall<T>}. Retrofit builds each request from the interface's
 * annotations; {@link HttpSlsCall} runs it and decodes the answer.
 */
final class SlsCallAdapterFactory extends CallAdapter.Factory {
  private final Moshi moshi;
  private final ErrorAnswers errorAnswers;

  SlsCallAdapterFactory(Moshi moshi, ErrorAnswers errorAnswers) {
    this.moshi = moshi;
    this.errorAnswers = errorAnswers;
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    if (getRawType(returnType) != SlsCall.class) return null;
    if (!(returnType instanceof ParameterizedType)) {
      throw new IllegalArgumentException("SlsCall return type must be parameterized as SlsCall<Foo>");
    }
    Type bodyType = getParameterUpperBound(0, (ParameterizedType) returnType);
    JsonAdapter<Object> bodyAdapter = bodyType == Void.class ? null : moshi.adapter(bodyType);
    okhttp3.Call.Factory http = retrofit.callFactory();
    return new CallAdapter<ResponseBody, SlsCall<Object>>() {
      /** Retrofit never reads answers here; {@link HttpSlsCall} does. */
      @Override
      public Type responseType() {
        return ResponseBody.class;
      }

      @Override
      public SlsCall<Object> adapt(Call<ResponseBody> call) {
        // Building the request here, in the caller's thread, fails bad arguments before anything is sent.
        return new HttpSlsCall<>(call.request(), http, bodyAdapter, errorAnswers);
      }
    };
  }
}
