package dev.sls4j.cli;

import picocli.CommandLine.Option;

/** A command on one consumer group. */
abstract class GroupCommand extends ApiCommand {
  @Option(names = "--consumer-group", required = true, paramLabel = "G", description = "The consumer group.")
  String consumerGroup;
}
