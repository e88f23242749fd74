package dev.sls4j.client;

/**
 * The call ended without a usable answer: the connection failed or was closed, a timeout or the deadline passed, the
 * call was cancelled, or a 2xx answer's body could not be read. The request may or may not have reached the service.
 */
public final class SlsClientException extends SlsException {
  private static final long serialVersionUID = 1L;

  SlsClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
