package dev.keyport.adapter.huawei;

import static dev.keyport.adapter.huawei.HuaweiParams.keyId;
import static dev.keyport.adapter.huawei.HuaweiParams.required;
import static dev.keyport.adapter.huawei.HuaweiParams.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CancelKeyDeletionCommand;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.EncryptDataKeyCommand;
import dev.keyport.application.port.in.EncryptResult;
import dev.keyport.application.port.in.GenerateDataKeyCommand;
import dev.keyport.application.port.in.GenerateDataKeyResult;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.ListKeysCommand;
import dev.keyport.application.port.in.ReEncryptCommand;
import dev.keyport.application.port.in.ReEncryptResult;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.in.UpdateAliasCommand;
import dev.keyport.application.port.in.UpdateDescriptionCommand;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Ciphertext;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportToken;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The operations Keyport serves under {@code /v1.0/{project_id}/kms/}, one row each: its name, its request record, its
 * handler. A handler parses its request ({@link HuaweiParams}), calls one use case, and shapes the result
 * ({@link HuaweiViews}); refusals are rows of {@link HuaweiErrors}.
 */
final class HuaweiActions {

    /** What an action needs besides its body: the use cases, who asks, and the credential it was signed with. */
    record Context(Keyport keyport, Caller caller, HuaweiCredential credential) {

        LifecyclePolicy policy() {
            return caller.policy();
        }
    }

    /** One action: its name (the path's last segment), its body record, and its handler. */
    record Action<R>(String name, Class<R> requestType, BiFunction<R, Context, Object> handler) {

        Object run(ObjectMapper json, JsonNode body, Context context) {
            return handler.apply(Json.read(json, body, requestType), context);
        }
    }

    static final Map<String, Action<?>> ALL = Stream.of(
                    new Action<>("create-key", Requests.CreateKey.class, HuaweiActions::createKey),
                    new Action<>("describe-key", Requests.OperateKey.class, HuaweiActions::describeKey),
                    new Action<>("list-keys", Requests.ListKeys.class, HuaweiActions::listKeys),
                    new Action<>("get-parameters-for-import", Requests.GetParametersForImport.class,
                            HuaweiActions::getParametersForImport),
                    new Action<>("import-key-material", Requests.ImportKeyMaterial.class,
                            HuaweiActions::importKeyMaterial),
                    new Action<>("delete-imported-key-material", Requests.OperateKey.class,
                            HuaweiActions::deleteImportedKeyMaterial),
                    new Action<>("enable-key", Requests.OperateKey.class, HuaweiActions::enableKey),
                    new Action<>("disable-key", Requests.OperateKey.class, HuaweiActions::disableKey),
                    new Action<>("schedule-key-deletion", Requests.ScheduleKeyDeletion.class,
                            HuaweiActions::scheduleKeyDeletion),
                    new Action<>("cancel-key-deletion", Requests.OperateKey.class, HuaweiActions::cancelKeyDeletion),
                    new Action<>("encrypt-data", Requests.EncryptData.class, HuaweiActions::encryptData),
                    new Action<>("decrypt-data", Requests.DecryptData.class, HuaweiActions::decryptData),
                    new Action<>("update-key-alias", Requests.UpdateKeyAlias.class, HuaweiActions::updateKeyAlias),
                    new Action<>("update-key-description", Requests.UpdateKeyDescription.class,
                            HuaweiActions::updateKeyDescription),
                    new Action<>("create-datakey", Requests.CreateDatakey.class, HuaweiActions::createDatakey),
                    new Action<>("create-datakey-without-plaintext", Requests.CreateDatakey.class,
                            HuaweiActions::createDatakeyWithoutPlaintext),
                    new Action<>("encrypt-datakey", Requests.EncryptDatakey.class, HuaweiActions::encryptDatakey),
                    new Action<>("decrypt-datakey", Requests.DecryptDatakey.class, HuaweiActions::decryptDatakey),
                    new Action<>("gen-random", Requests.GenRandom.class, HuaweiActions::genRandom),
                    new Action<>("re-encrypt", Requests.ReEncrypt.class, HuaweiActions::reEncrypt))
            .collect(Collectors.toUnmodifiableMap(Action::name, a -> a));

    private static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";

    private HuaweiActions() {
    }

    private static Object createKey(Requests.CreateKey r, Context c) {
        sequence(r.sequence());
        Alias alias = Alias.of(required(r.keyAlias(), "key_alias"));
        String description = HuaweiParams.description(r.keyDescription(), c.policy());
        Origin origin = HuaweiParams.origin(r.origin());
        HuaweiParams.aes256(r.keySpec());
        HuaweiParams.encryptDecrypt(r.keyUsage());
        HuaweiParams.defaultKeystore(r.keystoreId());
        return HuaweiViews.created(c.keyport().createKey(new CreateKeyCommand(c.caller(), alias,
                Description.of(description), KeyUsage.ENCRYPT_DECRYPT, origin)), c.credential());
    }

