package dev.sls4j.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of every thread of this process, JVM threads (GC, compiler) included, read from Linux's
 * {@code /proc/self/task}: shows which thread a call's process CPU goes to, which the process total cannot.
 */
final class ThreadCpu {
  /** Linux's USER_HZ, the unit of {@code utime} and {@code stime} in {@code stat}; 100 on every Linux JVM host. */
  private static final long NANOS_PER_TICK = 10_000_000L;
  private static final Path TASKS = Path.of("/proc/self/task");

  /** CPU nanoseconds by thread id, with each thread's name. */
  private final Map<String, Long> nanos;
  private final Map<String, String> names;

  private ThreadCpu(Map<String, Long> nanos, Map<String, String> names) {
    this.nanos = nanos;
    this.names = names;
  }

  static boolean available() {
    return Files.isDirectory(TASKS);
  }

  static ThreadCpu snapshot() throws IOException {
    Map<String, Long> nanos = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String stat = new String(Files.readAllBytes(task.resolve("stat")), StandardCharsets.US_ASCII);
          // The name is in parentheses and may hold spaces; the fields after it are space-separated.
          int close = stat.lastIndexOf(')');
          String[] fields = stat.substring(close + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          String id = task.getFileName().toString();
          nanos.put(id, ticks * NANOS_PER_TICK);
          names.put(id, stat.substring(stat.indexOf('(') + 1, close));
        } catch (IOException endedMeanwhile) {
          // A thread that ended between the listing and the read has nothing more to add.
        }
      }
    }
    return new ThreadCpu(nanos, names);
  }

  /**
   * Microseconds of CPU per call spent since {@code before}, by thread name with numbers dropped (so that
   * {@code GC Thread#0} and {@code #1} count together), in name order. A thread that ended in between is missing, which
   * is why the harness counts its calling threads itself.
   */
  Map<String, Double> microsPerCallSince(ThreadCpu before, int calls) {
    Map<String, Double> byGroup = new TreeMap<>();
    for (Map.Entry<String, Long> thread : nanos.entrySet()) {
      long spent = thread.getValue() - before.nanos.getOrDefault(thread.getKey(), 0L);
      if (spent == 0) continue;
      String group = names.get(thread.getKey()).replaceAll("[0-9]+", "N");
      byGroup.merge(group, spent / 1e3 / calls, Double::sum);
    }
    return byGroup;
  }
}
