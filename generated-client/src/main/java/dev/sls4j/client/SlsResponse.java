package dev.sls4j.client;

/**
 * A successful (2xx) answer.
 *
 * @param <T> the type of the decoded body
 */
public final class SlsResponse<T> {
  private final int httpStatus;
  private final String requestId;
  private final T body;

  SlsResponse(int httpStatus, String requestId, T body) {
    this.httpStatus = httpStatus;
    this.requestId = requestId;
    this.body = body;
  }

  /** The HTTP status, 200 for every current operation. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The {@code x-log-requestid} the service gave this request, or null if the answer had none. */
  public String requestId() {
    return requestId;
  }

  /** The decoded body; null for operations that answer without one ({@code SlsResponse<Void>}). */
  public T body() {
    return body;
  }

  @Override
  public String toString() {
    return "SlsResponse{httpStatus=" + httpStatus + ", requestId=" + requestId + ", body=" + body + "}";
  }
}
