package dev.sls4j.emulator;

import dev.sls4j.signing.Credentials;
import dev.sls4j.signing.RequestSigner;
import dev.sls4j.signing.SignableRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request's signature as the service does: the key must be known, the request time within 15 minutes of
 * the server's clock, and the signature the one that the key's secret gives for the request as it arrived.
 */
final class Authenticator {
  private static final Duration MAX_SKEW = Duration.ofMinutes(15);
  private static final Pattern V1 = Pattern.compile("LOG ([^:]+):(.+)");
  private static final Pattern V4 = Pattern.compile(
      "SLS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/sls/aliyun_v4_request,\\s*Signature=([0-9a-f]+)");
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter V4_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US).withZone(ZoneOffset.UTC);

  private final Credentials credentials;
  private final Clock clock;

  Authenticator(Credentials credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /**
   * @param request the request as it arrived; its headers must not include Authorization
   * @throws SlsError Unauthorized, SignatureNotMatch or RequestTimeExpired
   */
  void authenticate(SignableRequest request, String authorization) {
    if (authorization == null) throw new SlsError(401, "Unauthorized", "the request carries no Authorization");
    Matcher v1 = V1.matcher(authorization);
    Matcher v4 = V4.matcher(authorization);
    RequestSigner signer;
    String accessKeyId;
    Instant signedAt;
    if (v1.matches()) {
      accessKeyId = v1.group(1);
      signer = RequestSigner.v1();
      signedAt = parseTime(request.header("Date"), HTTP_DATE, "Date");
    } else if (v4.matches()) {
      accessKeyId = v4.group(1);
      signer = RequestSigner.v4(v4.group(3));
      signedAt = parseTime(request.header("x-log-date"), V4_DATE, "x-log-date");
    } else {
      throw new SlsError(401, "Unauthorized", "the Authorization header is neither LOG nor SLS4-HMAC-SHA256");
    }
    if (!accessKeyId.equals(credentials.accessKeyId())) {
      throw new SlsError(401, "Unauthorized", "AccessKeyId not found: " + accessKeyId);
    }
    Duration skew = Duration.between(signedAt, clock.instant()).abs();
    if (skew.compareTo(MAX_SKEW) > 0) {
      throw new SlsError(400, "RequestTimeExpired",
          "request time " + signedAt + " is more than 15 minutes off the server time " + clock.instant());
    }
    // An STS token, if sent, is among the request's headers and so in what is signed; any token is accepted.
    String expected = signer.sign(request, credentials, signedAt).headers().get("Authorization");
    if (!expected.equals(authorization)) {
      // Not echoed: an error message is no place for a signature, and the client knows what it sent.
      throw new SlsError(401, "SignatureNotMatch", "the signature does not match the request");
    }
  }

  /** The time a request was signed at; it must be written exactly as signers write it, or it cannot verify. */
  private static Instant parseTime(String value, DateTimeFormatter format, String header) {
    if (value == null) throw new SlsError(400, "ParameterInvalid", "header " + header + " is missing");
    try {
      Instant instant = format.parse(value, Instant::from);
      if (!format.format(instant).equals(value)) throw new DateTimeParseException("not canonical", value, 0);
      return instant;
    } catch (DateTimeParseException e) {
      throw new SlsError(400, "ParameterInvalid", "header " + header + " is not a valid time: " + value);
    }
  }
}
