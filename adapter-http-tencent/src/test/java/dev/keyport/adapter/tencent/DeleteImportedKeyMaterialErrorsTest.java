package dev.keyport.adapter.tencent;

import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.assertCode;
import static dev.keyport.adapter.tencent.TencentSdkLifecycleTest.createExternalKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.BindCloudResourceRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DeleteImportedKeyMaterialRequest;
import dev.keyport.domain.Region;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every error Tencent documents for DeleteImportedKeyMaterial, produced through the official SDK. */
class DeleteImportedKeyMaterialErrorsTest {

    private static final FaultyRepository keys = new FaultyRepository();
    private static TencentServer server;
    private static KmsClient kms;

    @BeforeAll
    static void start() throws Exception {
        server = new TencentServer(keys, TencentApiConfig.defaults(Region.of("ap-guangzhou")));
        kms = server.client();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static DeleteImportedKeyMaterialRequest delete(String keyId) {
        DeleteImportedKeyMaterialRequest request = new DeleteImportedKeyMaterialRequest();
        request.setKeyId(keyId);
        return request;
    }

    private static String alias() {
        return "k-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String enabledExternalKey() throws Exception {
        return TencentSdkLifecycleTest.enabledExternalKey(kms, alias());
    }

    @Test
    void aKeyBoundToACloudResourceIsInUse() throws Exception {
        String keyId = enabledExternalKey();
        BindCloudResourceRequest bind = new BindCloudResourceRequest();
        bind.setKeyId(keyId);
        bind.setProductId("ssm");
        bind.setResourceId("secret-1");
        kms.BindCloudResource(bind);
        assertCode(() -> kms.DeleteImportedKeyMaterial(delete(keyId)), "FailedOperation.CmkUsedByCloudProduct");
    }

    @Test
    void aParameterOfTheWrongTypeIsInvalid() throws Exception {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + server.port());
        http.setProtocol("http://");
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        CommonClient common = new CommonClient("kms", "2019-01-18",
                new Credential(TencentServer.SECRET_ID, TencentServer.SECRET_KEY), "ap-guangzhou", profile);
        assertCode(() -> common.call("DeleteImportedKeyMaterial", "{\"KeyId\":{\"nested\":1}}"), "InvalidParameter");
        assertCode(() -> common.call("DeleteImportedKeyMaterial", "{}"), "MissingParameter");
        assertCode(() -> common.call("DeleteImportedKeyMaterial",
                "{\"KeyId\":\"" + UUID.randomUUID() + "\",\"Force\":true}"), "UnknownParameter");
    }

    @Test
    void aMalformedKeyIdIsInvalid() {
        assertCode(() -> kms.DeleteImportedKeyMaterial(delete("not-a-key-id")), "InvalidParameterValue.InvalidKeyId");
        assertCode(() -> kms.DeleteImportedKeyMaterial(delete("23E80852-1E38-11E9-B129-5CB9019B4B01")),
                "InvalidParameterValue.InvalidKeyId");
    }

    @Test
    void anUnknownKeyOrAKeyOfAnotherTenantOrRegionIsNotFound() throws Exception {
        assertCode(() -> kms.DeleteImportedKeyMaterial(delete(UUID.randomUUID().toString())),
                "ResourceUnavailable.CmkNotFound");
        String keyId = enabledExternalKey();
        KmsClient otherTenant = server.client(TencentServer.OTHER_SECRET_ID, TencentServer.OTHER_SECRET_KEY,
                "ap-guangzhou", new ClientProfile());
        assertCode(() -> otherTenant.DeleteImportedKeyMaterial(delete(keyId)), "ResourceUnavailable.CmkNotFound");
        KmsClient otherRegion = server.client(TencentServer.SECRET_ID, TencentServer.SECRET_KEY, "ap-shanghai",
                new ClientProfile());
        assertCode(() -> otherRegion.DeleteImportedKeyMaterial(delete(keyId)), "ResourceUnavailable.CmkNotFound");
        kms.DeleteImportedKeyMaterial(delete(keyId));
    }

    @Test
    void aKeyPendingImportHasNoMaterialToDelete() throws Exception {
        String keyId = createExternalKey(kms, alias());
        assertCode(() -> kms.DeleteImportedKeyMaterial(delete(keyId)), "ResourceUnavailable.CmkStateNotSupport");
        String deleted = enabledExternalKey();
        kms.DeleteImportedKeyMaterial(delete(deleted));
        assertCode(() -> kms.DeleteImportedKeyMaterial(delete(deleted)), "ResourceUnavailable.CmkStateNotSupport");
    }

    @Test
    void aKeyWithTencentKmsMaterialIsNotExternal() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(alias());
        String keyId = kms.CreateKey(create).getKeyId();
        assertCode(() -> kms.DeleteImportedKeyMaterial(delete(keyId)), "UnsupportedOperation.NotExternalCmk");
    }

    @Test
    void aFaultInsideKeyportIsAnInternalErrorWithoutAStackTrace() throws Exception {
        String keyId = enabledExternalKey();
        keys.fault = FaultyRepository.Fault.BROKEN;
        try {
            assertThatThrownBy(() -> kms.DeleteImportedKeyMaterial(delete(keyId)))
                    .isInstanceOfSatisfying(TencentCloudSDKException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo("InternalError");
                        assertThat(e.getMessage()).doesNotContain("disk").doesNotContain("Exception")
                                .doesNotContain("at dev.keyport");
                    });
        } finally {
            keys.fault = FaultyRepository.Fault.NONE;
        }
    }

    @Test
    void aChangeThatKeepsLosingRacesIsTemporarilyUnavailable() throws Exception {
        String keyId = enabledExternalKey();
        keys.fault = FaultyRepository.Fault.ALWAYS_RACING;
        try {
            assertCode(() -> kms.DeleteImportedKeyMaterial(delete(keyId)),
                    "UnsupportedOperation.ServiceTemporaryUnavailable");
        } finally {
            keys.fault = FaultyRepository.Fault.NONE;
        }
        kms.DeleteImportedKeyMaterial(delete(keyId));
    }
}
