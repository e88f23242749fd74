package dev.sls4j.client;

/**
 * The service, or a proxy in front of it, answered with a non-2xx status.
 *
 * <p>{@link #errorCode()} is the SLS error code ({@code ConsumerGroupNotExist}, {@code SignatureNotMatch}, ...) when
 * the body was an SLS error; a proxy's HTML or empty answer has none, and then {@link #errorMessage()} holds what
 * text the body had.
 */
public final class SlsServiceException extends SlsException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;

  SlsServiceException(int httpStatus, String errorCode, String errorMessage, String requestId) {
    super(describe(httpStatus, errorCode, errorMessage, requestId), null);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.requestId = requestId;
  }

  /** The HTTP status of the answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The SLS error code, or null when the body was not an SLS error (a proxy's HTML or empty answer). */
  public String errorCode() {
    return errorCode;
  }

  /** The service's error message; for a non-SLS body, its text (shortened); null for an empty body. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The {@code x-log-requestid} of the answer, or null if it had none: quote it when you report a problem. */
  public String requestId() {
    return requestId;
  }

  private static String describe(int httpStatus, String errorCode, String errorMessage, String requestId) {
    StringBuilder out = new StringBuilder();
    out.append(errorCode != null ? errorCode : "HTTP " + httpStatus);
    if (errorMessage != null) out.append(": ").append(errorMessage);
    out.append(" (HTTP ").append(httpStatus).append(", request id ")
        .append(requestId != null ? requestId : "none").append(')');
    return out.toString();
  }
}
