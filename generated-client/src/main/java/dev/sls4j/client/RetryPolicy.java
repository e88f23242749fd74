package dev.sls4j.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently a call is tried again after a transient failure: a connection failure or timeout, HTTP
 * 429, 500, 502, 503 or 504, or the error codes {@code ServerBusy}, {@code InternalServerError},
 * {@code WriteQuotaExceed} and {@code ReadQuotaExceed}. Client errors (authentication, validation,
 * {@code ConsumerNotMatch}, ...) are never retried.
 *
 * <p>The wait before retry {@code n} is drawn uniformly from {@code [0, min(maxDelay, baseDelay * 2^(n-1))]} ("full
 * jitter", so that many clients failing together do not retry together), and is at least what a
 * {@code Retry-After} header asks. The client's call timeout bounds the whole call, retries and waits included.
 * Every attempt is signed anew. Immutable.
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.baseDelay = builder.baseDelay;
    this.maxDelay = builder.maxDelay;
  }

  /** 3 attempts, base delay 100 ms, longest wait 5 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt: nothing is retried. */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Attempts in all, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration baseDelay() {
    return baseDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  /** The wait before retry number {@code retry} (1 for the first retry), with full jitter. */
  long delayMillis(int retry) {
    long ceiling = baseDelay.toMillis() << Math.min(retry - 1, 30);
    if (ceiling <= 0 || ceiling > maxDelay.toMillis()) ceiling = maxDelay.toMillis();
    return ThreadLocalRandom.current().nextLong(ceiling + 1);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay + "}";
  }

  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(100);
    private Duration maxDelay = Duration.ofSeconds(5);

    private Builder() {}

    /** Attempts in all, at least 1; default 3. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The scale of the first wait; default 100 ms. */
    public Builder baseDelay(Duration baseDelay) {
      Objects.requireNonNull(baseDelay, "baseDelay == null");
      if (baseDelay.isNegative()) throw new IllegalArgumentException("baseDelay must not be negative: " + baseDelay);
      this.baseDelay = baseDelay;
      return this;
    }

    /** The longest wait the policy itself draws (Retry-After may ask for longer); default 5 s. */
    public Builder maxDelay(Duration maxDelay) {
      Objects.requireNonNull(maxDelay, "maxDelay == null");
      if (maxDelay.isNegative()) throw new IllegalArgumentException("maxDelay must not be negative: " + maxDelay);
      this.maxDelay = maxDelay;
      return this;
    }

    public RetryPolicy build() {
      if (maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalStateException("maxDelay " + maxDelay + " is shorter than baseDelay " + baseDelay);
      }
      return new RetryPolicy(this);
    }
  }
}
