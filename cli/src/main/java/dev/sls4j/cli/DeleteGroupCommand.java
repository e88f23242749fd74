package dev.sls4j.cli;

import dev.sls4j.client.SlsResponse;
import dev.sls4j.client.api.ConsumerGroupApi;
import java.util.Collections;
import picocli.CommandLine.Command;

@Command(name = "delete-group", mixinStandardHelpOptions = true,
    description = "Deletes a consumer group and its checkpoints (DeleteConsumerGroup).")
final class DeleteGroupCommand extends GroupCommand {
  @Override
  void run(ConsumerGroupApi api) {
    SlsResponse<Void> response = api.deleteConsumerGroup(logstore, consumerGroup).execute();
    print("deleted consumer group " + consumerGroup + ", request id " + response.requestId(),
        Collections.singletonMap("requestId", response.requestId()));
  }
}
