package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The response fields of each action, named and typed as the SDK's Gson models expect; RequestId is added last. */
final class Responses {

    private Responses() {
    }

    /** For actions whose response is only the RequestId. */
    record Empty() {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateKey(String keyId, String alias, long createTime, String description, String keyState,
                     String keyUsage, long tagCode, String tagMsg) {
    }

    /** KeyMetadata, as DescribeKey, DescribeKeys and ListKeyDetail return it. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonPropertyOrder({"KeyId", "Alias", "CreateTime", "Description", "KeyState", "KeyUsage", "Type", "CreatorUin",
            "KeyRotationEnabled", "Owner", "NextRotateTime", "DeletionDate", "Origin", "ValidTo", "ResourceId"})
    record KeyMetadata(String keyId, String alias, long createTime, String description, String keyState,
                       String keyUsage, long type, long creatorUin, boolean keyRotationEnabled, String owner,
                       long nextRotateTime, long deletionDate, String origin, long validTo, String resourceId) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record DescribeKey(KeyMetadata keyMetadata) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record DescribeKeys(List<KeyMetadata> keyMetadatas) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Key(String keyId) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ListKeys(List<Key> keys, long totalCount) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ListKeyDetail(long totalCount, List<KeyMetadata> keyMetadatas) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record GetParametersForImport(String keyId, String importToken, String publicKey, long parametersValidTo) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ScheduleKeyDeletion(long deletionDate, String keyId) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record CancelKeyDeletion(String keyId) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Encrypt(String ciphertextBlob, String keyId) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Decrypt(String keyId, String plaintext) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record GenerateDataKey(String keyId, String plaintext, String ciphertextBlob) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record GenerateRandom(String plaintext) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ReEncrypt(String ciphertextBlob, String keyId, String sourceKeyId, boolean reEncrypted) {
    }

    /**
     * GetServiceStatus: the service is on and normal (InvalidType 1), the basic edition, no dedicated HSM or VSM, no
     * hosted data keys; CmkUserCount the caller's keys in the region. CmkLimit is left out: Keyport has no limit.
     */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record GetServiceStatus(boolean serviceEnabled, long invalidType, long userLevel, long proRenewFlag,
                            String proResourceId, boolean exclusiveVSMEnabled, boolean exclusiveHSMEnabled,
                            String subscriptionInfo, long cmkUserCount, boolean isAllowedDataKeyHosted) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record AlgorithmInfo(String keyUsage, String algorithm) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ListAlgorithms(List<AlgorithmInfo> symmetricAlgorithms, List<AlgorithmInfo> asymmetricAlgorithms,
                          List<AlgorithmInfo> asymmetricSignVerifyAlgorithms) {
    }
}
