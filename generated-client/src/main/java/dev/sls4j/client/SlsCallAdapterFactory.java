package dev.sls4j.client;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;

/** Lets the generated interfaces declare {@code SlsCall<T>} as their return type. */
final class SlsCallAdapterFactory extends CallAdapter.Factory {
  private final ErrorAnswers errorAnswers;

  SlsCallAdapterFactory(ErrorAnswers errorAnswers) {
    this.errorAnswers = errorAnswers;
  }

  @Override
  public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
    if (getRawType(returnType) != SlsCall.class) return null;
    if (!(returnType instanceof ParameterizedType)) {
      throw new IllegalArgumentException("SlsCall return type must be parameterized as SlsCall<Foo>");
    }
    Type bodyType = getParameterUpperBound(0, (ParameterizedType) returnType);
    return new CallAdapter<Object, SlsCall<Object>>() {
      @Override
      public Type responseType() {
        return bodyType;
      }

      @Override
      public SlsCall<Object> adapt(Call<Object> call) {
        return new RetrofitSlsCall<>(call, errorAnswers);
      }
    };
  }
}
