package dev.sls4j.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import java.util.concurrent.TimeUnit;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The UpdateCheckPoint body to bytes, as the SDK's converter writes it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class JsonBenchmark {
  private final JsonAdapter<UpdateCheckPointRequest> adapter =
      new Moshi.Builder().build().adapter(UpdateCheckPointRequest.class);

  @Benchmark
  public Object encodeBody() throws Exception {
    Buffer buffer = new Buffer();
    adapter.toJson(buffer, UpdateCheckPointRequest.builder().shard(0).checkpoint(Side.CHECKPOINT).build());
    return buffer.readByteString();
  }
}
