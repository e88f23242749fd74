package dev.sls4j.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Credentials that expire, fetched again before they do: from an STS AssumeRole call, an instance metadata service,
 * a file a sidecar rewrites. Thread-safe, and without a thundering herd:
 *
 * <ul>
 *   <li>while the cached credentials are fresh, every caller gets them without locking;
 *   <li>within {@code refreshBefore} of their expiry, one caller fetches new ones while the others go on with the
 *       cached, still valid credentials; a failed fetch is tried again by a later call;
 *   <li>once they have expired (or before the first fetch), callers wait for the one fetch in progress, and a failed
 *       fetch fails those calls.
 * </ul>
 */
public final class RefreshingCredentialsProvider implements CredentialsProvider {

  /** Fetches new credentials; called by one thread at a time. */
  @FunctionalInterface
  public interface Fetcher {
    ExpiringCredentials fetch() throws Exception;
  }

  private final Fetcher fetcher;
  private final Duration refreshBefore;
  private final Clock clock;
  private final ReentrantLock fetching = new ReentrantLock();
  private volatile ExpiringCredentials current;

  private RefreshingCredentialsProvider(Fetcher fetcher, Duration refreshBefore, Clock clock) {
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher == null");
    this.refreshBefore = Objects.requireNonNull(refreshBefore, "refreshBefore == null");
    if (refreshBefore.isNegative()) {
      throw new IllegalArgumentException("refreshBefore must not be negative, was " + refreshBefore);
    }
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /** Refreshes 5 minutes before expiry, by the system clock. */
  public static RefreshingCredentialsProvider create(Fetcher fetcher) {
    return new RefreshingCredentialsProvider(fetcher, Duration.ofMinutes(5), Clock.systemUTC());
  }

  /** Refreshes {@code refreshBefore} ahead of expiry, by {@code clock}. */
  public static RefreshingCredentialsProvider create(Fetcher fetcher, Duration refreshBefore, Clock clock) {
    return new RefreshingCredentialsProvider(fetcher, refreshBefore, clock);
  }

  /**
   * @throws IllegalStateException if there are no valid credentials and fetching them failed
   */
  @Override
  public Credentials resolveCredentials() {
    ExpiringCredentials cached = current;
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.expiration().minus(refreshBefore))) return cached.credentials();
    if (cached != null && now.isBefore(cached.expiration())) {
      if (fetching.tryLock()) {
        try {
          if (current == cached) {
            ExpiringCredentials fresh = fetcher.fetch();
            if (fresh != null) current = fresh;
          }
        } catch (Exception e) {
          // Still valid: keep them, and let a later call try again.
        } finally {
          fetching.unlock();
        }
      }
      return current.credentials();
    }
    fetching.lock();
    try {
      cached = current;
      if (cached == null || !clock.instant().isBefore(cached.expiration())) {
        cached = fetcher.fetch();
        if (cached == null) throw new IllegalStateException("the fetcher returned null");
        current = cached;
      }
      return cached.credentials();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot fetch credentials: " + e, e);
    } finally {
      fetching.unlock();
    }
  }

  @Override
  public String toString() {
    ExpiringCredentials cached = current;
    return "RefreshingCredentialsProvider{" + (cached != null ? cached : "not fetched yet") + "}";
  }
}
