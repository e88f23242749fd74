package dev.sls4j.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CanonicalTest {
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

  @Test
  void rfc3986KeepsExactlyTheUnreservedAsciiCharacters() {
    for (char c = 0; c < 128; c++) {
      String expected = UNRESERVED.indexOf(c) >= 0 ? String.valueOf(c) : String.format("%%%02X", (int) c);
      assertEquals(expected, Canonical.rfc3986(String.valueOf(c)), "character " + (int) c);
    }
  }

  @Test
  void rfc3986EncodesUtf8BytesInUpperCaseHex() {
    assertEquals("a%C3%A9%E6%B6%88%F0%9F%98%80", Canonical.rfc3986("aé消😀"));
    assertEquals("plain", Canonical.rfc3986("plain"));
  }

  @Test
  void percentDecodingDecodesOnlyWellFormedAsciiEscapes() {
    assertEquals("Abc", Canonical.percentDecode("%41bc"));
    assertEquals("aA", Canonical.percentDecode("a%41"));
    assertEquals("a%4", Canonical.percentDecode("a%4"));
    assertEquals("%", Canonical.percentDecode("%"));
    assertEquals("%\u0663\u0663", Canonical.percentDecode("%\u0663\u0663"), "Arabic-Indic digits are not hex");
    assertEquals("%G1 ok", Canonical.percentDecode("%G1%20ok"));
    assertEquals("ü+", Canonical.percentDecode("%c3%bc+"));
  }

  @Test
  void encodedQueriesAreSplitAndDecodedAsTheServiceDoes() {
    SignableRequest request = SignableRequest.builder().method("GET").host("h").encodedPath("/")
        .addEncodedQuery("a=1&&b&c=&=v&d=x%20y%26z=w&e=%2B+")
        .addEncodedQuery(null)
        .addEncodedQuery("")
        .build();

    List<String> pairs = request.queryParameters().stream().map(p -> p.name() + "|" + p.value())
        .collect(Collectors.toList());
    assertEquals(List.of("a|1", "b|", "c|", "|v", "d|x y&z=w", "e|++"), pairs);
  }

  @Test
  void queryIsSortedByNameThenValue() {
    SignableRequest request = SignableRequest.builder().method("GET").host("h").encodedPath("/")
        .addQueryParameter("b", "2").addQueryParameter("a", "z").addQueryParameter("a", "y").build();

    assertEquals("[a=y, a=z, b=2]", Arrays.toString(Canonical.sortedQuery(request)));
  }
}
