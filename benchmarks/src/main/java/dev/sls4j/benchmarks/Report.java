package dev.sls4j.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The medians of an end-to-end run, their ratios, and the targets they meet or miss. */
final class Report {
  private final Map<String, List<EndToEnd.Run>> runs;
  private final Map<String, List<Double>> firstCalls;
  private final List<String> verdicts = new ArrayList<>();

  Report(Map<String, List<EndToEnd.Run>> runs, Map<String, List<Double>> firstCalls) {
    this.runs = runs;
    this.firstCalls = firstCalls;
  }

  double callsPerSecond(String side, int threads) {
    return EndToEnd.median(runs.get(side + "/" + threads), EndToEnd.Run::callsPerSecond);
  }

  double cpuMicros(String side, int threads) {
    return EndToEnd.median(runs.get(side + "/" + threads), EndToEnd.Run::cpuMicrosPerCall);
  }

  /** The calling threads' share of {@link #cpuMicros}: the rest is OkHttp's or the HTTP client's threads, GC, JIT. */
  double callerCpuMicros(String side, int threads) {
    return EndToEnd.median(runs.get(side + "/" + threads), EndToEnd.Run::callerCpuMicrosPerCall);
  }

  double p50(String side, int threads) {
    return EndToEnd.median(runs.get(side + "/" + threads), EndToEnd.Run::p50Micros);
  }

  double p99(String side, int threads) {
    return EndToEnd.median(runs.get(side + "/" + threads), EndToEnd.Run::p99Micros);
  }

  double bytesPerCall(String side, int threads) {
    return EndToEnd.median(runs.get(side + "/" + threads), EndToEnd.Run::bytesPerCall);
  }

  double firstCallMillis(String side) {
    return EndToEnd.median(firstCalls.get(side));
  }

  void print() {
    System.out.println();
    System.out.println(
        "side      threads   calls/s  CPU us/call  (callers)  p50 us   p99 us  bytes/call  first call ms");
    for (String side : EndToEnd.SIDES) {
      for (int threads : EndToEnd.THREADS) {
        System.out.printf(Locale.ROOT, "%-9s %7d %9.0f %12.1f %10.1f %7.0f %8.0f %11.0f %14s%n", side, threads,
            callsPerSecond(side, threads), cpuMicros(side, threads), callerCpuMicros(side, threads),
            p50(side, threads), p99(side, threads),
            bytesPerCall(side, threads), threads == 1 ? String.format(Locale.ROOT, "%.0f", firstCallMillis(side)) : "");
      }
    }
    System.out.println();
    System.out.println("target                                          ratio    goal");
    atLeast("calls/s, 1 thread, sls4j / official", callsPerSecond("sls4j", 1) / callsPerSecond("official", 1), 1.0);
    atLeast("calls/s, 4 threads, sls4j / official", callsPerSecond("sls4j", 4) / callsPerSecond("official", 4), 1.3);
    atLeast("calls/s, 1 thread, sls4j / floor", callsPerSecond("sls4j", 1) / callsPerSecond("floor", 1), 0.9);
    atLeast("calls/s, 4 threads, sls4j / floor", callsPerSecond("sls4j", 4) / callsPerSecond("floor", 4), 0.9);
    atMost("p99, 4 threads, sls4j / official", p99("sls4j", 4) / p99("official", 4), 0.6);
    atMost("CPU per call, 1 thread, sls4j / official", cpuMicros("sls4j", 1) / cpuMicros("official", 1), 0.85);
    atMost("CPU per call, 4 threads, sls4j / official", cpuMicros("sls4j", 4) / cpuMicros("official", 4), 0.85);
    atMost("bytes per call, 1 thread, sls4j / official", bytesPerCall("sls4j", 1) / bytesPerCall("official", 1), 0.4);
    atMost("first call, sls4j / official", firstCallMillis("sls4j") / firstCallMillis("official"), 1.0);
    verdicts.forEach(System.out::println);
  }

  private void atLeast(String what, double ratio, double goal) {
    verdicts.add(String.format(Locale.ROOT, "%-46s %6.2f  >= %.2f  %s", what, ratio, goal,
        ratio >= goal ? "met" : "MISSED"));
  }

  private void atMost(String what, double ratio, double goal) {
    verdicts.add(String.format(Locale.ROOT, "%-46s %6.2f  <= %.2f  %s", what, ratio, goal,
        ratio <= goal ? "met" : "MISSED"));
  }
}
