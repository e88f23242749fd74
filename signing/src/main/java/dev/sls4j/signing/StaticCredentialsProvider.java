package dev.sls4j.signing;

final class StaticCredentialsProvider implements CredentialsProvider {
  private final Credentials credentials;

  StaticCredentialsProvider(Credentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Credentials resolveCredentials() {
    return credentials;
  }

  @Override
  public String toString() {
    return "StaticCredentialsProvider{" + credentials + "}";
  }
}
