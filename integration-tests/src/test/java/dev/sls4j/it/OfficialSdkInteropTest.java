package dev.sls4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyun.openservices.log.Client;
import com.aliyun.openservices.log.common.ConsumerGroup;
import com.aliyun.openservices.log.common.ConsumerGroupShardCheckPoint;
import com.aliyun.openservices.log.exception.LogException;
import com.aliyun.openservices.log.http.client.ClientConfiguration;
import com.aliyun.openservices.log.http.signer.SignVersion;
import dev.sls4j.emulator.SlsEmulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The official Java SDK, configured for the real service and pointed at the emulator only through its proxy setting,
 * runs all seven operations and cannot tell the difference.
 */
class OfficialSdkInteropTest {
  private static final String PROJECT = "ali-test-project";
  private static final String LOGSTORE = "ali-test-logstore";
  private static final String GROUP = "consumer_group_test";

  private SlsEmulator emulator;

  @BeforeEach
  void setUp() throws Exception {
    emulator = SlsEmulator.builder().port(0).start();
  }

  @AfterEach
  void tearDown() {
    emulator.close();
  }

  private Client officialClient(SignVersion version, String accessKeySecret) {
    ClientConfiguration configuration = new ClientConfiguration();
    configuration.setProxyHost("127.0.0.1");
    configuration.setProxyPort(emulator.port());
    configuration.setMaxErrorRetry(0);
    configuration.setSignatureVersion(version);
    configuration.setRegion("cn-hangzhou");
    return new Client("http://cn-hangzhou.log.aliyuncs.com", emulator.credentials().accessKeyId(),
        accessKeySecret, configuration);
  }

  @ParameterizedTest
  @EnumSource(SignVersion.class)
  void allSevenOperations(SignVersion version) throws Exception {
    Client client = officialClient(version, emulator.credentials().accessKeySecret());

    client.CreateConsumerGroup(PROJECT, LOGSTORE, new ConsumerGroup(GROUP, 30, false));
    List<ConsumerGroup> groups = client.ListConsumerGroup(PROJECT, LOGSTORE).GetConsumerGroups();
    assertEquals(1, groups.size());
    assertEquals(GROUP, groups.get(0).getConsumerGroupName());
    assertEquals(30, groups.get(0).getTimeout());

    List<Integer> assigned = client.HeartBeat(PROJECT, LOGSTORE, GROUP, "consumer 1/ü", new ArrayList<>())
        .getShards();
    assertEquals(List.of(0, 1), assigned);
    client.UpdateCheckPoint(PROJECT, LOGSTORE, GROUP, "consumer 1/ü", 1, "MTUyNDE1NTM3OTM3MzkwODQ5Ng==");
    List<ConsumerGroupShardCheckPoint> checkpoints =
        client.GetCheckPoint(PROJECT, LOGSTORE, GROUP, 1).getCheckPoints();
    assertEquals(1, checkpoints.size());
    assertEquals("MTUyNDE1NTM3OTM3MzkwODQ5Ng==", checkpoints.get(0).getCheckPoint());
    assertEquals("consumer 1/ü", checkpoints.get(0).getConsumer());

    client.UpdateConsumerGroup(PROJECT, LOGSTORE, GROUP, true, 60);
    assertEquals(60, client.ListConsumerGroup(PROJECT, LOGSTORE).GetConsumerGroups().get(0).getTimeout());

    LogException duplicate = assertThrows(LogException.class,
        () -> client.CreateConsumerGroup(PROJECT, LOGSTORE, new ConsumerGroup(GROUP, 30, false)));
    assertEquals("ConsumerGroupAlreadyExist", duplicate.getErrorCode());
    assertEquals(400, duplicate.getHttpCode());
    assertEquals(24, duplicate.getRequestId().length());

    client.DeleteConsumerGroup(PROJECT, LOGSTORE, GROUP);
    assertEquals(0, client.ListConsumerGroup(PROJECT, LOGSTORE).GetConsumerGroups().size());
  }

  @ParameterizedTest
  @EnumSource(SignVersion.class)
  void aWrongSecretIsRefusedAsTheServiceWould(SignVersion version) {
    Client client = officialClient(version, "not-the-secret");

    LogException e = assertThrows(LogException.class, () -> client.ListConsumerGroup(PROJECT, LOGSTORE));
    assertEquals("SignatureNotMatch", e.getErrorCode());
    assertEquals(401, e.getHttpCode());
  }
}
