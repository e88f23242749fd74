package dev.sls4j.cli;

import dev.sls4j.client.SlsClient;
import picocli.CommandLine;

/** {@code --version}: the SDK's User-Agent names its version and the Java it runs on. */
final class Versions implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {SlsClient.DEFAULT_USER_AGENT};
  }
}
