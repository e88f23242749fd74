package dev.sls4j.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that a test moves: heartbeat timeouts without sleeping. It stands still, or moves by {@code tick} on every
 * reading, so that each signature gets a date of its own.
 */
final class ManualClock extends Clock {
  private final AtomicReference<Instant> now;
  private final Duration tick;

  ManualClock(Instant start) {
    this(start, Duration.ZERO);
  }

  ManualClock(Instant start, Duration tick) {
    this.now = new AtomicReference<>(start);
    this.tick = tick;
  }

  void advance(Duration duration) {
    now.updateAndGet(instant -> instant.plus(duration));
  }

  @Override
  public Instant instant() {
    return now.getAndUpdate(instant -> instant.plus(tick));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a ManualClock stays in UTC");
  }
}
