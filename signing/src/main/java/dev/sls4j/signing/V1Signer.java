package dev.sls4j.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
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
  private static final ThreadLocal<StringBuilder> STRING_TO_SIGN = ThreadLocal.withInitial(() -> new StringBuilder(512));
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
    if (credentials.securityToken() != null) {
      names[added] = "x-acs-security-token";
      values[added++] = credentials.securityToken();
    }

    String contentType = request.sortedHeaders.get("content-type");
    StringBuilder stringToSign = STRING_TO_SIGN.get();
    stringToSign.setLength(0);
    stringToSign
        .append(request.method()).append('\n')
        .append(contentMd5).append('\n')
        .append(contentType == null ? "" : contentType).append('\n')
        .append(date).append('\n');
    appendLogHeaders(stringToSign, request, credentials.securityToken());
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

  /**
   * {@code x-log-*} and {@code x-acs-*} headers as {@code name:value}, sorted by name, joined by newlines: the
   * request's (already sorted) merged with the two the signer adds, which replace any of the same name.
   */
  private static void appendLogHeaders(StringBuilder out, SignableRequest request, String securityToken) {
    String[] addedNames = securityToken != null ? WITH_TOKEN : WITHOUT_TOKEN;
    String[] addedValues = securityToken != null ? new String[] {securityToken, SIGNATURE_METHOD} : METHOD_ONLY;
    int next = 0;
    boolean first = true;
    for (Map.Entry<String, String> header : request.sortedHeaders.entrySet()) {
      String name = header.getKey();
      if (!isLogHeader(name)) continue;
      boolean replaced = false;
      while (next < addedNames.length && addedNames[next].compareTo(name) <= 0) {
        replaced |= addedNames[next].equals(name);
        first = appendHeader(out, first, addedNames[next], addedValues[next]);
        next++;
      }
      if (!replaced) first = appendHeader(out, first, name, header.getValue());
    }
    while (next < addedNames.length) first = appendHeader(out, first, addedNames[next], addedValues[next++]);
  }

  private static boolean appendHeader(StringBuilder out, boolean first, String name, String value) {
    if (!first) out.append('\n');
    out.append(name).append(':').append(value);
    return false;
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

  static boolean isLogHeader(String lowerCaseName) {
    return lowerCaseName.startsWith("x-log-") || lowerCaseName.startsWith("x-acs-");
  }

  @Override
  public String toString() {
    return "RequestSigner.v1()";
  }
}
