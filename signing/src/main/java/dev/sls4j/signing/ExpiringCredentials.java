package dev.sls4j.signing;

import java.time.Instant;
import java.util.Objects;

/** Temporary credentials and the instant they stop working, as an STS AssumeRole answer gives them. Immutable. */
public final class ExpiringCredentials {
  private final Credentials credentials;
  private final Instant expiration;

  private ExpiringCredentials(Credentials credentials, Instant expiration) {
    this.credentials = Objects.requireNonNull(credentials, "credentials == null");
    this.expiration = Objects.requireNonNull(expiration, "expiration == null");
  }

  public static ExpiringCredentials of(Credentials credentials, Instant expiration) {
    return new ExpiringCredentials(credentials, expiration);
  }

  public Credentials credentials() {
    return credentials;
  }

  public Instant expiration() {
    return expiration;
  }

  @Override
  public String toString() {
    return "ExpiringCredentials{" + credentials + ", expiration=" + expiration + "}";
  }
}
