package dev.keyport.adapter.huawei;

import com.huaweicloud.sdk.kms.v2.KmsClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link HuaweiServer} for one test class, with the official SDK's client pointed at it: started before the
 * class's tests, closed after them. Register it as {@code @RegisterExtension static final HuaweiSdkServer SDK}.
 */
final class HuaweiSdkServer implements BeforeAllCallback, AfterAllCallback {

    private HuaweiServer server;
    private KmsClient kms;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = new HuaweiServer();
        kms = server.client();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    HuaweiServer server() {
        return server;
    }

    /** The SDK's client with the test access key and project. */
    KmsClient kms() {
        return kms;
    }
}
