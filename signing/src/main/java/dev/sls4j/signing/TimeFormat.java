package dev.sls4j.signing;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * A formatter for whole seconds that remembers its last answer: requests signed in the same second, most of them
 * under load, share one formatting.
 */
final class TimeFormat {
  private final DateTimeFormatter formatter;
  private volatile Formatted last = new Formatted(Long.MIN_VALUE, null);

  TimeFormat(DateTimeFormatter formatter) {
    this.formatter = formatter;
  }

  String format(Instant instant) {
    Formatted cached = last;
    long second = instant.getEpochSecond();
    if (cached.second == second) return cached.text;
    String text = formatter.format(instant);
    last = new Formatted(second, text);
    return text;
  }

  private static final class Formatted {
    final long second;
    final String text;

    Formatted(long second, String text) {
      this.second = second;
      this.text = text;
    }
  }
}
