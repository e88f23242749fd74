package dev.sls4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.RecordedRequest;

/**
 * Checks a request as the server would: from the bytes that arrived, with its own reading of the SLS signing rules,
 * sharing no code with the SDK's signer.
 */
final class SignatureVerifier {
  private final String accessKeyId;
  private final String accessKeySecret;

  SignatureVerifier(String accessKeyId, String accessKeySecret) {
    this.accessKeyId = accessKeyId;
    this.accessKeySecret = accessKeySecret;
  }

  /** Asserts a valid v1 signature, and that Content-MD5 is the digest of the body that arrived. */
  void assertValidV1(RecordedRequest request) throws Exception {
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    String md5 = request.getHeaders().get("Content-MD5");
    if (body.length == 0) {
      assertNull(md5, "no Content-MD5 without a body");
    } else {
      assertEquals(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(body)), md5);
    }
    assertEquals("hmac-sha1", request.getHeaders().get("x-log-signaturemethod"));
    String date = request.getHeaders().get("Date");
    assertNotNull(date, "v1 needs a Date header");

    String logHeaders = request.getHeaders().toMultimap().entrySet().stream()
        .filter(e -> e.getKey().startsWith("x-log-") || e.getKey().startsWith("x-acs-"))
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + ":" + e.getValue().get(0))
        .collect(Collectors.joining("\n"));
    StringBuilder resource = new StringBuilder(URLDecoder.decode(path(request), StandardCharsets.UTF_8));
    List<String[]> query = decodedQuery(request);
    for (int i = 0; i < query.size(); i++) {
      resource.append(i == 0 ? '?' : '&').append(query.get(i)[0]).append('=').append(query.get(i)[1]);
    }
    String contentType = request.getHeaders().get("Content-Type");
    String toSign = String.join("\n", request.getMethod(), md5 == null ? "" : md5,
        contentType == null ? "" : contentType, date, logHeaders, resource);

    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    String expected = "LOG " + accessKeyId + ":"
        + Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, request.getHeaders().get("Authorization"), "v1 signature over:\n" + toSign);
  }

  /** Asserts a valid v4 signature for {@code region}, and that x-log-content-sha256 is the body's digest. */
  void assertValidV4(RecordedRequest request, String region) throws Exception {
    byte[] body = request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    assertEquals(bodyHash, request.getHeaders().get("x-log-content-sha256"));
    String timestamp = request.getHeaders().get("x-log-date");
    assertNotNull(timestamp, "v4 needs x-log-date");
    assertNull(request.getHeaders().get("Date"), "v4 sends no Date header");
    String day = timestamp.substring(0, 8);

    TreeMap<String, String> signed = new TreeMap<>();
    request.getHeaders().toMultimap().forEach((name, values) -> {
      if (name.equals("content-type") || name.equals("host") || name.startsWith("x-log-")
          || name.startsWith("x-acs-")) {
        signed.put(name, values.get(0).strip());
      }
    });
    String canonicalHeaders = signed.entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue() + "\n").collect(Collectors.joining());
    String canonicalQuery = decodedQuery(request).stream()
        .map(p -> p[1].isEmpty() ? rfc3986(p[0]) : rfc3986(p[0]) + "=" + rfc3986(p[1]))
        .collect(Collectors.joining("&"));
    String canonicalRequest = String.join("\n", request.getMethod(), path(request), canonicalQuery,
        canonicalHeaders, String.join(";", signed.keySet()), bodyHash);
    String scope = day + "/" + region + "/sls/aliyun_v4_request";
    String toSign = String.join("\n", "SLS4-HMAC-SHA256", timestamp, scope,
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8))));

    byte[] key = ("aliyun_v4" + accessKeySecret).getBytes(StandardCharsets.UTF_8);
    key = hmacSha256(key, day);
    key = hmacSha256(key, region);
    key = hmacSha256(key, "sls");
    key = hmacSha256(key, "aliyun_v4_request");
    String expected = "SLS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
        + ",Signature=" + HexFormat.of().formatHex(hmacSha256(key, toSign));
    assertEquals(expected, request.getHeaders().get("Authorization"),
        "v4 signature over canonical request:\n" + canonicalRequest);
  }

  /** The path of the request target, whether origin-form or absolute (through a proxy). */
  private static String path(RecordedRequest request) {
    String target = request.getTarget();
    if (target.startsWith("http://") || target.startsWith("https://")) {
      target = target.substring(target.indexOf('/', target.indexOf("//") + 2));
    }
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** Query pairs as the server decodes them, sorted by name then value. */
  private static List<String[]> decodedQuery(RecordedRequest request) {
    String target = request.getTarget();
    int q = target.indexOf('?');
    List<String[]> pairs = new ArrayList<>();
    if (q < 0) return pairs;
    for (String pair : target.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      pairs.add(new String[] {URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    return pairs;
  }

  private static String rfc3986(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  private static byte[] hmacSha256(byte[] key, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
  }

}
