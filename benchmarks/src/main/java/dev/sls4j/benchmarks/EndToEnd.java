package dev.sls4j.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * N UpdateCheckPoint calls with 1 and with 4 threads against a local server, for three sides in one run, interleaved
 * and repeated: this SDK, the official SDK, and the floor (bare OkHttp with precomputed headers). Prints each side's
 * median calls/s, process CPU per call, p50/p99 latency, bytes allocated per call and time from JVM start to the first
 * completed call, the ratios the performance issue sets targets for, and writes a chart.
 */
final class EndToEnd {
  static final List<String> SIDES = List.of("sls4j", "official", "floor");
  static final int[] THREADS = {1, 4};

  /** One run of one side with one thread count. */
  record Run(double callsPerSecond, double cpuMicrosPerCall, double p50Micros, double p99Micros, double bytesPerCall) {}

  private EndToEnd() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int calls = Integer.parseInt(options.getOrDefault("--calls", "20000"));
    int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
    int warmup = Integer.parseInt(options.getOrDefault("--warmup", "20000"));
    Path chart = Path.of(options.getOrDefault("--chart", "benchmarks/target/e2e.png"));
    String only = options.get("--profile");

    Nginx nginx = null;
    String server = options.get("--url");
    if (server == null) {
      nginx = Nginx.start();
      server = "127.0.0.1:" + nginx.port;
    }
    String[] hostPort = server.split(":");
    System.out.printf(Locale.ROOT, "server %s, %d calls a run, %d rounds, %d cores, Java %s%n", server, calls, rounds,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    try {
      if (only != null) {
        // One side, many calls, nothing else: for a profiler attached to this JVM.
        try (Side side = Side.create(only, hostPort[0], Integer.parseInt(hostPort[1]))) {
          for (int round = 0; round < rounds; round++) {
            Run run = run(side, 1, calls);
            System.out.printf(Locale.ROOT, "%s: %,.0f calls/s, %.1f us CPU/call, %.0f bytes/call%n", only,
                run.callsPerSecond(), run.cpuMicrosPerCall(), run.bytesPerCall());
          }
        }
        return;
      }
      Map<String, Side> sides = new LinkedHashMap<>();
      for (String name : SIDES) sides.put(name, Side.create(name, hostPort[0], Integer.parseInt(hostPort[1])));
      for (Side side : sides.values()) {
        run(side, 1, warmup);
        run(side, 4, warmup);
      }
      Map<String, List<Run>> runs = new LinkedHashMap<>();
      Map<String, List<Double>> firstCalls = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < SIDES.size(); i++) {
          String name = SIDES.get((i + round) % SIDES.size()); // a different side goes first each round
          for (int threads : THREADS) {
            Run run = run(sides.get(name), threads, calls);
            runs.computeIfAbsent(name + "/" + threads, k -> new ArrayList<>()).add(run);
            System.out.printf(Locale.ROOT, "round %d %-8s %d thread(s): %,9.0f calls/s%n", round + 1, name, threads,
                run.callsPerSecond());
          }
          firstCalls.computeIfAbsent(name, k -> new ArrayList<>()).add(firstCallMillis(name, server));
        }
      }
      for (Side side : sides.values()) side.close();
      Report report = new Report(runs, firstCalls);
      report.print();
      Chart.write(report, chart);
      System.out.println("chart: " + chart.toAbsolutePath());
    } finally {
      if (nginx != null) nginx.close();
    }
  }

  /** {@code calls} calls spread over {@code threads} threads, all at once. */
  static Run run(Side side, int threads, int calls) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    com.sun.management.ThreadMXBean memory = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] latencies = new long[calls];
    AtomicLong allocated = new AtomicLong();
    AtomicLong callerCpu = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int from = calls * t / threads;
      int to = calls * (t + 1) / threads;
      Thread worker = new Thread(() -> {
        try {
          start.await();
          long allocatedBefore = memory.getCurrentThreadAllocatedBytes();
          long cpuBefore = memory.getCurrentThreadCpuTime();
          for (int i = from; i < to; i++) {
            long began = System.nanoTime();
            side.call();
            latencies[i] = System.nanoTime() - began;
          }
          allocated.addAndGet(memory.getCurrentThreadAllocatedBytes() - allocatedBefore);
          callerCpu.addAndGet(memory.getCurrentThreadCpuTime() - cpuBefore);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      worker.start();
      workers.add(worker);
    }
    long cpuBefore = os.getProcessCpuTime();
    long began = System.nanoTime();
    start.countDown();
    for (Thread worker : workers) worker.join();
    long wall = System.nanoTime() - began;
    long cpu = os.getProcessCpuTime() - cpuBefore;
    if (failure.get() != null) throw new IllegalStateException(side.name() + " failed", failure.get());
    Arrays.sort(latencies);
    if (System.getProperty("sls4j.callerCpu") != null) {
      System.out.printf(Locale.ROOT, "  calling threads: %.1f us CPU/call%n", callerCpu.get() / 1e3 / calls);
    }
    return new Run(calls / (wall / 1e9), cpu / 1e3 / calls, latencies[calls / 2] / 1e3,
        latencies[(int) (calls * 0.99)] / 1e3, (double) allocated.get() / calls);
  }

  /** Starts a JVM that makes one call and reports when it completed, counted from that JVM's start. */
  static double firstCallMillis(String side, String server) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("java.class.path");
    Process process = new ProcessBuilder(java, "-cp", classpath, Main.class.getName(), "first-call", side, server)
        .redirectErrorStream(true).start();
    String last = null;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) last = line;
    }
    if (process.waitFor() != 0 || last == null) throw new IllegalStateException(side + " first call failed: " + last);
    return Double.parseDouble(last.trim());
  }

  static double median(List<Run> runs, ToDoubleFunction<Run> metric) {
    return median(runs.stream().mapToDouble(metric).boxed().toList());
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --option value, got " + args[i]);
      options.put(args[i], args[i + 1]);
    }
    return options;
  }
}
