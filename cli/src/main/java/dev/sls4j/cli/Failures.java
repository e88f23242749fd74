package dev.sls4j.cli;

import dev.sls4j.client.SlsException;
import dev.sls4j.client.SlsServiceException;
import java.io.PrintWriter;

/** Reports a failed call for people: what the service said, never a stack trace. */
final class Failures {
  private Failures() {}

  static int report(SlsException failure, PrintWriter err) {
    if (failure instanceof SlsServiceException) {
      SlsServiceException e = (SlsServiceException) failure;
      err.println("error: " + (e.errorCode() != null ? e.errorCode() : "HTTP " + e.httpStatus())
          + (e.errorMessage() != null ? ": " + e.errorMessage() : ""));
      err.println("  error code:   " + (e.errorCode() != null ? e.errorCode() : "(none)"));
      err.println("  message:      " + (e.errorMessage() != null ? e.errorMessage() : "(none)"));
      err.println("  HTTP status:  " + e.httpStatus());
      err.println("  request id:   " + (e.requestId() != null ? e.requestId() : "(none)"));
    } else {
      err.println("error: " + failure.getMessage());
    }
    return SlsCli.EXIT_CALL_FAILED;
  }
}
