package dev.sls4j.benchmarks;

import java.lang.management.ManagementFactory;

/** In a fresh JVM: one side's first commit, and the milliseconds from JVM start until it completed. */
final class FirstCall {
  private FirstCall() {}

  public static void main(String[] args) throws Exception {
    String[] proxy = args[1].split(":");
    try (Side side = Side.create(args[0], proxy[0], Integer.parseInt(proxy[1]))) {
      side.call();
      System.out.println(ManagementFactory.getRuntimeMXBean().getUptime());
    }
    System.exit(0);
  }
}
