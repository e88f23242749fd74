package dev.sls4j.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueObjectsTest {
  @Test
  void credentialsEqualityCoversEveryPart() {
    Credentials base = Credentials.of("id", "secret", "token");
    assertEquals(base, Credentials.of("id", "secret", "token"));
    assertEquals(base.hashCode(), Credentials.of("id", "secret", "token").hashCode());
    assertEquals(base, base);
    assertNotEquals(base, Credentials.of("id2", "secret", "token"));
    assertNotEquals(base, Credentials.of("id", "secret2", "token"));
    assertNotEquals(base, Credentials.of("id", "secret", "token2"));
    assertNotEquals(base, Credentials.of("id", "secret"));
    assertNotEquals(base, "id");
    assertFalse(Credentials.of("id", "secret").toString().contains("securityToken"));
    assertTrue(base.toString().contains("securityToken=***"));
  }

  @Test
  void environmentVariablesThatAreBlankCountAsMissing() {
    assertThrows(IllegalStateException.class, () -> CredentialsProvider.fromEnvironment(Map.of(
        "ALIBABA_CLOUD_ACCESS_KEY_ID", "  ", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret")));
    assertNull(CredentialsProvider.fromEnvironment(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "id",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret", "ALIBABA_CLOUD_SECURITY_TOKEN", "")).resolveCredentials()
        .securityToken());
  }

  @Test
  void theProcessEnvironmentEitherSuppliesCredentialsOrNamesWhatIsMissing() {
    try {
      assertNotNull(CredentialsProvider.fromEnvironment().resolveCredentials());
    } catch (IllegalStateException e) {
      assertTrue(e.getMessage().startsWith("Environment variable ALIBABA_CLOUD_ACCESS_KEY_"), e.getMessage());
    }
  }

  @Test
  void expiringCredentialsDescribeThemselvesWithoutSecrets() {
    ExpiringCredentials expiring = ExpiringCredentials.of(Credentials.of("id", "secret", "token"),
        Instant.parse("2026-11-29T12:00:00Z"));
    assertEquals("ExpiringCredentials{Credentials{accessKeyId=id, accessKeySecret=***, securityToken=***}, "
        + "expiration=2026-11-29T12:00:00Z}", expiring.toString());
  }

  @Test
  void refreshingProviderSettingsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> RefreshingCredentialsProvider.create(
        () -> null, Duration.ofSeconds(-1), Clock.systemUTC()));
    RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.create(() -> null);
    assertEquals("RefreshingCredentialsProvider{not fetched yet}", provider.toString());
    assertEquals("the fetcher returned null",
        assertThrows(IllegalStateException.class, provider::resolveCredentials).getMessage());
  }

  @Test
  void aBuilderChangedAfterBuildLeavesTheBuiltRequestAlone() {
    SignableRequest.Builder builder = SignableRequest.builder().method("GET").host("h").encodedPath("/")
        .header("x-log-a", "1").addQueryParameter("q", "1");
    SignableRequest first = builder.build();
    SignableRequest second = builder.header("x-log-b", "2").addQueryParameter("r", "2").build();

    assertEquals("[x-log-a]", first.headers().keySet().toString());
    assertEquals("[q=1]", first.queryParameters().toString());
    assertEquals("[x-log-a, x-log-b]", second.headers().keySet().toString());
    assertEquals("[q=1, r=2]", second.queryParameters().toString());
  }

  @Test
  void aQueryAddedAfterBuildLeavesTheBuiltRequestAlone() {
    SignableRequest.Builder builder = SignableRequest.builder().method("GET").host("h").encodedPath("/")
        .addQueryParameter("q", "1");
    SignableRequest first = builder.build();
    builder.addQueryParameter("r", "2");

    assertEquals("[q=1]", first.queryParameters().toString());
    assertEquals("[q=1, r=2]", builder.build().queryParameters().toString());
  }

  @Test
  void signableRequestRejectsWhatCannotBeSigned() {
    assertThrows(IllegalArgumentException.class,
        () -> SignableRequest.builder().method("GET").host("h").encodedPath("relative").build());
    assertThrows(IllegalArgumentException.class,
        () -> SignableRequest.builder().method("").host("h").encodedPath("/").build());
    assertThrows(NullPointerException.class,
        () -> SignableRequest.builder().method("GET").encodedPath("/").build());
    assertEquals("value of header X-A == null", assertThrows(NullPointerException.class,
        () -> SignableRequest.builder().header("X-A", null)).getMessage());
    SignableRequest request = SignableRequest.builder().method("GET").host("h").encodedPath("/p")
        .header("X-Log-A", "1").body(null).build();
    assertEquals("1", request.header("x-log-a"));
    assertEquals(0, request.bodyLength());
    assertEquals("SignableRequest{GET h/p, query=[], headers=[x-log-a], body=0 bytes}", request.toString());
  }
}
