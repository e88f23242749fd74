package dev.sls4j.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/** {@code Authorization: LOG <AccessKeyId>:<Base64(HMAC-SHA1(secret, StringToSign))>}. */
final class V1Signer implements RequestSigner {
  static final V1Signer INSTANCE = new V1Signer();

  // RFC 1123 with a two-digit day: java.time's RFC_1123_DATE_TIME writes "1 Dec", which HTTP does not allow.
  private static final TimeFormat HTTP_DATE = new TimeFormat(
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC));

  private static final String SIGNATURE_METHOD = "hmac-sha1";
  /**
   * Each thread builds its strings to sign in one builder: a new one per request was a third of the bytes signing
   * allocated. Room for an UpdateCheckPoint's (about 280 characters) from the start.
   */
  private static final ThreadLocal<StringBuilder> STRING_TO_SIGN =
      ThreadLocal.withInitial(() -> new StringBuilder(512));
  private static final int KEPT_CAPACITY = 8192;
  /** The log headers the signer adds, in sorted order, and their values without a token. */
  private static final String[] WITH_TOKEN = {"x-acs-security-token", "x-log-signaturemethod"};
  private static final String[] WITHOUT_TOKEN = {"x-log-signaturemethod"};
  private static final String[] METHOD_ONLY = {SIGNATURE_METHOD};

  private V1Signer() {}

  @Override
  public SigningResult sign(SignableRequest request, Credentials credentials, Instant now) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(credentials, "credentials == null");
    Objects.requireNonNull(now, "now == null");

    String[] names = new String[5];
    String[] values = new String[5];
    int added = 0;
    String contentMd5 = "";
    if (request.bodyLength() > 0) {
      contentMd5 = Crypto.hexUpper(Crypto.digest(Crypto.MD5, request.body()));
      names[added] = "Content-MD5";
      values[added++] = contentMd5;
    }
    String date = HTTP_DATE.format(now);
    names[added] = "Date";
    values[added++] = date;
    names[added] = "x-log-signaturemethod";
    values[added++] = SIGNATURE_METHOD;
    String token = credentials.securityToken();
    if (token != null) {
      names[added] = "x-acs-security-token";
      values[added++] = token;
    }

    String contentType = request.sortedHeaders.get("content-type");
    StringBuilder stringToSign = STRING_TO_SIGN.get();
    stringToSign.setLength(0);
    stringToSign
        .append(request.method()).append('\n')
        .append(contentMd5).append('\n')
        .append(contentType == null ? "" : contentType).append('\n')
        .append(date).append('\n');
    if (token != null) {
      Canonical.appendSignedHeaders(stringToSign, Canonical.HeaderFormat.V1, request, WITH_TOKEN,
          new String[] {token, SIGNATURE_METHOD});
    } else {
      Canonical.appendSignedHeaders(stringToSign, Canonical.HeaderFormat.V1, request, WITHOUT_TOKEN, METHOD_ONLY);
    }
    stringToSign.append('\n');
    appendResource(stringToSign, request);

    String signed = stringToSign.toString();
    if (stringToSign.capacity() > KEPT_CAPACITY) STRING_TO_SIGN.remove(); // an odd huge request keeps no memory
    byte[] signature = Crypto.HMAC_SHA1.get().sign(credentials.accessKeySecret(),
        signed.getBytes(StandardCharsets.UTF_8));
    names[added] = "Authorization";
    values[added++] = "LOG " + credentials.accessKeyId() + ':' + Base64.getEncoder().encodeToString(signature);
    return new SigningResult(names, values, added, null, signed);
  }

  /** The decoded path, then the decoded query sorted by name: the server decodes before it verifies. */
  private static void appendResource(StringBuilder out, SignableRequest request) {
    out.append(Canonical.percentDecode(request.encodedPath()));
    char separator = '?';
    for (SignableRequest.QueryParameter parameter : Canonical.sortedQuery(request)) {
      out.append(separator).append(parameter.name()).append('=').append(parameter.value());
      separator = '&';
    }
  }

  @Override
  public String toString() {
    return "RequestSigner.v1()";
  }
}
