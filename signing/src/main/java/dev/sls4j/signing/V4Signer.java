package dev.sls4j.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** {@code Authorization: SLS4-HMAC-SHA256 Credential=<ak>/<day>/<region>/sls/aliyun_v4_request,Signature=<hex>}. */
final class V4Signer implements RequestSigner {
  private static final String ALGORITHM = "SLS4-HMAC-SHA256";
  private static final String TERMINATOR = "aliyun_v4_request";
  private static final TimeFormat TIMESTAMP = new TimeFormat(
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US).withZone(ZoneOffset.UTC));

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

    String[] names = new String[4];
    String[] values = new String[4];
    int added = 0;
    names[added] = "x-log-content-sha256";
    values[added++] = contentSha256;
    names[added] = "x-log-date";
    values[added++] = timestamp;
    if (credentials.securityToken() != null) {
      names[added] = "x-acs-security-token";
      values[added++] = credentials.securityToken();
    }

    TreeMap<String, String> signedHeaders = new TreeMap<>();
    for (Map.Entry<String, String> header : request.sortedHeaders.entrySet()) {
      String name = header.getKey();
      if (name.equals("content-type") || V1Signer.isLogHeader(name)) {
        signedHeaders.put(name, header.getValue().trim());
      }
    }
    signedHeaders.put("host", request.host().trim());
    for (int i = 0; i < added; i++) signedHeaders.put(names[i], values[i].trim());

    StringBuilder canonicalHeaders = new StringBuilder();
    StringBuilder signedHeaderNames = new StringBuilder();
    for (Map.Entry<String, String> header : signedHeaders.entrySet()) {
      canonicalHeaders.append(header.getKey()).append(':').append(header.getValue()).append('\n');
      if (signedHeaderNames.length() > 0) signedHeaderNames.append(';');
      signedHeaderNames.append(header.getKey());
    }

    String canonicalRequest = request.method() + '\n'
        + request.encodedPath() + '\n'
        + canonicalQuery(request) + '\n'
        + canonicalHeaders + '\n'
        + signedHeaderNames + '\n'
        + contentSha256;
    String scope = day + '/' + region + "/sls/" + TERMINATOR;
    String stringToSign = ALGORITHM + '\n'
        + timestamp + '\n'
        + scope + '\n'
        + Crypto.hexLower(Crypto.digest(Crypto.SHA256, canonicalRequest.getBytes(StandardCharsets.UTF_8)));

    String signature = Crypto.hexLower(Crypto.HMAC_SHA256.get()
        .sign(signingKey(credentials.accessKeySecret(), day), stringToSign.getBytes(StandardCharsets.UTF_8)));
    names[added] = "Authorization";
    values[added++] = ALGORITHM + " Credential=" + credentials.accessKeyId() + '/' + scope + ",Signature=" + signature;
    return new SigningResult(names, values, added, canonicalRequest, stringToSign);
  }

  private byte[] signingKey(String secret, String day) {
    SigningKey cached = lastKey;
    if (cached != null && cached.day.equals(day) && cached.secret.equals(secret)) return cached.key;
    Crypto.KeyedMac hmac = Crypto.HMAC_SHA256.get();
    byte[] key = ("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8);
    for (String part : new String[] {day, region, "sls", TERMINATOR}) {
      key = hmac.sign(key, part.getBytes(StandardCharsets.UTF_8));
    }
    lastKey = new SigningKey(secret, day, key);
    return key;
  }

  private static final class SigningKey {
    final String secret;
    final String day;
    final byte[] key;

    SigningKey(String secret, String day, byte[] key) {
      this.secret = secret;
      this.day = day;
      this.key = key;
    }
  }

  /** Sorted {@code name=value} pairs, RFC 3986 encoded; an empty value gives the bare name. */
  private static String canonicalQuery(SignableRequest request) {
    StringBuilder out = new StringBuilder();
    for (SignableRequest.QueryParameter parameter : Canonical.sortedQuery(request)) {
      if (out.length() > 0) out.append('&');
      out.append(Canonical.rfc3986(parameter.name()));
      if (!parameter.value().isEmpty()) out.append('=').append(Canonical.rfc3986(parameter.value()));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "RequestSigner.v4(" + region + ")";
  }
}
