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
 * and repeated, each measurement in a JVM of its own: this SDK, the official SDK, and the floor (bare OkHttp with precomputed headers). Prints each side's
 * median calls/s, process CPU per call, p50/p99 latency, bytes allocated per call and time from JVM start to the first
 * completed call, the ratios the performance issue sets targets for, and writes a chart.
 */
final class EndToEnd {
  static final List<String> SIDES = List.of("sls4j", "official", "floor");
  static final int[] THREADS = {1, 4};

  /** One run of one side with one thread count. */
  record Run(double callsPerSecond, double cpuMicrosPerCall, double p50Micros, double p99Micros, double bytesPerCall,
      double callerCpuMicrosPerCall) {}

  private EndToEnd() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    // Runs of 20,000 calls (one or two seconds) swung by 20-40% between rounds on two cores shared with the server;
    // with 150,000 a side's rounds stay within 5-20% of each other.
    int calls = Integer.parseInt(options.getOrDefault("--calls", "150000"));
    int rounds = Integer.parseInt(options.getOrDefault("--rounds", "5"));
    int warmup = Integer.parseInt(options.getOrDefault("--warmup", "60000"));
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
        // One side, many calls, nothing else: for a profiler attached to this JVM. On Linux each run also shows the
        // CPU per call of each kind of thread (callers, OkHttp's, GC, JIT).
        int threads = Integer.parseInt(options.getOrDefault("--threads", "1"));
        try (Side side = Side.create(only, hostPort[0], Integer.parseInt(hostPort[1]))) {
          loadWhatReportingLoads();
          for (int round = 0; round < rounds; round++) {
            ThreadCpu before = ThreadCpu.available() ? ThreadCpu.snapshot() : null;
            Run run = run(side, threads, calls);
            System.out.printf(Locale.ROOT, "%s: %,.0f calls/s, %.1f us CPU/call, %.0f bytes/call%n", only,
                run.callsPerSecond(), run.cpuMicrosPerCall(), run.bytesPerCall());
            System.out.printf(Locale.ROOT, "  %-16s %6.1f us CPU/call%n", "(calling threads)",
                run.callerCpuMicrosPerCall());
            if (before != null) {
              ThreadCpu.snapshot().microsPerCallSince(before, calls).forEach((thread, micros) ->
                  System.out.printf(Locale.ROOT, "  %-16s %6.1f us CPU/call%n", thread, micros));
            }
          }
        }
        return;
      }
      Map<String, List<Run>> runs = new LinkedHashMap<>();
      Map<String, List<Double>> firstCalls = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < SIDES.size(); i++) {
          String name = SIDES.get((i + round) % SIDES.size()); // a different side goes first each round
          List<Run> measured = measureInOwnJvm(name, server, calls, warmup);
          for (int t = 0; t < THREADS.length; t++) {
            runs.computeIfAbsent(name + "/" + THREADS[t], k -> new ArrayList<>()).add(measured.get(t));
            System.out.printf(Locale.ROOT, "round %d %-8s %d thread(s): %,9.0f calls/s%n", round + 1, name,
                THREADS[t], measured.get(t).callsPerSecond());
          }
          firstCalls.computeIfAbsent(name, k -> new ArrayList<>()).add(firstCallMillis(name, server));
        }
      }
      Report report = new Report(runs, firstCalls);
      report.print();
      Chart.write(report, chart);
      System.out.println("chart: " + chart.toAbsolutePath());
    } finally {
      if (nginx != null) nginx.close();
    }
  }

  /**
   * In a JVM of its own, so that no side's garbage, threads or JIT profile weigh on another's figures: warms one side
   * up, then measures it with each thread count. Prints one line a run for {@link #measureInOwnJvm} to read.
   */
  static void measure(String[] args) throws Exception {
    String[] hostPort = args[1].split(":");
    int calls = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    try (Side side = Side.create(args[0], hostPort[0], Integer.parseInt(hostPort[1]))) {
      loadWhatReportingLoads();
      for (int threads : THREADS) run(side, threads, warmup);
      for (int threads : THREADS) {
        Run run = run(side, threads, calls);
        System.out.printf(Locale.ROOT, "RUN %f %f %f %f %f %f%n", run.callsPerSecond(), run.cpuMicrosPerCall(),
            run.p50Micros(), run.p99Micros(), run.bytesPerCall(), run.callerCpuMicrosPerCall());
      }
    }
    System.exit(0);
  }

  /**
   * Formats a number before the warm-up, as reporting a run does after it. The first decimal format loads classes
   * the calls had not (among them {@code java.lang.CharacterData00}); the JIT, having compiled the warm code on the
   * assumption that no such subclass exists, throws that code away and compiles it again, inside the next measured
   * run. With an HTTP-only client, which loads no trust store, that was half a second of C2 in a 4-thread run of
   * 20,000 calls.
   */
  private static void loadWhatReportingLoads() {
    String.format(Locale.ROOT, "%,.1f", 0.5);
  }

  private static List<Run> measureInOwnJvm(String side, String server, int calls, int warmup) throws Exception {
    List<Run> runs = new ArrayList<>();
    for (String line : java("measure", side, server, String.valueOf(calls), String.valueOf(warmup))) {
      if (!line.startsWith("RUN ")) continue;
      String[] f = line.substring(4).split(" ");
      runs.add(new Run(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
          Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
    }
    if (runs.size() != THREADS.length) throw new IllegalStateException(side + " measured no runs");
    return runs;
  }

  /** Runs {@code Main} with {@code args} in a new JVM and returns what it printed. */
  private static List<String> java(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) lines.add(line);
    }
    if (process.waitFor() != 0) throw new IllegalStateException(String.join(" ", args) + " failed: " + lines);
    return lines;
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
          callerCpu.addAndGet(memory.getCurrentThreadCpuTime() - cpuBefore);
          allocated.addAndGet(memory.getCurrentThreadAllocatedBytes() - allocatedBefore);
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      }, "caller-" + t);
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
    return new Run(calls / (wall / 1e9), cpu / 1e3 / calls, latencies[calls / 2] / 1e3,
        latencies[(int) (calls * 0.99)] / 1e3, (double) allocated.get() / calls, callerCpu.get() / 1e3 / calls);
  }

  /** Starts a JVM that makes one call and reports when it completed, counted from that JVM's start. */
  static double firstCallMillis(String side, String server) throws Exception {
    List<String> lines = java("first-call", side, server);
    return Double.parseDouble(lines.get(lines.size() - 1).trim());
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
