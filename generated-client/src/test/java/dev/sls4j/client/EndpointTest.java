package dev.sls4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {
  @ParameterizedTest
  @CsvSource({
      "cn-hangzhou.log.aliyuncs.com,         https://p1.cn-hangzhou.log.aliyuncs.com/",
      "https://cn-hangzhou.log.aliyuncs.com, https://p1.cn-hangzhou.log.aliyuncs.com/",
      "http://cn-hangzhou.log.aliyuncs.com/, http://p1.cn-hangzhou.log.aliyuncs.com/",
      "sls.internal:8080,                    https://p1.sls.internal:8080/",
      "http://sls.internal:8080,             http://p1.sls.internal:8080/",
  })
  void hostNamesTakeTheProjectAsFirstLabel(String endpoint, String baseUrl) {
    Endpoint parsed = Endpoint.parse(endpoint);
    assertEquals(baseUrl, parsed.baseUrl("p1").toString());
    assertNull(parsed.hostHeader("p1"));
  }

  @ParameterizedTest
  @CsvSource({
      "127.0.0.1:8080,        https://127.0.0.1:8080/, p1.127.0.0.1:8080",
      "http://10.0.0.5,       http://10.0.0.5/,        p1.10.0.0.5",
      "http://[::1]:9000,     http://[::1]:9000/,      p1.[::1]:9000",
      "http://localhost:9000, http://localhost:9000/,  p1.localhost:9000",
  })
  void addressesAreCalledDirectlyWithTheProjectInTheHostHeader(String endpoint, String baseUrl, String host) {
    Endpoint parsed = Endpoint.parse(endpoint);
    assertEquals(baseUrl, parsed.baseUrl("p1").toString());
    assertEquals(host, parsed.hostHeader("p1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://host/path", "host?x=1", "ftp://host", "http://user@host", "http://", "a b"})
  void endpointsThatCannotTakeAProjectAreRejected(String endpoint) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Endpoint.parse(endpoint));
    assertTrue(e.getMessage().startsWith("endpoint must"), e.getMessage());
    assertTrue(e.getMessage().contains(endpoint), e.getMessage());
  }

  @Test
  void blankEndpoint() {
    assertEquals("endpoint must not be blank",
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("  ")).getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "15", "ali-test-project", "old_style_Project1", "x1234567890"})
  void validProjects(String project) {
    assertEquals(project, Endpoint.requireValidProject(project));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-a", "a-", "_a", "a_", "a.b", "a b", "ü"})
  void invalidProjects(String project) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Endpoint.requireValidProject(project));
    assertTrue(e.getMessage().startsWith("project must be 1-128 letters"), e.getMessage());
  }
}
