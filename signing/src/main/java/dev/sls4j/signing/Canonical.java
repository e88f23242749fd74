package dev.sls4j.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** String forms shared by both signature versions. */
final class Canonical {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final Comparator<SignableRequest.QueryParameter> BY_NAME_THEN_VALUE = (a, b) -> {
    int byName = a.name().compareTo(b.name());
    return byName != 0 ? byName : a.value().compareTo(b.value());
  };

  private Canonical() {}

  /** Query parameters sorted by name, and by value where names repeat, so that the order sent does not matter. */
  static SignableRequest.QueryParameter[] sortedQuery(SignableRequest request) {
    List<SignableRequest.QueryParameter> query = request.queryParameters();
    SignableRequest.QueryParameter[] sorted = query.toArray(new SignableRequest.QueryParameter[query.size()]);
    // Insertion sort: a request has a handful of parameters, often in order already.
    for (int i = 1; i < sorted.length; i++) {
      SignableRequest.QueryParameter next = sorted[i];
      int j = i - 1;
      while (j >= 0 && BY_NAME_THEN_VALUE.compare(sorted[j], next) > 0) {
        sorted[j + 1] = sorted[j];
        j--;
      }
      sorted[j + 1] = next;
    }
    return sorted;
  }

  /** How {@link #appendSignedHeaders} writes each header. */
  enum HeaderFormat {
    /** {@code name:value}, joined by newlines: v1's log headers. */
    V1,
    /** {@code name:value} with the value trimmed, each followed by a newline: v4's canonical headers. */
    V4_CANONICAL,
    /** The names joined by {@code ;}: v4's signed headers. */
    V4_NAMES
  }

  /**
   * Appends the headers a signature covers, sorted by name: the request's {@code x-log-*} and {@code x-acs-*} headers
   * (and its {@code content-type} too, for v4), merged with {@code addedNames} (lower case, sorted), whose
   * {@code addedValues} replace any of the same name. A merge of two sorted lists, as the request's headers are sorted.
   */
  static void appendSignedHeaders(StringBuilder out, HeaderFormat format, SignableRequest request,
      String[] addedNames, String[] addedValues) {
    boolean withContentType = format != HeaderFormat.V1;
    boolean first = true;
    int next = 0;
    for (Map.Entry<String, String> header : request.sortedHeaders.entrySet()) {
      String name = header.getKey();
      if (!isLogHeader(name) && !(withContentType && name.equals("content-type"))) continue;
      boolean replaced = false;
      for (; next < addedNames.length && addedNames[next].compareTo(name) <= 0; next++) {
        replaced |= addedNames[next].equals(name);
        first = appendHeader(out, format, first, addedNames[next], addedValues[next]);
      }
      if (!replaced) first = appendHeader(out, format, first, name, header.getValue());
    }
    for (; next < addedNames.length; next++) {
      first = appendHeader(out, format, first, addedNames[next], addedValues[next]);
    }
  }

  private static boolean appendHeader(StringBuilder out, HeaderFormat format, boolean first, String name,
      String value) {
    switch (format) {
      case V1:
        if (!first) out.append('\n');
        out.append(name).append(':').append(value);
        break;
      case V4_CANONICAL:
        out.append(name).append(':').append(value.trim()).append('\n');
        break;
      default:
        if (!first) out.append(';');
        out.append(name);
    }
    return false;
  }

  private static boolean isLogHeader(String lowerCaseName) {
    return lowerCaseName.startsWith("x-log-") || lowerCaseName.startsWith("x-acs-");
  }

  /** RFC 3986 percent-encoding of UTF-8: only {@code A-Z a-z 0-9 - _ . ~} stay as they are. */
  static String rfc3986(String value) {
    StringBuilder out = null;
    byte[] bytes = null;
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        bytes = value.getBytes(StandardCharsets.UTF_8);
        out = new StringBuilder(bytes.length * 3);
        break;
      }
    }
    if (out == null) return value;
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      if (isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  /** Decodes {@code %XX} escapes as UTF-8; {@code +} stays a plus, as in a path. */
  static String percentDecode(String encoded) {
    if (encoded.indexOf('%') < 0) return encoded;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
    int literalStart = 0;
    for (int i = 0; i < encoded.length(); i++) {
      if (encoded.charAt(i) == '%' && i + 2 < encoded.length()
          && isHex(encoded.charAt(i + 1)) && isHex(encoded.charAt(i + 2))) {
        byte[] literal = encoded.substring(literalStart, i).getBytes(StandardCharsets.UTF_8);
        bytes.write(literal, 0, literal.length);
        bytes.write(Character.digit(encoded.charAt(i + 1), 16) << 4 | Character.digit(encoded.charAt(i + 2), 16));
        i += 2;
        literalStart = i + 1;
      }
    }
    byte[] rest = encoded.substring(literalStart).getBytes(StandardCharsets.UTF_8);
    bytes.write(rest, 0, rest.length);
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '.' || c == '~';
  }
}
