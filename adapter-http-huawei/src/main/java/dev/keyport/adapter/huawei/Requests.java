package dev.keyport.adapter.huawei;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The request bodies of each operation, named as on the wire (snake_case). Numbers may arrive as strings. */
final class Requests {

    private Requests() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CreateKey(String keyAlias, String keySpec, String keyUsage, String keyDescription, String origin,
                     String enterpriseProjectId, String sequence, String keystoreId) {
    }

    /** describe-key, delete-imported-key-material, enable-key, disable-key, cancel-key-deletion. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OperateKey(String keyId, String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ListKeys(String limit, String marker, String keyState, String keySpec, String enterpriseProjectId,
                    String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GetParametersForImport(String keyId, String wrappingAlgorithm, String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ImportKeyMaterial(String keyId, String importToken, String encryptedKeyMaterial,
                             String encryptedPrivatekey, Long expirationTime, String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ScheduleKeyDeletion(String keyId, String pendingDays, String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EncryptData(String keyId, String plainText, String encryptionAlgorithm,
                       String additionalAuthenticatedData, JsonNode encryptionContext, String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DecryptData(String cipherText, String encryptionAlgorithm, String keyId,
                       String additionalAuthenticatedData, JsonNode encryptionContext, String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateKeyAlias(String keyId, String keyAlias, String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateKeyDescription(String keyId, String keyDescription, String sequence) {
    }

    /** create-datakey and create-datakey-without-plaintext. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CreateDatakey(String keyId, String keySpec, String datakeyLength, String additionalAuthenticatedData,
                         String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EncryptDatakey(String keyId, String plainText, String datakeyPlainLength,
                          String additionalAuthenticatedData, String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DecryptDatakey(String keyId, String cipherText, String datakeyCipherLength,
                          String additionalAuthenticatedData, String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GenRandom(String randomDataLength, String sequence) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReEncrypt(String sourceKeyId, String sourceAdditionalAuthenticatedData, String sourceEncryptionAlgorithm,
                     String destinationKeyId, String destinationAdditionalAuthenticatedData,
                     String destinationEncryptionAlgorithm, String datakeyCipherLength, String cipherText,
                     String sequence) {
    }
}
