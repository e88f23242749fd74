package dev.sls4j.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** What the public types say of themselves, and the small rules behind the interceptor. */
class DescriptionsTest {
  private static final Credentials KEYS = Credentials.of("id", "secret");

  @Test
  void signersAndInterceptorDescribeThemselves() {
    assertEquals("RequestSigner.v1()", RequestSigner.v1().toString());
    assertEquals("RequestSigner.v4(cn-hangzhou)", RequestSigner.v4("cn-hangzhou").toString());
    assertEquals("SigningInterceptor{RequestSigner.v1(), StaticCredentialsProvider{Credentials{accessKeyId=id, "
        + "accessKeySecret=***}}}", SigningInterceptor.create(RequestSigner.v1(), CredentialsProvider.of(KEYS))
        .toString());
    SigningResult result = RequestSigner.v1().sign(SignableRequest.builder().method("GET").host("h")
        .encodedPath("/").build(), KEYS, Instant.EPOCH);
    assertEquals("SigningResult{headers=[Date, x-log-signaturemethod, Authorization]}", result.toString());
  }

  @Test
  void refreshingProviderNamesTheKeyItHolds() {
    RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.create(
        () -> ExpiringCredentials.of(KEYS, Instant.parse("2030-01-01T00:00:00Z")), Duration.ZERO,
        Clock.fixed(Instant.parse("2029-01-01T00:00:00Z"), ZoneOffset.UTC));
    provider.resolveCredentials();
    assertTrue(provider.toString().contains("accessKeyId=id"), provider.toString());
  }

  @Test
  void hostHeaderCarriesThePortOnlyWhenItIsNotTheDefault() {
    assertEquals("h", SigningInterceptor.hostHeader(HttpUrl.get("https://h/")));
    assertEquals("h", SigningInterceptor.hostHeader(HttpUrl.get("http://h:80/")));
    assertEquals("h:443", SigningInterceptor.hostHeader(HttpUrl.get("http://h:443/")));
    assertEquals("[::1]:8080", SigningInterceptor.hostHeader(HttpUrl.get("http://[::1]:8080/")));
    assertEquals("[::1]", SigningInterceptor.hostHeader(HttpUrl.get("https://[::1]/")));
  }

  @Test
  void nullArgumentsAreNamed() {
    assertEquals("region == null", assertThrows(NullPointerException.class, () -> RequestSigner.v4(null))
        .getMessage());
    assertEquals("host == null", assertThrows(NullPointerException.class,
        () -> SignableRequest.builder().method("GET").encodedPath("/").build()).getMessage());
    assertEquals("credentials == null", assertThrows(NullPointerException.class,
        () -> CredentialsProvider.of(null)).getMessage());
  }

  @Test
  void queryParametersAreValues() {
    SignableRequest.QueryParameter a = new SignableRequest.QueryParameter("a", "1");
    assertEquals(a, new SignableRequest.QueryParameter("a", "1"));
    assertEquals(a.hashCode(), new SignableRequest.QueryParameter("a", "1").hashCode());
    assertNotEquals(a, new SignableRequest.QueryParameter("b", "1"));
    assertNotEquals(a, new SignableRequest.QueryParameter("a", "2"));
    assertNotEquals(a.hashCode(), new SignableRequest.QueryParameter("a", "2").hashCode());
    assertNotEquals(a, "a=1");
    assertEquals(new SignableRequest.QueryParameter("flag", ""), new SignableRequest.QueryParameter("flag", null));
    assertNotEquals(0, KEYS.hashCode());
  }
}
