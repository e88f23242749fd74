package dev.sls4j.client;

/**
 * The call ended without a usable answer: the connection failed or was closed, a timeout or the deadline passed, the
 * call was cancelled, or a 2xx answer's body broke off or was not what the operation returns. The request may or may
 * not have taken effect. When an answer did arrive, its status and request id are kept.
 */
public final class SlsClientException extends SlsException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String requestId;

  SlsClientException(String message, Throwable cause) {
    this(message, cause, 0, null);
  }

  SlsClientException(String message, Throwable cause, int httpStatus, String requestId) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.requestId = requestId;
  }

  /** The HTTP status of the answer whose body could not be used, or 0 if no answer arrived. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The {@code x-log-requestid} of that answer, or null. */
  public String requestId() {
    return requestId;
  }
}