    private static Object describeKey(Requests.OperateKey r, Context c) {
        sequence(r.sequence());
        return new Responses.DescribeKey(HuaweiViews.details(
                c.keyport().describeKey(new DescribeKeyCommand(c.caller(), keyId(r.keyId()))), c.credential()));
    }

    private static Object listKeys(Requests.ListKeys r, Context c) {
        sequence(r.sequence());
        int limit = HuaweiParams.limit(r.limit());
        long marker = HuaweiParams.marker(r.marker());
        Set<KeyState> states = HuaweiParams.keyStates(r.keyState());
        if (states.isEmpty() || !HuaweiParams.listsAes256(r.keySpec())) {
            return HuaweiViews.NO_KEYS;
        }
        return HuaweiViews.page(c.keyport().listKeys(new ListKeysCommand(c.caller(), states, Optional.empty(),
                Optional.empty(), Optional.empty(), false, marker, limit)), marker, c.credential());
    }

    private static Object getParametersForImport(Requests.GetParametersForImport r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        return HuaweiViews.parameters(id, c.keyport().getParametersForImport(new GetParametersForImportCommand(
                c.caller(), id, HuaweiParams.wrappingAlgorithm(r.wrappingAlgorithm()),
                HuaweiParams.wrappingKeySpec(c.policy()))));
    }

    private static Object importKeyMaterial(Requests.ImportKeyMaterial r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        String token = HuaweiParams.importToken(r.importToken());
        byte[] wrapped = HuaweiParams.wrappedMaterial(r.encryptedKeyMaterial(), r.encryptedPrivatekey());
        c.keyport().importKeyMaterial(new ImportKeyMaterialCommand(c.caller(), id, ImportToken.of(token), wrapped,
                Optional.ofNullable(r.expirationTime()).map(HuaweiParams::expiry)));
        return new Responses.Empty();
    }

