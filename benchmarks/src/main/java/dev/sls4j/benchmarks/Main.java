package dev.sls4j.benchmarks;

import java.util.Arrays;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar e2e [options]}: the end-to-end harness;
 * {@code ... jmh [JMH options]}: the JMH benchmarks; {@code ... first-call SIDE PROXY} and
 * {@code ... measure SIDE PROXY CALLS WARMUP}: one side in a fresh JVM (the harness starts these itself).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "e2e" : args[0];
    String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "e2e":
        EndToEnd.main(rest);
        break;
      case "jmh":
        org.openjdk.jmh.Main.main(rest);
        break;
      case "first-call":
        FirstCall.main(rest);
        break;
      case "measure":
        EndToEnd.measure(rest);
        break;
      default:
        System.err.println("usage: benchmarks.jar (e2e [--url HOST:PORT] [--calls N] [--rounds R] [--warmup N] [--chart FILE]"
            + " [--profile SIDE [--threads T]]; SIDE: sls4j, official, floor or sls4j-quiet-pool (an experiment)"
            + " | jmh [JMH options] | first-call SIDE HOST:PORT)");
        System.exit(2);
    }
  }
}
