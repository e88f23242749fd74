package dev.sls4j.benchmarks;

import dev.sls4j.client.SlsClient;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import dev.sls4j.signing.Credentials;
import java.net.InetAddress;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole UpdateCheckPoint call, client side only: this SDK as a user calls it beside the floor (OkHttp sending a
 * request prepared once), all over {@link CannedAnswerSocket}, without a server or a scheduler in the figures. The
 * floor runs with OkHttp's default timeouts, as in the end-to-end harness, and without any, as this SDK configures
 * OkHttp: the difference between {@code sls4j} and {@code floorWithoutTimeouts} is what this SDK's layer costs on top
 * of OkHttp. {@code sls4jPrepare} is the part before OkHttp: checking the arguments, the URL, the JSON body and the
 * request.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class CallBenchmark {
  private SlsClient sdk;
  private ConsumerGroupApi api;
  private OkHttpClient floorClient;
  private OkHttpClient floorWithoutTimeoutsClient;
  private okhttp3.Request floorRequest;

  @Setup(Level.Trial)
  public void setUp() {
    OkHttpClient offline = new OkHttpClient.Builder()
        .socketFactory(CannedAnswerSocket.FACTORY)
        .dns(host -> Collections.singletonList(InetAddress.getLoopbackAddress()))
        .build();
    sdk = SlsClient.builder()
        .endpoint("http://" + Side.ENDPOINT)
        .credentials(Credentials.of(Side.ACCESS_KEY_ID, Side.ACCESS_KEY_SECRET))
        .httpClient(offline)
        .build();
    api = sdk.create(ConsumerGroupApi.class, Side.PROJECT);
    floorClient = offline;
    floorWithoutTimeoutsClient = offline.newBuilder()
        .readTimeout(0, TimeUnit.MILLISECONDS).writeTimeout(0, TimeUnit.MILLISECONDS).build();
    floorRequest = Side.Floor.request();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    sdk.close();
  }

  @Benchmark
  public Object sls4j() {
    return api.updateCheckPoint(Side.LOGSTORE, Side.GROUP, Side.CONSUMER,
        UpdateCheckPointRequest.builder().shard(0).checkpoint(Side.CHECKPOINT).build(), false).execute();
  }

  @Benchmark
  public Object sls4jPrepare() {
    return api.updateCheckPoint(Side.LOGSTORE, Side.GROUP, Side.CONSUMER,
        UpdateCheckPointRequest.builder().shard(0).checkpoint(Side.CHECKPOINT).build(), false);
  }

  @Benchmark
  public Object floor() throws Exception {
    return floorCall(floorClient);
  }

  @Benchmark
  public Object floorWithoutTimeouts() throws Exception {
    return floorCall(floorWithoutTimeoutsClient);
  }

  private Object floorCall(OkHttpClient client) throws Exception {
    try (Response response = client.newCall(floorRequest).execute()) {
      return response.body().bytes();
    }
  }
}
