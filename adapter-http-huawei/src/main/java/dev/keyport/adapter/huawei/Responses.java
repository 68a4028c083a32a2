package dev.keyport.adapter.huawei;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The response bodies, typed exactly as the SDK's strict deserializer demands: describe-key's fields are all strings
 * (times in milliseconds), get-parameters-for-import's expiration_time a number of seconds, list-keys' truncated a
 * string and total a number.
 */
final class Responses {

    private Responses() {
    }

    /** import-key-material and delete-imported-key-material: no defined body. */
    record Empty() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KekInfo(String keyId, String domainId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CreateKey(KekInfo keyInfo) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonPropertyOrder({"key_id", "domain_id", "key_alias", "realm", "key_spec", "key_usage", "key_description",
            "creation_date", "scheduled_deletion_date", "key_state", "default_key_flag", "key_type",
            "expiration_time", "origin", "key_rotation_enabled", "sys_enterprise_project_id", "keystore_id"})
    record KeyDetails(String keyId, String domainId, String keyAlias, String realm, String keySpec, String keyUsage,
                      String keyDescription, String creationDate, String scheduledDeletionDate, String keyState,
                      String defaultKeyFlag, String keyType, String expirationTime, String origin,
                      String keyRotationEnabled, String sysEnterpriseProjectId, String keystoreId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DescribeKey(KeyDetails keyInfo) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ListKeys(List<String> keys, List<KeyDetails> keyDetails, String nextMarker, String truncated, long total) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ParametersForImport(String keyId, String importToken, long expirationTime, String publicKey) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyStatus(String keyId, String keyState) {
    }

    /** enable-key and disable-key wrap their result; schedule and cancel deletion do not. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record WrappedKeyStatus(KeyStatus keyInfo) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EncryptData(String keyId, String cipherText) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DecryptData(String keyId, String plainText, String plainTextBase64) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyAlias(String keyId, String keyAlias) {
    }

    /** update-key-alias: the key's id and new alias in key_info. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateKeyAlias(KeyAlias keyInfo) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record KeyDescription(String keyId, String keyDescription) {
    }

    /** update-key-description: the key's id and new description in key_info. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UpdateKeyDescription(KeyDescription keyInfo) {
    }

    /** create-datakey (cipher_text alone: create-datakey-without-plaintext, with plain_text null and left out). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreateDatakey(String keyId, String plainText, String cipherText) {
    }

    /** encrypt-datakey: datakey_length is the data key's bytes, a string. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record EncryptDatakey(String keyId, String cipherText, String datakeyLength) {
    }

    /** decrypt-datakey: the data key, its bytes (a string) and its SHA-256 digest, in hex. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record DecryptDatakey(String dataKey, String datakeyLength, String datakeyDgst) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GenRandom(String randomData) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ReEncrypt(String keyId, String sourceKeyId, String sourceEncryptionAlgorithm,
                     String destinationEncryptionAlgorithm, String cipherText) {
    }
}
