package dev.keyport.bench;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One vendor's API as the benchmark drives it: the requests of each operation, signed as the vendor's SDKs sign
 * them, and the fields the setup reads from the answers.
 */
interface KmsClient extends Target {

    /** The public key (base64 of X.509 DER) and import token of a GetParametersForImport answer. */
    record ImportParameters(String publicKey, String token) {
    }

    /** Signs {@code request} as of now. */
    Call sign(Request request);

    /** The vendor's name of {@code op}, for the report. */
    String label(Op op);

    Request describe(String keyId);

    Request encrypt(String keyId, byte[] plaintext);

    Request decrypt(String ciphertext);

    /** A 256-bit data key under {@code keyId}. */
    Request dataKey(String keyId);

    Request disable(String keyId);

    Request enable(String keyId);

    Request deleteMaterial(String keyId);

    Request importMaterial(String keyId, String token, String wrappedMaterial);

    Request create(String alias, boolean external);

    Request parameters(String keyId);

    Request list();

    String createdKeyId(JsonNode answer);

    String ciphertext(JsonNode answer);

    ImportParameters importParameters(JsonNode answer);
}
