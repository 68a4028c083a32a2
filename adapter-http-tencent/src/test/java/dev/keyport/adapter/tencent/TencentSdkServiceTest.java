package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.AlgorithmInfo;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GetServiceStatusRequest;
import com.tencentcloudapi.kms.v20190118.models.GetServiceStatusResponse;
import com.tencentcloudapi.kms.v20190118.models.ListAlgorithmsRequest;
import com.tencentcloudapi.kms.v20190118.models.ListAlgorithmsResponse;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GetServiceStatus and ListAlgorithms through the official Tencent Cloud Java SDK. */
class TencentSdkServiceTest {

    @RegisterExtension
    static final TencentSdkServer SDK = new TencentSdkServer();

    @Test
    void theServiceIsOnAndCountsTheCallersKeysInTheRegion() throws Exception {
        GetServiceStatusResponse empty = SDK.kms().GetServiceStatus(new GetServiceStatusRequest());
        assertThat(empty.getServiceEnabled()).isTrue();
        assertThat(empty.getInvalidType()).isEqualTo(1L);
        assertThat(empty.getUserLevel()).isZero();
        assertThat(empty.getExclusiveHSMEnabled()).isFalse();
        assertThat(empty.getExclusiveVSMEnabled()).isFalse();
        for (int i = 0; i < 3; i++) {
            CreateKeyRequest create = new CreateKeyRequest();
            create.setAlias("counted-" + UUID.randomUUID().toString().substring(0, 8));
            SDK.kms().CreateKey(create);
        }
        String body = SDK.server().signer().post("GetServiceStatus", "{}").body();
        assertThat(body).contains("\"CmkUserCount\":3").doesNotContain("CmkLimit");
        KmsClient otherRegion = SDK.server().client(TencentServer.SECRET_ID, TencentServer.SECRET_KEY, "ap-shanghai",
                new ClientProfile());
        assertThat(otherRegion.GetServiceStatus(new GetServiceStatusRequest()).getServiceEnabled()).isTrue();
        assertThat(new TestSigner(TencentServer.OTHER_SECRET_ID, TencentServer.OTHER_SECRET_KEY, SDK.server().port())
                .post("GetServiceStatus", "{}").body()).contains("\"CmkUserCount\":0");
    }

    @Test
    void theAlgorithmsAreKeyportsSymmetricOnes() throws Exception {
        ListAlgorithmsResponse algorithms = SDK.kms().ListAlgorithms(new ListAlgorithmsRequest());
        assertThat(Arrays.stream(algorithms.getSymmetricAlgorithms()).map(AlgorithmInfo::getAlgorithm))
                .containsExactly("AES_256", "AES_128");
        assertThat(algorithms.getSymmetricAlgorithms()).allSatisfy(a ->
                assertThat(a.getKeyUsage()).isEqualTo("ENCRYPT_DECRYPT"));
        assertThat(algorithms.getAsymmetricAlgorithms()).isEmpty();
        assertThat(algorithms.getAsymmetricSignVerifyAlgorithms()).isEmpty();
    }
}
