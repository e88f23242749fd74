package dev.sls4j.signing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** {@code Authorization: LOG <AccessKeyId>:<Base64(HMAC-SHA1(secret, StringToSign))>}. */
final class V1Signer implements RequestSigner {
  static final V1Signer INSTANCE = new V1Signer();

  // RFC 1123 with a two-digit day: java.time's RFC_1123_DATE_TIME writes "1 Dec", which HTTP does not allow.
  private static final TimeFormat HTTP_DATE = new TimeFormat(
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC));

  private V1Signer() {}

  @Override
  public SigningResult sign(SignableRequest request, Credentials credentials, Instant now) {
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(credentials, "credentials == null");
    Objects.requireNonNull(now, "now == null");

    Map<String, String> added = new LinkedHashMap<>();
    String contentMd5 = "";
    if (request.bodyLength() > 0) {
      contentMd5 = Crypto.hexUpper(Crypto.digest(Crypto.MD5, request.body()));
      added.put("Content-MD5", contentMd5);
    }
    String date = HTTP_DATE.format(now);
    added.put("Date", date);
    added.put("x-log-signaturemethod", "hmac-sha1");
    if (credentials.securityToken() != null) {
      added.put("x-acs-security-token", credentials.securityToken());
    }

    String contentType = request.header("Content-Type");
    String stringToSign = request.method() + '\n'
        + contentMd5 + '\n'
        + (contentType == null ? "" : contentType) + '\n'
        + date + '\n'
        + canonicalizedLogHeaders(request, added) + '\n'
        + canonicalizedResource(request);

    byte[] signature = Crypto.HMAC_SHA1.get().sign(credentials.accessKeySecret().getBytes(StandardCharsets.UTF_8),
        stringToSign.getBytes(StandardCharsets.UTF_8));
    added.put("Authorization",
        "LOG " + credentials.accessKeyId() + ':' + Base64.getEncoder().encodeToString(signature));
    return new SigningResult(added, null, stringToSign);
  }

  /** {@code x-log-*} and {@code x-acs-*} headers as {@code name:value}, sorted by name, joined by newlines. */
  private static String canonicalizedLogHeaders(SignableRequest request, Map<String, String> added) {
    TreeMap<String, String> signed = new TreeMap<>();
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      if (isLogHeader(header.getKey())) signed.put(header.getKey(), header.getValue());
    }
    for (Map.Entry<String, String> header : added.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (isLogHeader(name)) signed.put(name, header.getValue());
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> header : signed.entrySet()) {
      if (out.length() > 0) out.append('\n');
      out.append(header.getKey()).append(':').append(header.getValue());
    }
    return out.toString();
  }

  /** The decoded path, then the decoded query sorted by name: the server decodes before it verifies. */
  private static String canonicalizedResource(SignableRequest request) {
    StringBuilder out = new StringBuilder(Canonical.percentDecode(request.encodedPath()));
    char separator = '?';
    for (SignableRequest.QueryParameter parameter : Canonical.sortedQuery(request)) {
      out.append(separator).append(parameter.name()).append('=').append(parameter.value());
      separator = '&';
    }
    return out.toString();
  }

  static boolean isLogHeader(String lowerCaseName) {
    return lowerCaseName.startsWith("x-log-") || lowerCaseName.startsWith("x-acs-");
  }

  @Override
  public String toString() {
    return "RequestSigner.v1()";
  }
}
