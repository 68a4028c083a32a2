package dev.keyport.bootstrap;

import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import java.net.URI;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** The two official SDKs, pointed at a running server with the development credentials, and what tests ask of them. */
final class VendorClients {

    final com.tencentcloudapi.kms.v20190118.KmsClient tencent;
    final com.huaweicloud.sdk.kms.v2.KmsClient huawei;

    VendorClients(KeyportServer server) {
        this(server, "cn-north-4");
    }

    /** With the Tencent client in {@code tencentRegion}; the Huawei client is always in cn-north-4. */
    VendorClients(KeyportServer server, String tencentRegion) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(URI.create(server.tencentUrl()).getAuthority());
        http.setProtocol("http://");
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        tencent = new com.tencentcloudapi.kms.v20190118.KmsClient(new Credential(
                CredentialsFile.DEV_TENCENT_SECRET_ID, CredentialsFile.DEV_TENCENT_SECRET_KEY), tencentRegion, profile);
        huawei = com.huaweicloud.sdk.kms.v2.KmsClient.newBuilder()
                .withCredential(new BasicCredentials().withAk(CredentialsFile.DEV_HUAWEI_AK)
                        .withSk(CredentialsFile.DEV_HUAWEI_SK).withProjectId(CredentialsFile.DEV_PROJECT))
                .withEndpoints(List.of(server.huaweiUrl())).build();
    }

    static String wrapOaepSha256(String publicKeyBase64, byte[] material) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT));
        return Base64.getEncoder().encodeToString(cipher.doFinal(material));
    }

    // ----------------------------------------------------------------------------------------------- Tencent

    String tencentCreateExternal(String alias) throws TencentCloudSDKException {
        var create = new com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest();
        create.setAlias(alias);
        create.setType(2L);
        return tencent.CreateKey(create).getKeyId();
    }

    void tencentImport(String keyId, byte[] material) throws Exception {
        var get = new com.tencentcloudapi.kms.v20190118.models.GetParametersForImportRequest();
        get.setKeyId(keyId);
        get.setWrappingAlgorithm("RSAES_OAEP_SHA_256");
        get.setWrappingKeySpec("RSA_2048");
        var parameters = tencent.GetParametersForImport(get);
        var importing = new com.tencentcloudapi.kms.v20190118.models.ImportKeyMaterialRequest();
        importing.setKeyId(keyId);
        importing.setImportToken(parameters.getImportToken());
        importing.setEncryptedKeyMaterial(wrapOaepSha256(parameters.getPublicKey(), material));
        tencent.ImportKeyMaterial(importing);
    }

    String tencentEncrypt(String keyId, String text) throws TencentCloudSDKException {
        var encrypt = new com.tencentcloudapi.kms.v20190118.models.EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext(Base64.getEncoder().encodeToString(text.getBytes()));
        return tencent.Encrypt(encrypt).getCiphertextBlob();
    }

    String tencentDecrypt(String blob) throws TencentCloudSDKException {
        var decrypt = new com.tencentcloudapi.kms.v20190118.models.DecryptRequest();
        decrypt.setCiphertextBlob(blob);
        return new String(Base64.getDecoder().decode(tencent.Decrypt(decrypt).getPlaintext()));
    }

    void tencentDeleteMaterial(String keyId) throws TencentCloudSDKException {
        var delete = new com.tencentcloudapi.kms.v20190118.models.DeleteImportedKeyMaterialRequest();
        delete.setKeyId(keyId);
        tencent.DeleteImportedKeyMaterial(delete);
    }

    String tencentState(String keyId) throws TencentCloudSDKException {
        var describe = new com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest();
        describe.setKeyId(keyId);
        return tencent.DescribeKey(describe).getKeyMetadata().getKeyState();
    }

    /** GenerateDataKey of 32 bytes: the plaintext and the CiphertextBlob, both base64 as the SDK gives them. */
    String[] tencentGenerateDataKey(String keyId, String context) throws TencentCloudSDKException {
        var generate = new com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest();
        generate.setKeyId(keyId);
        generate.setKeySpec("AES_256");
        generate.setEncryptionContext(context);
        var made = tencent.GenerateDataKey(generate);
        return new String[] {made.getPlaintext(), made.getCiphertextBlob()};
    }

    /** Decrypt with a context; the plaintext base64, as the SDK gives it. */
    String tencentDecryptBase64(String blob, String context) throws TencentCloudSDKException {
        var decrypt = new com.tencentcloudapi.kms.v20190118.models.DecryptRequest();
        decrypt.setCiphertextBlob(blob);
        decrypt.setEncryptionContext(context);
        return tencent.Decrypt(decrypt).getPlaintext();
    }

    // ----------------------------------------------------------------------------------------------- Huawei

    String huaweiCreateExternal(String alias) {
        return huawei.createKey(new com.huaweicloud.sdk.kms.v2.model.CreateKeyRequest().withBody(
                new com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody().withKeyAlias(alias)
                        .withOrigin(com.huaweicloud.sdk.kms.v2.model.CreateKeyRequestBody.OriginEnum.EXTERNAL)))
                .getKeyInfo().getKeyId();
    }

    /** create-datakey of 256 bits with {@code aad}: the plaintext and the ciphertext, hex as Huawei gives them. */
    String[] huaweiCreateDatakey(String keyId, String aad) {
        var made = huawei.createDatakey(new com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequest().withBody(
                new com.huaweicloud.sdk.kms.v2.model.CreateDatakeyRequestBody().withKeyId(keyId)
                        .withDatakeyLength("256").withAdditionalAuthenticatedData(aad)));
        return new String[] {made.getPlainText(), made.getCipherText()};
    }

    /** decrypt-datakey of a 32-byte data key: its hex. */
    String huaweiDecryptDatakey(String keyId, String cipherText, String aad) {
        return huawei.decryptDatakey(new com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequest().withBody(
                new com.huaweicloud.sdk.kms.v2.model.DecryptDatakeyRequestBody().withKeyId(keyId)
                        .withCipherText(cipherText).withDatakeyCipherLength("32")
                        .withAdditionalAuthenticatedData(aad))).getDataKey();
    }

    void huaweiImport(String keyId, byte[] material) throws Exception {
        huaweiImport(keyId, material, null);
    }

    /** An import whose material expires at {@code expirationTime} (epoch seconds), or never (null). */
    void huaweiImport(String keyId, byte[] material, Long expirationTime) throws Exception {
        var parameters = huawei.createParametersForImport(
                new com.huaweicloud.sdk.kms.v2.model.CreateParametersForImportRequest().withBody(
                        new com.huaweicloud.sdk.kms.v2.model.GetParametersForImportRequestBody().withKeyId(keyId)
                                .withWrappingAlgorithm(com.huaweicloud.sdk.kms.v2.model
                                        .GetParametersForImportRequestBody.WrappingAlgorithmEnum.RSAES_OAEP_SHA_256)));
        huawei.importKeyMaterial(new com.huaweicloud.sdk.kms.v2.model.ImportKeyMaterialRequest().withBody(
                new com.huaweicloud.sdk.kms.v2.model.ImportKeyMaterialRequestBody().withKeyId(keyId)
                        .withImportToken(parameters.getImportToken())
                        .withEncryptedKeyMaterial(wrapOaepSha256(parameters.getPublicKey(), material))
                        .withExpirationTime(expirationTime)));
    }

    String huaweiEncrypt(String keyId, String text) {
        return huawei.encryptData(new com.huaweicloud.sdk.kms.v2.model.EncryptDataRequest().withBody(
                new com.huaweicloud.sdk.kms.v2.model.EncryptDataRequestBody().withKeyId(keyId).withPlainText(text)))
                .getCipherText();
    }

    String huaweiDecrypt(String cipherText) {
        return huawei.decryptData(new com.huaweicloud.sdk.kms.v2.model.DecryptDataRequest().withBody(
                new com.huaweicloud.sdk.kms.v2.model.DecryptDataRequestBody().withCipherText(cipherText)))
                .getPlainText();
    }

    void huaweiDeleteMaterial(String keyId) {
        huawei.deleteImportedKeyMaterial(new com.huaweicloud.sdk.kms.v2.model.DeleteImportedKeyMaterialRequest()
                .withBody(new com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody().withKeyId(keyId)));
    }

    String huaweiState(String keyId) {
        return huawei.listKeyDetail(new com.huaweicloud.sdk.kms.v2.model.ListKeyDetailRequest().withBody(
                new com.huaweicloud.sdk.kms.v2.model.OperateKeyRequestBody().withKeyId(keyId))).getKeyInfo()
                .getKeyState();
    }
}
