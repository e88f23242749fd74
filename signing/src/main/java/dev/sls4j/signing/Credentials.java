package dev.sls4j.signing;

import java.util.Objects;

/**
 * An access key pair, optionally with the security token of temporary (STS) credentials.
 *
 * <p>Immutable. {@link #toString()} shows the access key id only: the secret and the token never appear in logs.
 */
public final class Credentials {
  private final String accessKeyId;
  private final String accessKeySecret;
  private final String securityToken;

  private Credentials(String accessKeyId, String accessKeySecret, String securityToken) {
    this.accessKeyId = requireText(accessKeyId, "accessKeyId");
    this.accessKeySecret = requireText(accessKeySecret, "accessKeySecret");
    if (securityToken != null && securityToken.isEmpty()) {
      throw new IllegalArgumentException("securityToken must be null or non-empty");
    }
    this.securityToken = securityToken;
  }

  /** Long-term credentials of a RAM user or account. */
  public static Credentials of(String accessKeyId, String accessKeySecret) {
    return new Credentials(accessKeyId, accessKeySecret, null);
  }

  /** Temporary STS credentials; the token is sent as {@code x-acs-security-token} and signed. */
  public static Credentials of(String accessKeyId, String accessKeySecret, String securityToken) {
    Objects.requireNonNull(securityToken, "securityToken == null (use of(id, secret) for long-term keys)");
    return new Credentials(accessKeyId, accessKeySecret, securityToken);
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  public String accessKeySecret() {
    return accessKeySecret;
  }

  /** The STS security token, or null for long-term credentials. */
  public String securityToken() {
    return securityToken;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Credentials)) return false;
    Credentials that = (Credentials) o;
    return accessKeyId.equals(that.accessKeyId)
        && accessKeySecret.equals(that.accessKeySecret)
        && Objects.equals(securityToken, that.securityToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessKeyId, accessKeySecret, securityToken);
  }

  @Override
  public String toString() {
    return "Credentials{accessKeyId=" + accessKeyId
        + ", accessKeySecret=***"
        + (securityToken != null ? ", securityToken=***" : "")
        + "}";
  }

  private static String requireText(String value, String name) {
    if (value == null) throw new NullPointerException(name + " == null");
    if (value.trim().isEmpty()) throw new IllegalArgumentException(name + " must not be blank");
    return value;
  }
}
