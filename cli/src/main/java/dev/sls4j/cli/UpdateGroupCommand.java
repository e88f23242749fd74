package dev.sls4j.cli;

import dev.sls4j.client.SlsResponse;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.UpdateConsumerGroupRequest;
import java.util.Collections;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "update-group", mixinStandardHelpOptions = true,
    description = "Changes the timeout or ordering of a consumer group (UpdateConsumerGroup).")
final class UpdateGroupCommand extends GroupCommand {
  @Option(names = "--timeout", paramLabel = "SECONDS", description = "New heartbeat timeout in seconds.")
  Integer timeout;

  @Option(names = "--order", paramLabel = "true|false", arity = "1", description = "New ordering.")
  Boolean order;

  private UpdateConsumerGroupRequest settings;

  @Override
  void validate() {
    if (timeout == null && order == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give --timeout, --order or both");
    }
    UpdateConsumerGroupRequest.Builder body = UpdateConsumerGroupRequest.builder().order(order);
    Usage.check(spec, "--timeout", () -> body.timeout(timeout));
    settings = body.build();
  }

  @Override
  void run(ConsumerGroupApi api) {
    SlsResponse<Void> response = api.updateConsumerGroup(logstore, consumerGroup, settings).execute();
    print("updated consumer group " + consumerGroup + ", request id " + response.requestId(),
        Collections.singletonMap("requestId", response.requestId()));
  }
}
