package dev.sls4j.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock that dates signatures: the local clock plus the offset to the server's, learnt from the {@code Date} of
 * an answer that refused a request as expired ({@code RequestTimeExpired}). Thread-safe.
 */
final class SkewCorrectingClock extends Clock {
  private final Clock local;
  private final AtomicLong offsetMillis = new AtomicLong();

  SkewCorrectingClock(Clock local) {
    this.local = local;
  }

  /**
   * Adopts the server's time from an HTTP {@code Date} header.
   *
   * @return whether the offset changed by a second or more, so that signing again can help
   */
  boolean correctTo(String serverDate) {
    if (serverDate == null) return false;
    long server;
    try {
      server = ZonedDateTime.parse(serverDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return false;
    }
    long offset = server - local.millis();
    return Math.abs(offsetMillis.getAndSet(offset) - offset) >= 1000;
  }

  @Override
  public long millis() {
    return local.millis() + offsetMillis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return local.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the signing clock keeps its zone");
  }
}
