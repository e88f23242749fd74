package dev.sls4j.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  @Test
  void toStringNeverShowsSecretOrToken() {
    Credentials sts = Credentials.of("LTAIkeyid", "s3cr3t-value", "sts-token-value");
    String text = sts.toString() + CredentialsProvider.of(sts);
    assertTrue(text.contains("LTAIkeyid"), text);
    assertFalse(text.contains("s3cr3t-value"), text);
    assertFalse(text.contains("sts-token-value"), text);
  }

  @Test
  void blankPartsAreRejectedByName() {
    assertEquals("accessKeyId must not be blank",
        assertThrows(IllegalArgumentException.class, () -> Credentials.of(" ", "secret")).getMessage());
    assertEquals("accessKeySecret == null",
        assertThrows(NullPointerException.class, () -> Credentials.of("id", null)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Credentials.of("id", "secret", ""));
  }

  @Test
  void environmentProviderReadsTheStandardVariables() {
    Credentials keys = CredentialsProvider.fromEnvironment(Map.of(
        "ALIBABA_CLOUD_ACCESS_KEY_ID", "id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret")).resolveCredentials();
    assertEquals(Credentials.of("id", "secret"), keys);
    assertNull(keys.securityToken());

    Credentials sts = CredentialsProvider.fromEnvironment(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "id",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "secret", "ALIBABA_CLOUD_SECURITY_TOKEN", "token")).resolveCredentials();
    assertEquals("token", sts.securityToken());
  }

  @Test
  void environmentProviderNamesTheMissingVariable() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> CredentialsProvider.fromEnvironment(Map.of("ALIBABA_CLOUD_ACCESS_KEY_ID", "id")));
    assertTrue(e.getMessage().startsWith("Environment variable ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set"),
        e.getMessage());
  }
}
