package dev.sls4j.client;

/** The root of every exception a call can end with, so that one catch clause covers them all. */
public abstract class SlsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
