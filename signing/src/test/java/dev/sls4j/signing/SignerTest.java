package dev.sls4j.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strings each signer builds, asserted whole: the part a server's "SignatureNotMatch" is about. */
class SignerTest {
  private static final Credentials STS = Credentials.of("ak", "sk", "sts-secret-token");
  private static final Instant EARLY_DECEMBER = Instant.parse("2026-12-01T08:05:09Z");

  private static SignableRequest.Builder awkwardRequest() {
    return SignableRequest.builder()
        .method("POST")
        .host("proj.cn-hangzhou.log.aliyuncs.com")
        .encodedPath("/logstores/ls/consumergroups/g%20x")
        .addQueryParameter("type", "checkpoint")
        .addQueryParameter("consumer", "a b/c&d=e+f@ü*~")
        .addQueryParameter("forceSuccess", null)
        .header("Content-Type", "application/json")
        .header("x-log-apiversion", "0.6.0")
        .header("X-Log-BodyRawSize", "0")
        .header("User-Agent", "not signed")
        .body("{}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void v1SignsDecodedSortedQueryAndLogHeaders() {
    SigningResult result = RequestSigner.v1().sign(awkwardRequest().build(), STS, EARLY_DECEMBER);

    assertEquals("POST\n"
        + "99914B932BD37A50B983C5E7C90AE93B\n"
        + "application/json\n"
        + "Tue, 01 Dec 2026 08:05:09 GMT\n"
        + "x-acs-security-token:sts-secret-token\n"
        + "x-log-apiversion:0.6.0\n"
        + "x-log-bodyrawsize:0\n"
        + "x-log-signaturemethod:hmac-sha1\n"
        + "/logstores/ls/consumergroups/g x?consumer=a b/c&d=e+f@ü*~&forceSuccess=&type=checkpoint",
        result.stringToSign());
    assertEquals("99914B932BD37A50B983C5E7C90AE93B", result.headers().get("Content-MD5"));
    assertEquals("Tue, 01 Dec 2026 08:05:09 GMT", result.headers().get("Date"));
    assertEquals("sts-secret-token", result.headers().get("x-acs-security-token"));
    assertNull(result.canonicalRequest());
  }

  @Test
  void v1SignsOnlyLogHeadersAndItsOwnValuesReplaceThoseOfTheSameName() {
    SignableRequest request = SignableRequest.builder().method("GET").host("h").encodedPath("/")
        .header("x-custom", "not signed")
        .header("x-acs-security-token", "stale-token")
        .header("x-log-signaturemethod", "stale-method")
        .header("x-log-zz", "last")
        .header("x-acs-a", "first")
        .build();

    SigningResult result = RequestSigner.v1().sign(request, STS, EARLY_DECEMBER);

    assertEquals("GET\n\n\nTue, 01 Dec 2026 08:05:09 GMT\n"
        + "x-acs-a:first\n"
        + "x-acs-security-token:sts-secret-token\n"
        + "x-log-signaturemethod:hmac-sha1\n"
        + "x-log-zz:last\n"
        + "/", result.stringToSign());
  }

  @Test
  void eachSecondHasItsOwnDate() {
    SignableRequest request = SignableRequest.builder().method("GET").host("h").encodedPath("/").build();
    Credentials keys = Credentials.of("ak", "sk");
    assertEquals("Tue, 01 Dec 2026 08:05:09 GMT",
        RequestSigner.v1().sign(request, keys, EARLY_DECEMBER).headers().get("Date"));
    assertEquals("Tue, 01 Dec 2026 08:05:10 GMT",
        RequestSigner.v1().sign(request, keys, EARLY_DECEMBER.plusSeconds(1)).headers().get("Date"));
    assertEquals("20261201T080510Z",
        RequestSigner.v4("r").sign(request, keys, EARLY_DECEMBER.plusMillis(1500)).headers().get("x-log-date"));
  }

  @Test
  void v4DerivesANewKeyWhenTheSecretOrTheDayChanges() {
    SignableRequest request = SignableRequest.builder().method("GET").host("h").encodedPath("/").build();
    RequestSigner shared = RequestSigner.v4("cn-hangzhou");
    Instant nextDay = EARLY_DECEMBER.plus(java.time.Duration.ofDays(1));
    for (Credentials keys : new Credentials[] {Credentials.of("ak", "one"), Credentials.of("ak", "two")}) {
      for (Instant when : new Instant[] {EARLY_DECEMBER, nextDay, EARLY_DECEMBER}) {
        assertEquals(RequestSigner.v4("cn-hangzhou").sign(request, keys, when).headers().get("Authorization"),
            shared.sign(request, keys, when).headers().get("Authorization"), keys + " at " + when);
      }
    }
  }

  @Test
  void v1WithoutBodyHasNoContentMd5() {
    SignableRequest get = SignableRequest.builder().method("GET").host("h").encodedPath("/logstores").build();
    SigningResult result = RequestSigner.v1().sign(get, Credentials.of("ak", "sk"), EARLY_DECEMBER);

    assertFalse(result.headers().containsKey("Content-MD5"));
    assertFalse(result.headers().containsKey("x-acs-security-token"));
    assertEquals("GET\n\n\nTue, 01 Dec 2026 08:05:09 GMT\nx-log-signaturemethod:hmac-sha1\n/logstores",
        result.stringToSign());
  }

  @Test
  void v4CanonicalRequestEncodesQueryAndSignsHostAndContentType() {
    SigningResult result = RequestSigner.v4("cn-hangzhou").sign(awkwardRequest().build(), STS, EARLY_DECEMBER);

    assertEquals("POST\n"
        + "/logstores/ls/consumergroups/g%20x\n"
        + "consumer=a%20b%2Fc%26d%3De%2Bf%40%C3%BC%2A~&forceSuccess&type=checkpoint\n"
        + "content-type:application/json\n"
        + "host:proj.cn-hangzhou.log.aliyuncs.com\n"
        + "x-acs-security-token:sts-secret-token\n"
        + "x-log-apiversion:0.6.0\n"
        + "x-log-bodyrawsize:0\n"
        + "x-log-content-sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\n"
        + "x-log-date:20261201T080509Z\n"
        + "\n"
        + "content-type;host;x-acs-security-token;x-log-apiversion;x-log-bodyrawsize;x-log-content-sha256;"
        + "x-log-date\n"
        + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", result.canonicalRequest());
    assertEquals("SLS4-HMAC-SHA256\n20261201T080509Z\n20261201/cn-hangzhou/sls/aliyun_v4_request\n",
        result.stringToSign().substring(0, result.stringToSign().lastIndexOf('\n') + 1));
    assertEquals(List.of("x-log-content-sha256", "x-log-date", "x-acs-security-token", "Authorization"),
        new ArrayList<>(result.headers().keySet()));
    assertEquals("sts-secret-token", result.headers().get("x-acs-security-token"));
  }

  @Test
  void eachSigningStartsAfreshOnAThreadThatSignedBefore() {
    SignableRequest small = SignableRequest.builder().method("GET").host("h").encodedPath("/logstores").build();
    Credentials keys = Credentials.of("ak", "sk");
    String emptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    RequestSigner.v1().sign(awkwardRequest().build(), STS, EARLY_DECEMBER);
    assertEquals("GET\n\n\nTue, 01 Dec 2026 08:05:09 GMT\nx-log-signaturemethod:hmac-sha1\n/logstores",
        RequestSigner.v1().sign(small, keys, EARLY_DECEMBER).stringToSign());

    RequestSigner v4 = RequestSigner.v4("r");
    v4.sign(awkwardRequest().build(), STS, EARLY_DECEMBER);
    assertEquals("GET\n/logstores\n\n"
        + "host:h\nx-log-content-sha256:" + emptySha256 + "\nx-log-date:20261201T080509Z\n\n"
        + "host;x-log-content-sha256;x-log-date\n" + emptySha256,
        v4.sign(small, keys, EARLY_DECEMBER).canonicalRequest());
  }

  @Test
  void v4NeedsARegion() {
    assertEquals("region must not be blank (signature v4 needs one, e.g. cn-hangzhou)",
        assertThrows(IllegalArgumentException.class, () -> RequestSigner.v4(" ")).getMessage());
    assertThrows(NullPointerException.class, () -> RequestSigner.v4(null));
  }

  @Test
  void signingResultDoesNotPrintTheSignatureOrToken() {
    SigningResult result = RequestSigner.v1().sign(awkwardRequest().build(), STS, EARLY_DECEMBER);
    assertFalse(result.toString().contains("sts-secret-token"), result.toString());
    assertFalse(result.toString().contains(result.headers().get("Authorization")), result.toString());
  }

  @Test
  void percentDecodingHandlesUtf8AndLeavesBrokenEscapes() {
    assertEquals("g x/ü%zz%4", Canonical.percentDecode("g%20x%2F%C3%BC%zz%4"));
  }
}
