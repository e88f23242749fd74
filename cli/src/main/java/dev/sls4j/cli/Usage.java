package dev.sls4j.cli;

import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Turns the SDK's argument errors into usage errors that name the command-line option. */
final class Usage {
  private Usage() {}

  /** The value of {@code step}; an {@link IllegalArgumentException} from it becomes a usage error on {@code option}. */
  static <T> T check(CommandSpec spec, String option, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }
}
