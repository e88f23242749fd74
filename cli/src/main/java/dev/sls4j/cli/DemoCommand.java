package dev.sls4j.cli;

import dev.sls4j.client.SlsClient;
import dev.sls4j.client.SlsResponse;
import dev.sls4j.client.SlsServiceException;
import dev.sls4j.client.api.ConsumerGroupApi;
import dev.sls4j.client.model.ConsumerGroup;
import dev.sls4j.client.model.CreateConsumerGroupRequest;
import dev.sls4j.client.model.UpdateCheckPointRequest;
import dev.sls4j.emulator.SlsEmulator;
import dev.sls4j.signing.CredentialsProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A consumer group's whole life through the SDK, printed call by call: against an emulator started in this process
 * (no account, no network), or against the endpoint given.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Walks a consumer-group lifecycle through the SDK (create, heartbeat, commit, read back, delete), "
        + "printing each call. Without --endpoint it starts an emulator in this process: no account, no network.")
final class DemoCommand implements Callable<Integer> {
  Map<String, String> environment;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "Run against this endpoint with the credentials in the environment, instead of the emulator.")
  String endpoint;

  @Option(names = "--project", defaultValue = "demo-project", paramLabel = "P",
      description = "The project; default ${DEFAULT-VALUE}.")
  String project;

  @Option(names = "--logstore", defaultValue = "demo-logstore", paramLabel = "L",
      description = "The logstore; default ${DEFAULT-VALUE} (with --endpoint it must exist).")
  String logstore;

  @Option(names = "--consumer-group", defaultValue = "sls4j-demo-group", paramLabel = "G",
      description = "The group to create and delete again; default ${DEFAULT-VALUE}.")
  String group;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    SlsEmulator emulator = null;
    SlsClient.Builder client = SlsClient.builder();
    if (endpoint == null) {
      emulator = SlsEmulator.builder().port(0).start();
      out.println("Started the SLS emulator at " + emulator.endpoint() + " (2 shards a logstore; no account or "
          + "network needed)");
      client.endpoint(emulator.endpoint()).credentials(emulator.credentials());
    } else {
      client.endpoint(endpoint).credentialsProvider(CredentialsProvider.fromEnvironment(environment));
    }
    try (SlsClient sls = client.build()) {
      walk(sls.create(ConsumerGroupApi.class, project), out);
      return 0;
    } catch (SlsServiceException e) {
      return Failures.report(e, spec.commandLine().getErr());
    } finally {
      if (emulator != null) emulator.close();
    }
  }

  private void walk(ConsumerGroupApi api, PrintWriter out) {
    String where = project + "/" + logstore + "/" + group;
    SlsResponse<Void> created = api.createConsumerGroup(logstore,
        CreateConsumerGroupRequest.builder().consumerGroup(group).timeout(60).order(false).build()).execute();
    step(out, "createConsumerGroup " + where + " timeout=60s", "request id " + created.requestId());
    List<ConsumerGroup> groups = api.listConsumerGroup(logstore).execute().body();
    step(out, "listConsumerGroup " + project + "/" + logstore, groups);

    List<Integer> first = api.heartbeat(logstore, group, "consumer-1", Collections.emptyList()).execute().body();
    step(out, "heartbeat consumer-1 holding []", "assigned " + first);
    List<Integer> second = api.heartbeat(logstore, group, "consumer-2", Collections.emptyList()).execute().body();
    step(out, "heartbeat consumer-2 holding []", "assigned " + second);
    List<Integer> rebalanced = api.heartbeat(logstore, group, "consumer-1", first).execute().body();
    step(out, "heartbeat consumer-1 holding " + first, "assigned " + rebalanced + " (the group rebalanced)");

    for (int shard : rebalanced) {
      UpdateCheckPointRequest position =
          UpdateCheckPointRequest.builder().shard(shard).checkpoint("MTUyNDE1NTM3OTM3MzkwODQ5Ng==").build();
      SlsResponse<Void> committed = api.updateCheckPoint(logstore, group, "consumer-1", position, false).execute();
      step(out, "updateCheckPoint shard " + shard + " by consumer-1", "request id " + committed.requestId());
    }
    for (int shard : second) {
      UpdateCheckPointRequest position = UpdateCheckPointRequest.builder().shard(shard).checkpoint("c3RhbGU=").build();
      String call = "updateCheckPoint shard " + shard + " by consumer-1";
      try {
        api.updateCheckPoint(logstore, group, "consumer-1", position, false).execute();
        step(out, call, "accepted, though consumer-2 holds it");
      } catch (SlsServiceException e) {
        step(out, call, "refused with " + e.errorCode() + ": consumer-2 holds it");
      }
    }

    step(out, "getCheckPoint " + where, "");
    out.println(GetCheckPointCommand.table(api.getCheckPoint(logstore, group, null).execute().body()));
    SlsResponse<Void> deleted = api.deleteConsumerGroup(logstore, group).execute();
    step(out, "deleteConsumerGroup " + where, "request id " + deleted.requestId());
    step(out, "listConsumerGroup " + project + "/" + logstore, api.listConsumerGroup(logstore).execute().body());
  }

  private static void step(PrintWriter out, String call, Object outcome) {
    out.printf("%-64s -> %s%n", call, outcome);
    out.flush();
  }
}
