package dev.sls4j.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/** {@code Authorization: SLS4-HMAC-SHA256 Credential=<ak>/<day>/<region>/sls/aliyun_v4_request,Signature=<hex>}. */
final class V4Signer implements RequestSigner {
  private static final String ALGORITHM = "SLS4-HMAC-SHA256";
  private static final String TERMINATOR = "aliyun_v4_request";
  private static final TimeFormat TIMESTAMP = new TimeFormat(
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US).withZone(ZoneOffset.UTC));

  /** The headers the signer adds to those it signs, sorted, with and without an STS token. */
  private static final String[] SIGNED_WITH_TOKEN =
      {"host", "x-acs-security-token", "x-log-content-sha256", "x-log-date"};
  private static final String[] SIGNED_WITHOUT_TOKEN = {"host", "x-log-content-sha256", "x-log-date"};
  /** Each thread builds its canonical requests in one builder, as {@link V1Signer} its strings to sign. */
  private static final ThreadLocal<StringBuilder> CANONICAL_REQUEST =
      ThreadLocal.withInitial(() -> new StringBuilder(1024));
  private static final int KEPT_CAPACITY = 8192;

  private final String region;
  /** The last signing key derived: it changes only with the day and the secret, so it is derived once a day. */
  private volatile SigningKey lastKey;

  V4Signer(String region) {
    if (region == null) throw new NullPointerException("region == null");
    if (region.trim().isEmpty()) {
      throw new IllegalArgumentException("region must not be blank (signature v4 needs one, e.g. cn-hangzhou)");
    }
    this.region = region;
  }

  @Override
  public SigningResult sign(SignableRequest request, Credentials credentials, Instant now) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(credentials, "credentials == null");
    Objects.requireNonNull(now, "now == null");

    String timestamp = TIMESTAMP.format(now);
    String day = timestamp.substring(0, 8);
    String contentSha256 = Crypto.hexLower(Crypto.digest(Crypto.SHA256, request.body()));
    String token = credentials.securityToken();

    StringBuilder canonical = CANONICAL_REQUEST.get();
    canonical.setLength(0);
    canonical.append(request.method()).append('\n').append(request.encodedPath()).append('\n');
    appendCanonicalQuery(canonical, request);
    canonical.append('\n');
    String[] addedNames = token != null ? SIGNED_WITH_TOKEN : SIGNED_WITHOUT_TOKEN;
    String[] addedValues = token != null
        ? new String[] {request.host(), token, contentSha256, timestamp}
        : new String[] {request.host(), contentSha256, timestamp};
    Canonical.appendSignedHeaders(canonical, Canonical.HeaderFormat.V4_CANONICAL, request, addedNames, addedValues);
    canonical.append('\n');
    Canonical.appendSignedHeaders(canonical, Canonical.HeaderFormat.V4_NAMES, request, addedNames, addedValues);
    canonical.append('\n').append(contentSha256);
    String canonicalRequest = canonical.toString();
    if (canonical.capacity() > KEPT_CAPACITY) CANONICAL_REQUEST.remove(); // an odd huge request keeps no memory

    SigningKey key = signingKey(credentials.accessKeySecret(), day);
    String stringToSign = ALGORITHM + '\n'
        + timestamp + '\n'
        + key.scope + '\n'
        + Crypto.hexLower(Crypto.digest(Crypto.SHA256, canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    String signature = Crypto.hexLower(
        Crypto.HMAC_SHA256.get().sign(key.key, stringToSign.getBytes(StandardCharsets.UTF_8)));

    String[] names = new String[4];
    String[] values = new String[4];
    int added = 0;
    names[added] = "x-log-content-sha256";
    values[added++] = contentSha256;
    names[added] = "x-log-date";
    values[added++] = timestamp;
    if (token != null) {
      names[added] = "x-acs-security-token";
      values[added++] = token;
    }
    names[added] = "Authorization";
    values[added++] =
        ALGORITHM + " Credential=" + credentials.accessKeyId() + '/' + key.scope + ",Signature=" + signature;
    return new SigningResult(names, values, added, canonicalRequest, stringToSign);
  }

  private SigningKey signingKey(String secret, String day) {
    SigningKey cached = lastKey;
    if (cached != null && cached.day.equals(day) && cached.secret.equals(secret)) return cached;
    Crypto.KeyedMac hmac = Crypto.HMAC_SHA256.get();
    byte[] key = ("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8);
    for (String part : new String[] {day, region, "sls", TERMINATOR}) {
      key = hmac.sign(key, part.getBytes(StandardCharsets.UTF_8));
    }
    SigningKey derived = new SigningKey(secret, day, day + '/' + region + "/sls/" + TERMINATOR, key);
    lastKey = derived;
    return derived;
  }

  private static final class SigningKey {
    final String secret;
    final String day;
    /** The credential scope, which changes with the day as the key does. */
    final String scope;
    final byte[] key;

    SigningKey(String secret, String day, String scope, byte[] key) {
      this.secret = secret;
      this.day = day;
      this.scope = scope;
      this.key = key;
    }
  }

  /** Sorted {@code name=value} pairs, RFC 3986 encoded; an empty value gives the bare name. */
  private static void appendCanonicalQuery(StringBuilder out, SignableRequest request) {
    char separator = 0;
    for (SignableRequest.QueryParameter parameter : Canonical.sortedQuery(request)) {
      if (separator != 0) out.append(separator);
      separator = '&';
      out.append(Canonical.rfc3986(parameter.name()));
      if (!parameter.value().isEmpty()) out.append('=').append(Canonical.rfc3986(parameter.value()));
    }
  }

  @Override
  public String toString() {
    return "RequestSigner.v4(" + region + ")";
  }
}
