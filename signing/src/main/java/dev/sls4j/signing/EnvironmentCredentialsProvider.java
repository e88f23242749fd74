package dev.sls4j.signing;

import java.util.Map;

/** Credentials from the environment variables that every Alibaba Cloud SDK reads. */
final class EnvironmentCredentialsProvider {
  static final String ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
  static final String ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
  static final String SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

  private EnvironmentCredentialsProvider() {}

  /** Reads the variables now, so that a missing one fails at start-up rather than on the first call. */
  static CredentialsProvider from(Map<String, String> environment) {
    String id = required(environment, ACCESS_KEY_ID);
    String secret = required(environment, ACCESS_KEY_SECRET);
    String token = environment.get(SECURITY_TOKEN);
    Credentials credentials = token == null || token.isEmpty()
        ? Credentials.of(id, secret)
        : Credentials.of(id, secret, token);
    return new StaticCredentialsProvider(credentials);
  }

  private static String required(Map<String, String> environment, String name) {
    String value = environment.get(name);
    if (value == null || value.trim().isEmpty()) {
      throw new IllegalStateException("Environment variable " + name + " is not set; "
          + ACCESS_KEY_ID + " and " + ACCESS_KEY_SECRET + " are required, "
          + SECURITY_TOKEN + " is needed for STS credentials only");
    }
    return value;
  }
}
