package dev.keyport.adapter.tencent;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every action of Tencent Cloud KMS API 3.0, version 2019-01-18: the 69 of the vendor's SDK client
 * (tencentcloud-sdk-go {@code kms/v20190118/client.go}), grouped as the vendor documents them. An action Keyport
 * serves is in {@link TencentActions#ALL}; any other name here answers {@code UnsupportedOperation} ("not implemented
 * by Keyport"); a name in neither is {@code InvalidAction}. Metrics and logs name an action only if it is here,
 * and "unknown" otherwise, so a client cannot make up label values.
 */
final class VendorActions {

    static final String UNKNOWN = "unknown";

    static final List<String> ALL = List.of(
            // key lifecycle
            "CreateKey", "DescribeKey", "DescribeKeys", "ListKeys", "ListKeyDetail", "EnableKey", "DisableKey",
            "EnableKeys", "DisableKeys", "ScheduleKeyDeletion", "CancelKeyDeletion", "ArchiveKey", "CancelKeyArchive",
            // BYOK
            "GetParametersForImport", "ImportKeyMaterial", "DeleteImportedKeyMaterial",
            // crypto
            "Encrypt", "Decrypt", "ReEncrypt", "GenerateRandom",
            // data keys
            "GenerateDataKey",
            // data-key management (keys hosted by KMS)
            "ImportDataKey", "DescribeDataKey", "DescribeDataKeys", "ListDataKeys", "ListDataKeyDetail",
            "GetDataKeyPlaintext", "GetDataKeyCiphertextBlob", "EnableDataKey", "EnableDataKeys", "DisableDataKey",
            "DisableDataKeys", "ScheduleDataKeyDeletion", "CancelDataKeyDeletion", "UpdateDataKeyName",
            "UpdateDataKeyDescription",
            // asymmetric keys and signatures
            "GetPublicKey", "AsymmetricRsaDecrypt", "AsymmetricSm2Decrypt", "SignByAsymmetricKey",
            "VerifyByAsymmetricKey",
            // post-quantum
            "PostQuantumCryptoEncrypt", "PostQuantumCryptoDecrypt", "PostQuantumCryptoSign",
            "PostQuantumCryptoVerify",
            // alias and description
            "UpdateAlias", "UpdateKeyDescription",
            // rotation
            "EnableKeyRotation", "DisableKeyRotation", "GetKeyRotationStatus", "RotateKey",
            // cloud-resource binding
            "BindCloudResource", "UnbindCloudResource",
            // service
            "GetServiceStatus", "GetRegions", "ListAlgorithms",
            // white-box keys
            "CreateWhiteBoxKey", "DeleteWhiteBoxKey", "DescribeWhiteBoxKey", "DescribeWhiteBoxKeyDetails",
            "DescribeWhiteBoxDecryptKey", "DescribeWhiteBoxServiceStatus", "DescribeWhiteBoxDeviceFingerprints",
            "OverwriteWhiteBoxDeviceFingerprints", "EnableWhiteBoxKey", "EnableWhiteBoxKeys", "DisableWhiteBoxKey",
            "DisableWhiteBoxKeys", "EncryptByWhiteBox");

    private static final Set<String> NAMES = Set.copyOf(new LinkedHashSet<>(ALL));

    private VendorActions() {
    }

    static boolean exists(String action) {
        return action != null && NAMES.contains(action);
    }

    /** The action's name when Tencent's API has it, else {@value #UNKNOWN}: a bounded set of values. */
    static String label(String action) {
        return exists(action) ? action : UNKNOWN;
    }

}
