package dev.sls4j.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pure signers reproduce every signature the official SDK produced, header for header. */
class ConformanceTest {
  /** What the signers add; everything else in a record is input. */
  private static final Set<String> SIGNER_HEADERS = Set.of("authorization", "date", "content-md5",
      "x-log-signaturemethod", "x-log-date", "x-log-content-sha256", "x-acs-security-token");

  static List<ConformanceRecord> records() throws IOException {
    return ConformanceRecord.load();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void reproducesOfficialSignature(ConformanceRecord record) {
    URI target = URI.create(record.target());
    SignableRequest.Builder request = SignableRequest.builder()
        .method(record.method())
        .host(record.header("Host"))
        .encodedPath(target.getRawPath())
        .body(record.body());
    request.addEncodedQuery(target.getRawQuery());
    for (List<String> header : record.headers()) {
      if (!SIGNER_HEADERS.contains(header.get(0).toLowerCase())) request.header(header.get(0), header.get(1));
    }

    boolean v4 = record.header("Authorization").startsWith("SLS4-HMAC-SHA256");
    RequestSigner signer = v4 ? RequestSigner.v4(ConformanceRecord.REGION) : RequestSigner.v1();
    SigningResult result = signer.sign(request.build(),
        Credentials.of(ConformanceRecord.ACCESS_KEY_ID, ConformanceRecord.ACCESS_KEY_SECRET), capturedAt(record));

    assertEquals(record.header("Authorization"), result.headers().get("Authorization"));
    for (Map.Entry<String, String> added : result.headers().entrySet()) {
      assertEquals(record.header(added.getKey()), added.getValue(), added.getKey());
    }
    for (List<String> header : record.headers()) {
      if (SIGNER_HEADERS.contains(header.get(0).toLowerCase())) {
        assertEquals(header.get(1), result.headers().get(header.get(0)), "signer must add " + header.get(0));
      }
    }
  }

  /** All records were captured in the same second; the v1 ones carry it in their Date header. */
  static Instant capturedAt(ConformanceRecord record) {
    String date = record.header("Date");
    if (date != null) return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    String logDate = record.header("x-log-date");
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX").parse(logDate, Instant::from);
  }
}
