package dev.keyport.adapter.tencent;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link TencentServer} for one test class, with the official SDK's client pointed at it: started before the
 * class's tests, closed after them. Register it as {@code @RegisterExtension static final TencentSdkServer SDK}.
 */
final class TencentSdkServer implements BeforeAllCallback, AfterAllCallback {

    private TencentServer server;
    private KmsClient kms;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = new TencentServer();
        kms = server.client();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    TencentServer server() {
        return server;
    }

    /** The SDK's client with the test credential, in ap-guangzhou. */
    KmsClient kms() {
        return kms;
    }
}
