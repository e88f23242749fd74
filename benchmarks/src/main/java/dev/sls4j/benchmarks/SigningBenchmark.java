package dev.sls4j.benchmarks;

import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.CredentialsProvider;
import dev.sls4j.signing.RequestSigner;
import dev.sls4j.signing.SignableRequest;
import dev.sls4j.signing.SigningInterceptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing an UpdateCheckPoint request, v1 and v4, beside the bare crypto each must do with instances prepared ahead:
 * v1 an MD5 of the body and one HMAC-SHA1; v4 a SHA-256 of the body, one of the canonical request and one
 * HMAC-SHA256 with the day's key. And the OkHttp interceptor that does it for each call: an OkHttp call answered by an
 * interceptor in place of the network, with and without {@link SigningInterceptor} before it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SigningBenchmark {
  private static final Credentials KEYS = Credentials.of(Side.ACCESS_KEY_ID, Side.ACCESS_KEY_SECRET);
  private static final byte[] BODY =
      ("{\"checkpoint\":\"" + Side.CHECKPOINT + "\",\"shard\":0}").getBytes(StandardCharsets.UTF_8);

  private final RequestSigner v1 = RequestSigner.v1();
  private final RequestSigner v4 = RequestSigner.v4("cn-hangzhou");
  private SignableRequest request;
  private Instant now;
  private MessageDigest md5;
  private MessageDigest sha256;
  private Mac hmacSha1;
  private Mac hmacSha256;
  private byte[] v1StringToSign;
  private byte[] v4CanonicalRequest;
  private byte[] v4StringToSign;
  private OkHttpClient answeredAtOnce;
  private OkHttpClient signedAndAnsweredAtOnce;
  private Request okHttpRequest;

  @Setup
  public void setUp() throws Exception {
    request = SignableRequest.builder()
        .method("POST")
        .host(Side.PROJECT + "." + Side.ENDPOINT)
        .encodedPath("/logstores/" + Side.LOGSTORE + "/consumergroups/" + Side.GROUP)
        .addEncodedQuery("type=checkpoint&consumer=" + Side.CONSUMER + "&forceSuccess=false")
        .header("Content-Type", "application/json")
        .header("x-log-apiversion", "0.6.0")
        .header("x-log-bodyrawsize", "0")
        .header("User-Agent", "bench")
        .body(BODY)
        .build();
    now = Instant.parse("2026-11-29T13:59:05Z");
    md5 = MessageDigest.getInstance("MD5");
    sha256 = MessageDigest.getInstance("SHA-256");
    hmacSha1 = Mac.getInstance("HmacSHA1");
    hmacSha1.init(new SecretKeySpec(Side.ACCESS_KEY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    hmacSha256 = Mac.getInstance("HmacSHA256");
    hmacSha256.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
    v1StringToSign = v1.sign(request, KEYS, now).stringToSign().getBytes(StandardCharsets.UTF_8);
    v4CanonicalRequest = v4.sign(request, KEYS, now).canonicalRequest().getBytes(StandardCharsets.UTF_8);
    v4StringToSign = v4.sign(request, KEYS, now).stringToSign().getBytes(StandardCharsets.UTF_8);

    // An empty body: a new Buffer per answer that is never read would keep Okio's segment pool empty, and the
    // interceptor's own Buffer would then pay for a fresh segment every call, as it does not in a real call.
    Interceptor answer = chain -> new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1)
        .code(200).message("OK").body(ResponseBody.EMPTY).build();
    answeredAtOnce = new OkHttpClient.Builder().addInterceptor(answer).build();
    signedAndAnsweredAtOnce = new OkHttpClient.Builder()
        .addInterceptor(SigningInterceptor.create(v1, CredentialsProvider.of(KEYS))).addInterceptor(answer).build();
    okHttpRequest = new Request.Builder()
        .url("http://" + Side.PROJECT + "." + Side.ENDPOINT + "/logstores/" + Side.LOGSTORE + "/consumergroups/"
            + Side.GROUP + "?type=checkpoint&consumer=" + Side.CONSUMER + "&forceSuccess=false")
        .header("x-log-apiversion", "0.6.0")
        .header("x-log-bodyrawsize", "0")
        .header("User-Agent", "bench")
        .post(RequestBody.create(BODY, MediaType.get("application/json")))
        .build();
  }

  @Benchmark
  public Object v1Sign() {
    return v1.sign(request, KEYS, now);
  }

  @Benchmark
  public Object v1BareCrypto() {
    md5.digest(BODY);
    return hmacSha1.doFinal(v1StringToSign);
  }

  @Benchmark
  public Object v1Interceptor() throws IOException {
    try (Response response = signedAndAnsweredAtOnce.newCall(okHttpRequest).execute()) {
      return response.code();
    }
  }

  @Benchmark
  public Object withoutInterceptor() throws IOException {
    try (Response response = answeredAtOnce.newCall(okHttpRequest).execute()) {
      return response.code();
    }
  }

  @Benchmark
  public Object v4Sign() {
    return v4.sign(request, KEYS, now);
  }

  @Benchmark
  public Object v4BareCrypto() {
    sha256.digest(BODY);
    sha256.digest(v4CanonicalRequest);
    return hmacSha256.doFinal(v4StringToSign);
  }
}
