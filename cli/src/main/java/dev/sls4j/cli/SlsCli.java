package dev.sls4j.cli;

import dev.sls4j.emulator.EmulatorCommand;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sls-cli}: SLS consumer-group operations from a shell. */
@Command(
    name = "sls-cli",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description = "Simple Log Service consumer-group operations, on the sls4j SDK.%n"
        + "Credentials come from ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and, for STS, "
        + "ALIBABA_CLOUD_SECURITY_TOKEN.",
    subcommands = {
        DemoCommand.class,
        CreateGroupCommand.class,
        UpdateGroupCommand.class,
        DeleteGroupCommand.class,
        ListGroupsCommand.class,
        HeartbeatCommand.class,
        GetCheckPointCommand.class,
        UpdateCheckPointCommand.class,
        ResetCheckPointsCommand.class,
        EmulatorCommand.class,
        CommandLine.HelpCommand.class})
public final class SlsCli {
  /** Exit status when the service or the network failed the call. */
  static final int EXIT_CALL_FAILED = 1;

  private SlsCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and returns its exit status: 0 success, 1 call failed, 2 usage error. */
  static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new SlsCli(), new CommandFactory(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    return commandLine.execute(args);
  }

  /** Hands each command the environment, so that tests need not change the process's own. */
  private static final class CommandFactory implements CommandLine.IFactory {
    private final Map<String, String> environment;

    CommandFactory(Map<String, String> environment) {
      this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      K command = CommandLine.defaultFactory().create(type);
      if (command instanceof ApiCommand) ((ApiCommand) command).environment = environment;
      if (command instanceof DemoCommand) ((DemoCommand) command).environment = environment;
      return command;
    }
  }
}
