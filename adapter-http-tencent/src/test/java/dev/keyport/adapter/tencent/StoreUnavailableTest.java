package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.assertCode;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.createExternalKey;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import dev.keyport.domain.Region;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store that cannot be reached (the application's StoreUnavailableException) is Tencent's transient error, logged
 * as one WARN line without a stack trace, never an InternalError (issue 10, point 4).
 */
class StoreUnavailableTest {

    private static final FaultyRepository keys = new FaultyRepository();
    private static TencentServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() throws Exception {
        server = new TencentServer(keys, TencentApiConfig.defaults(Region.of("ap-guangzhou")));
        kms = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnreachableStoreIsServiceTemporaryUnavailableWithOneWarnLine() throws Exception {
        String keyId = createExternalKey(kms, "u-" + java.util.UUID.randomUUID().toString().substring(0, 8));
        DescribeKeyRequest describe = new DescribeKeyRequest();
        describe.setKeyId(keyId);
        try (LogCapture log = new LogCapture()) {
            keys.fault = FaultyRepository.Fault.UNREACHABLE;
            try {
                assertCode(() -> kms.DescribeKey(describe), "UnsupportedOperation.ServiceTemporaryUnavailable");
            } finally {
                keys.fault = FaultyRepository.Fault.NONE;
            }
            List<ILoggingEvent> warnings = log.atLeast(Level.WARN);
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getLevel()).isEqualTo(Level.WARN);
            assertThat(warnings.get(0).getThrowableProxy()).as("no stack trace").isNull();
            assertThat(warnings.get(0).getFormattedMessage()).contains("ServiceTemporaryUnavailable")
                    .contains("no connection within 2000 ms to db.internal:5432").doesNotContain("\n");
        }
        assertThat(kms.DescribeKey(describe).getKeyMetadata().getKeyId()).as("and it recovers").isEqualTo(keyId);
    }
}
