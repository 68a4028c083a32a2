package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The request parameters of each action, named as on the wire (PascalCase). Numbers may arrive as strings. */
final class Requests {

    private Requests() {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record CreateKey(String alias, String description, String keyUsage, Long type, List<Tag> tags,
                     String hsmClusterId) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Tag(String tagKey, String tagValue) {
    }

    /** DescribeKey, EnableKey, DisableKey, DeleteImportedKeyMaterial, CancelKeyDeletion. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record KeyIdOnly(String keyId, JsonNode memberAccount) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record DescribeKeys(List<String> keyIds, JsonNode memberAccount) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ListKeys(Long offset, Long limit, Long role, String hsmClusterId) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ListKeyDetail(Long offset, Long limit, Long role, Long orderType, Long keyState, String searchKeyAlias,
                         String origin, String keyUsage, List<JsonNode> tagFilters, String hsmClusterId,
                         JsonNode memberAccounts) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record GetParametersForImport(String keyId, String wrappingAlgorithm, String wrappingKeySpec) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ImportKeyMaterial(String encryptedKeyMaterial, String importToken, String keyId, Long validTo) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ScheduleKeyDeletion(String keyId, Long pendingWindowInDays, JsonNode memberAccount) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Encrypt(String keyId, String plaintext, String encryptionContext) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Decrypt(String ciphertextBlob, String encryptionContext, String encryptionPublicKey,
                   String encryptionAlgorithm) {
    }

    /** The hosting parameters (IsHostedByKms, DataKeyName, Description, Tags) are read to refuse hosting only. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record GenerateDataKey(String keyId, String keySpec, Long numberOfBytes, String encryptionContext,
                           String encryptionPublicKey, String encryptionAlgorithm, Long isHostedByKms,
                           String dataKeyName, String description, String hsmClusterId, List<JsonNode> tags) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record GenerateRandom(Long numberOfBytes) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record ReEncrypt(String ciphertextBlob, String destinationKeyId, String sourceEncryptionContext,
                     String destinationEncryptionContext) {
    }

    /** EnableKeys, DisableKeys. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record KeyIds(List<String> keyIds) {
    }

    /** GetServiceStatus, ListAlgorithms: no parameters of their own. */
    record NoParameters() {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record UpdateAlias(String keyId, String alias) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record UpdateKeyDescription(String keyId, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record CloudResource(String keyId, String productId, String resourceId) {
    }
}
