package dev.sls4j.signing;

import java.util.Map;
import java.util.Objects;

/**
 * Supplies the credentials that sign each request. Called once per request, from many threads at once: an
 * implementation that rotates keys must be thread-safe and should cache, since it sits on every call's path.
 */
public interface CredentialsProvider {

  /** The credentials to sign the next request with; never null. */
  Credentials resolveCredentials();

  /** A provider that always returns {@code credentials}. */
  static CredentialsProvider of(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials == null");
    return new StaticCredentialsProvider(credentials);
  }

  /**
   * A provider that reads {@value EnvironmentCredentialsProvider#ACCESS_KEY_ID},
   * {@value EnvironmentCredentialsProvider#ACCESS_KEY_SECRET} and, if set,
   * {@value EnvironmentCredentialsProvider#SECURITY_TOKEN} from the environment, once.
   *
   * @throws IllegalStateException naming the variable that is missing or empty
   */
  static CredentialsProvider fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Like {@link #fromEnvironment()}, reading the same variables from {@code environment}: for programs that pass
   * their environment along explicitly, such as a command-line tool under test.
   *
   * @throws IllegalStateException naming the variable that is missing or empty
   */
  static CredentialsProvider fromEnvironment(Map<String, String> environment) {
    Objects.requireNonNull(environment, "environment == null");
    return EnvironmentCredentialsProvider.from(environment);
  }
}
