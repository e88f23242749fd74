package dev.sls4j.cli;

import dev.sls4j.client.SlsClient;
import dev.sls4j.signing.CredentialsProvider;
import dev.sls4j.signing.RequestSigner;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where to send a command and how to sign it: the options every operation shares. */
final class ConnectionOptions {
  enum SignatureVersion { v1, v4 }

  @Option(names = "--endpoint", required = true, paramLabel = "URL",
      description = "The region's endpoint, e.g. cn-hangzhou.log.aliyuncs.com (https unless http:// is given).")
  String endpoint;

  @Option(names = "--project", required = true, paramLabel = "P", description = "The project.")
  String project;

  @Option(names = "--signature-version", defaultValue = "v1", paramLabel = "v1|v4",
      description = "Signature version: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.")
  SignatureVersion signatureVersion;

  @Option(names = "--region", paramLabel = "R", description = "The region, e.g. cn-hangzhou; required with v4.")
  String region;

  /** A client for these options, or a usage error naming the option or variable that is wrong. */
  SlsClient client(CommandSpec spec, Map<String, String> environment) {
    CredentialsProvider credentials;
    try {
      credentials = CredentialsProvider.fromEnvironment(environment);
    } catch (IllegalStateException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    RequestSigner signer;
    if (signatureVersion == SignatureVersion.v4) {
      if (region == null || region.trim().isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--region is required with --signature-version v4");
      }
      signer = RequestSigner.v4(region);
    } else {
      signer = RequestSigner.v1();
    }
    SlsClient.Builder client = SlsClient.builder().credentialsProvider(credentials).signer(signer);
    Usage.check(spec, "--endpoint", () -> client.endpoint(endpoint));
    return client.build();
  }

  /** {@code client.create(api, project)}, with a bad project name reported as a usage error. */
  <T> T api(SlsClient client, Class<T> api, CommandSpec spec) {
    return Usage.check(spec, "--project", () -> client.create(api, project));
  }
}
