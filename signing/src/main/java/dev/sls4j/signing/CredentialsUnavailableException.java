package dev.sls4j.signing;

import java.io.IOException;

/** The credentials provider could not supply credentials for a request, so it was not sent. */
public final class CredentialsUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  CredentialsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
