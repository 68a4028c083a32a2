package dev.keyport.bench;

import java.util.Base64;

/**
 * The requests that Tencent's API and local-kms (AWS's) spell alike: the same action names and the same PascalCase
 * fields for describe, encrypt, GenerateDataKey, decrypt, disable, enable and delete-material.
 */
interface PascalCaseRequests extends KmsClient {

    @Override
    default Request describe(String keyId) {
        return new Request("DescribeKey", Json.object("KeyId", keyId));
    }

    @Override
    default Request encrypt(String keyId, byte[] plaintext) {
        return new Request("Encrypt", Json.object("KeyId", keyId, "Plaintext",
                Base64.getEncoder().encodeToString(plaintext)));
    }

    /** GenerateDataKey, spelt alike by Tencent and AWS: KeyId and KeySpec AES_256. */
    @Override
    default Request dataKey(String keyId) {
        return new Request("GenerateDataKey", Json.object("KeyId", keyId, "KeySpec", "AES_256"));
    }

    @Override
    default Request decrypt(String ciphertext) {
        return new Request("Decrypt", Json.object("CiphertextBlob", ciphertext));
    }

    @Override
    default Request disable(String keyId) {
        return new Request("DisableKey", Json.object("KeyId", keyId));
    }

    @Override
    default Request enable(String keyId) {
        return new Request("EnableKey", Json.object("KeyId", keyId));
    }

    @Override
    default Request deleteMaterial(String keyId) {
        return new Request("DeleteImportedKeyMaterial", Json.object("KeyId", keyId));
    }
}
