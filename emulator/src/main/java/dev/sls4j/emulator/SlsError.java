package dev.sls4j.emulator;

/** An error answer as the service gives it: status, error code and message. */
final class SlsError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  SlsError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static SlsError groupNotExist(String group) {
    return new SlsError(404, "ConsumerGroupNotExist", "consumer group " + group + " does not exist");
  }

  static SlsError invalid(String message) {
    return new SlsError(400, "ParameterInvalid", message);
  }
}