    private static Object deleteImportedKeyMaterial(Requests.OperateKey r, Context c) {
        sequence(r.sequence());
        c.keyport().deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(c.caller(), keyId(r.keyId())));
        return new Responses.Empty();
    }

    private static Object enableKey(Requests.OperateKey r, Context c) {
        sequence(r.sequence());
        return new Responses.WrappedKeyStatus(HuaweiViews.status(
                c.keyport().enableKey(new EnableKeyCommand(c.caller(), keyId(r.keyId())))));
    }

    private static Object disableKey(Requests.OperateKey r, Context c) {
        sequence(r.sequence());
        return new Responses.WrappedKeyStatus(HuaweiViews.status(
                c.keyport().disableKey(new DisableKeyCommand(c.caller(), keyId(r.keyId())))));
    }

    private static Object scheduleKeyDeletion(Requests.ScheduleKeyDeletion r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        int days = HuaweiParams.pendingDays(r.pendingDays(), c.policy());
        return HuaweiViews.status(c.keyport().scheduleKeyDeletion(new ScheduleKeyDeletionCommand(c.caller(), id,
                days)));
    }

    private static Object cancelKeyDeletion(Requests.OperateKey r, Context c) {
        sequence(r.sequence());
        return HuaweiViews.status(c.keyport().cancelKeyDeletion(new CancelKeyDeletionCommand(c.caller(),
                keyId(r.keyId()))));
    }

    private static Object encryptData(Requests.EncryptData r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        byte[] plaintext = HuaweiParams.plaintext(r.plainText());
        HuaweiParams.symmetricDefault(r.encryptionAlgorithm());
        byte[] context = HuaweiParams.context(r.additionalAuthenticatedData(), r.encryptionContext());
        return HuaweiViews.encrypted(id, c.keyport().encrypt(new EncryptCommand(c.caller(), id, plaintext, context))
                .ciphertext());
    }

    private static Object decryptData(Requests.DecryptData r, Context c) {
        sequence(r.sequence());
        byte[] blob = HuaweiParams.cipherText(r.cipherText(), r.keyId());
        if (Ciphertext.kindOf(blob) != Ciphertext.Kind.DATA) {
            throw HuaweiErrors.INVALID_CIPHERTEXT.exception("a data key's ciphertext opens with decrypt-datakey");
        }
        HuaweiParams.symmetricDefault(r.encryptionAlgorithm());
        byte[] context = HuaweiParams.context(r.additionalAuthenticatedData(), r.encryptionContext());
        return HuaweiViews.decrypted(c.keyport().decrypt(new DecryptCommand(c.caller(), blob, context)));
    }

    private static Object updateKeyAlias(Requests.UpdateKeyAlias r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        var key = c.keyport().updateAlias(new UpdateAliasCommand(c.caller(), id,
                Alias.of(required(r.keyAlias(), "key_alias"))));
        return new Responses.UpdateKeyAlias(new Responses.KeyAlias(key.id().value(), key.alias().value()));
    }

    private static Object updateKeyDescription(Requests.UpdateKeyDescription r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        String description = HuaweiParams.description(required(r.keyDescription(), "key_description"), c.policy());
        var key = c.keyport().updateDescription(new UpdateDescriptionCommand(c.caller(), id,
                Description.of(description)));
        return new Responses.UpdateKeyDescription(new Responses.KeyDescription(key.id().value(),
                key.description().value()));
    }

    private static Object createDatakey(Requests.CreateDatakey r, Context c) {
        return createDatakey(r, c, true);
    }

    private static Object createDatakeyWithoutPlaintext(Requests.CreateDatakey r, Context c) {
        return createDatakey(r, c, false);
    }

    private static Object createDatakey(Requests.CreateDatakey r, Context c, boolean withPlaintext) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        int bytes = HuaweiParams.dataKeyBytes(r.keySpec(), r.datakeyLength());
        byte[] context = HuaweiParams.context(r.additionalAuthenticatedData(), null);
        GenerateDataKeyResult made = c.keyport().generateDataKey(new GenerateDataKeyCommand(c.caller(), id, bytes,
                context, withPlaintext));
        try {
            return new Responses.CreateDatakey(made.keyId().value(), made.plaintext().map(HuaweiViews::hex)
                    .orElse(null), HuaweiViews.hex(made.ciphertext()));
        } finally {
            made.erase();
        }
    }

    private static Object encryptDatakey(Requests.EncryptDatakey r, Context c) {
        sequence(r.sequence());
        KeyId id = keyId(r.keyId());
        byte[] dataKey = HuaweiParams.dataKeyWithDigest(r.plainText(), r.datakeyPlainLength());
        try {
            byte[] context = HuaweiParams.context(r.additionalAuthenticatedData(), null);
            EncryptDataKeyCommand command = new EncryptDataKeyCommand(c.caller(), id, dataKey, context);
            try {
                EncryptResult result = c.keyport().encryptDataKey(command);
                return new Responses.EncryptDatakey(result.keyId().value(), HuaweiViews.hex(result.ciphertext()),
                        Integer.toString(dataKey.length));
            } finally {
                command.erase();
            }
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static Object decryptDatakey(Requests.DecryptDatakey r, Context c) {
        sequence(r.sequence());
        byte[] blob = HuaweiParams.dataKeyCipherText(r.cipherText(), r.keyId(), r.datakeyCipherLength());
        byte[] context = HuaweiParams.context(r.additionalAuthenticatedData(), null);
        byte[] dataKey = c.keyport().decryptDataKey(new DecryptCommand(c.caller(), blob, context)).plaintext();
        try {
            return new Responses.DecryptDatakey(HuaweiViews.hex(dataKey), Integer.toString(dataKey.length),
                    HuaweiViews.hex(HuaweiParams.sha256(dataKey)));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static Object genRandom(Requests.GenRandom r, Context c) {
        sequence(r.sequence());
        byte[] random = c.keyport().generateRandom(HuaweiParams.randomBytes(r.randomDataLength()));
        try {
            return new Responses.GenRandom(HuaweiViews.hex(random));
        } finally {
            Arrays.fill(random, (byte) 0);
        }
    }

    private static Object reEncrypt(Requests.ReEncrypt r, Context c) {
        sequence(r.sequence());
        HuaweiParams.symmetricDefault(r.sourceEncryptionAlgorithm());
        HuaweiParams.symmetricDefault(r.destinationEncryptionAlgorithm());
        byte[] blob = HuaweiParams.anyCipherText(r.cipherText());
        boolean dataKey = Ciphertext.kindOf(blob) == Ciphertext.Kind.DATA_KEY;
        if (r.sourceKeyId() != null && !r.sourceKeyId().isEmpty()
                && !keyId(r.sourceKeyId()).equals(Ciphertext.keyIdOf(blob))) {
            throw HuaweiErrors.INVALID_CIPHERTEXT.exception("it was made under another key than source_key_id");
        }
        if (r.datakeyCipherLength() != null && !r.datakeyCipherLength().isEmpty()) {
            HuaweiParams.requireDataKeyOfLength(blob, HuaweiParams.dataKeyCipherLength(r.datakeyCipherLength()));
        }
        KeyId destination = keyId(r.destinationKeyId());
        ReEncryptResult result = c.keyport().reEncrypt(new ReEncryptCommand(c.caller(), blob,
                HuaweiParams.context(r.sourceAdditionalAuthenticatedData(), null), Optional.of(destination),
                HuaweiParams.context(r.destinationAdditionalAuthenticatedData(), null)));
        byte[] ciphertext = result.ciphertext();
        return new Responses.ReEncrypt(result.keyId().value(), result.sourceKeyId().value(), SYMMETRIC_DEFAULT,
                SYMMETRIC_DEFAULT, dataKey ? HuaweiViews.hex(ciphertext)
                        : Base64.getEncoder().encodeToString(ciphertext));
    }
}
