package dev.sls4j.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.sls4j.client.model.ErrorResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** Turns any non-2xx answer, whatever its body, into an {@link SlsServiceException}. */
final class ErrorAnswers {
  /** An SLS error body is tiny; a proxy's error page need not be read whole to be quoted. */
  private static final long MAX_BODY_BYTES = 64 * 1024;
  private static final int MAX_MESSAGE_CHARS = 256;

  private final JsonAdapter<ErrorResponse> adapter;

  ErrorAnswers(JsonAdapter<ErrorResponse> adapter) {
    this.adapter = adapter;
  }

  /** The exception for a non-2xx answer; reads (at most 64 KiB of) the body and closes it. */
  SlsServiceException toException(int httpStatus, String requestId, ResponseBody body) {
    String text = readText(body);
    if (text.isEmpty()) return new SlsServiceException(httpStatus, null, null, requestId);
    ErrorResponse error = parse(text);
    if (error != null && error.errorCode() != null) {
      return new SlsServiceException(httpStatus, error.errorCode(), error.errorMessage(), requestId);
    }
    return new SlsServiceException(httpStatus, null, summarize(text), requestId);
  }

  /** The SLS error code in an error body, or null if it holds none; the body is left unread for its consumer. */
  String peekErrorCode(okhttp3.Response response) {
    try {
      ErrorResponse error = parse(response.peekBody(MAX_BODY_BYTES).string());
      return error != null ? error.errorCode() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private ErrorResponse parse(String text) {
    if (!text.trim().startsWith("{")) return null;
    try {
      return adapter.fromJson(text);
    } catch (IOException | JsonDataException e) {
      return null; // not an SLS error body after all: quoted as text instead
    }
  }

  /** Reads at most {@link #MAX_BODY_BYTES}; a body that fails half way is quoted as far as it came. */
  private static String readText(ResponseBody body) {
    if (body == null) return "";
    try (ResponseBody closing = body) {
      BufferedSource source = closing.source();
      source.request(MAX_BODY_BYTES);
      long available = Math.min(source.getBuffer().size(), MAX_BODY_BYTES);
      return source.getBuffer().readString(available, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The body as one short line, with markup removed: enough to tell a gateway's page from another. */
  private static String summarize(String text) {
    String plain = text.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    if (plain.isEmpty()) plain = text.replaceAll("\\s+", " ").trim();
    return plain.length() <= MAX_MESSAGE_CHARS ? plain : plain.substring(0, MAX_MESSAGE_CHARS) + "...";
  }
}
