package dev.sls4j.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.sls4j.client.SlsClient;
import dev.sls4j.client.SlsException;
import dev.sls4j.client.api.ConsumerGroupApi;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that makes calls on one logstore's consumer groups: connection options, output format and the turning of
 * failures into exit statuses are the same for all of them.
 */
abstract class ApiCommand implements Callable<Integer> {
  enum Format { text, json }

  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  /** The process environment, for credentials; set by {@link SlsCli}'s factory. */
  Map<String, String> environment;

  @Spec CommandSpec spec;

  @Mixin ConnectionOptions connection;

  @Option(names = "--logstore", required = true, paramLabel = "L", description = "The logstore.")
  String logstore;

  @Option(names = "--output", defaultValue = "text", paramLabel = "text|json",
      description = "text for people (default), json for scripts.")
  Format output;

  @Override
  public final Integer call() {
    validate();
    try (SlsClient client = connection.client(spec, environment)) {
      run(connection.api(client, ConsumerGroupApi.class, spec));
      return 0;
    } catch (IllegalArgumentException e) {
      // The SDK checks every argument against the spec before sending; its message names the parameter and rule.
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (SlsException e) {
      return Failures.report(e, spec.commandLine().getErr());
    }
  }

  /** Checks arguments before anything is sent; throws a ParameterException naming the option. */
  void validate() {}

  /** Makes the calls and prints their outcome with {@link #print}. */
  abstract void run(ConsumerGroupApi api);

  /** Prints {@code text} for people, or {@code json} (any value Moshi can write) for scripts. */
  final void print(String text, Object json) {
    PrintWriter out = spec.commandLine().getOut();
    out.println(output == Format.json ? JSON.toJson(json) : text);
    out.flush();
  }
}
