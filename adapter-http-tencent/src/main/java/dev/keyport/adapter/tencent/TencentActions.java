package dev.keyport.adapter.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CancelKeyDeletionCommand;
import dev.keyport.application.port.in.CloudResourceCommand;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DecryptResult;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.EncryptResult;
import dev.keyport.application.port.in.GenerateDataKeyCommand;
import dev.keyport.application.port.in.GenerateDataKeyResult;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.KeysCommand;
import dev.keyport.application.port.in.ListKeysCommand;
import dev.keyport.application.port.in.ReEncryptCommand;
import dev.keyport.application.port.in.ReEncryptResult;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.in.UpdateAliasCommand;
import dev.keyport.application.port.in.UpdateDescriptionCommand;
import dev.keyport.application.port.out.KeyPage;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.ImportToken;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.Origin;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The KMS actions Keyport serves, one row each: its name, its request record, whether it counts as Encrypt/Decrypt
 * for rate limits, and its handler. A handler parses ({@link TencentParams}), calls one use case, and shapes the
 * result ({@link TencentViews}); business rules stay in the domain, whose refusals reach the client through
 * {@link TencentErrors}.
 */
final class TencentActions {

    /** ListKeys lists no key pending deletion. */
    private static final Set<KeyState> LISTED_BY_LIST_KEYS =
            EnumSet.of(KeyState.ENABLED, KeyState.DISABLED, KeyState.PENDING_IMPORT);

    /** What an action needs besides its parameters: the use cases, who asks, and the credential they signed with. */
    record Context(Keyport keyport, Caller caller, TencentCredential credential) {
    }

    /** One row of the table. */
    record Action<R>(String name, Class<R> requestType, boolean crypto, BiFunction<R, Context, Object> handler) {

        Object run(ObjectMapper json, JsonNode params, Context context) {
            return handler.apply(Json.read(json, params, requestType), context);
        }
    }

    static final Map<String, Action<?>> ALL = Stream.of(
                    new Action<>("CreateKey", Requests.CreateKey.class, false, TencentActions::createKey),
                    new Action<>("DescribeKey", Requests.KeyIdOnly.class, false, TencentActions::describeKey),
                    new Action<>("DescribeKeys", Requests.DescribeKeys.class, false, TencentActions::describeKeys),
                    new Action<>("ListKeys", Requests.ListKeys.class, false, TencentActions::listKeys),
                    new Action<>("ListKeyDetail", Requests.ListKeyDetail.class, false, TencentActions::listKeyDetail),
                    new Action<>("GetParametersForImport", Requests.GetParametersForImport.class, false,
                            TencentActions::getParametersForImport),
                    new Action<>("ImportKeyMaterial", Requests.ImportKeyMaterial.class, false,
                            TencentActions::importKeyMaterial),
                    new Action<>("DeleteImportedKeyMaterial", Requests.KeyIdOnly.class, false,
                            TencentActions::deleteImportedKeyMaterial),
                    new Action<>("EnableKey", Requests.KeyIdOnly.class, false, TencentActions::enableKey),
                    new Action<>("DisableKey", Requests.KeyIdOnly.class, false, TencentActions::disableKey),
                    new Action<>("EnableKeys", Requests.KeyIds.class, false, TencentActions::enableKeys),
                    new Action<>("DisableKeys", Requests.KeyIds.class, false, TencentActions::disableKeys),
                    new Action<>("ScheduleKeyDeletion", Requests.ScheduleKeyDeletion.class, false,
                            TencentActions::scheduleKeyDeletion),
                    new Action<>("CancelKeyDeletion", Requests.KeyIdOnly.class, false,
                            TencentActions::cancelKeyDeletion),
                    new Action<>("Encrypt", Requests.Encrypt.class, true, TencentActions::encrypt),
                    new Action<>("Decrypt", Requests.Decrypt.class, true, TencentActions::decrypt),
                    new Action<>("GenerateDataKey", Requests.GenerateDataKey.class, true,
                            TencentActions::generateDataKey),
                    new Action<>("GenerateRandom", Requests.GenerateRandom.class, true,
                            TencentActions::generateRandom),
                    new Action<>("ReEncrypt", Requests.ReEncrypt.class, true, TencentActions::reEncrypt),
                    new Action<>("UpdateAlias", Requests.UpdateAlias.class, false, TencentActions::updateAlias),
                    new Action<>("GetServiceStatus", Requests.NoParameters.class, false,
                            TencentActions::getServiceStatus),
                    new Action<>("ListAlgorithms", Requests.NoParameters.class, false, TencentActions::listAlgorithms),
                    new Action<>("UpdateKeyDescription", Requests.UpdateKeyDescription.class, false,
                            TencentActions::updateKeyDescription),
                    new Action<>("BindCloudResource", Requests.CloudResource.class, false,
                            TencentActions::bindCloudResource),
                    new Action<>("UnbindCloudResource", Requests.CloudResource.class, false,
                            TencentActions::unbindCloudResource))
            .collect(Collectors.toUnmodifiableMap(Action::name, a -> a));

    private TencentActions() {
    }

    private static Object createKey(Requests.CreateKey r, Context c) {
        Alias alias = Alias.of(TencentParams.required(r.alias(), "Alias"));
        Description description = Description.of(r.description());
        KeyUsage usage = TencentParams.usage(r.keyUsage());
        Origin origin = TencentParams.origin(r.type());
        TencentParams.noHsmCluster(r.hsmClusterId());
        KeyView key = c.keyport().createKey(new CreateKeyCommand(c.caller(), alias, description, usage, origin));
        boolean tagged = TencentParams.given(r.tags());
        return new Responses.CreateKey(key.id().value(), key.alias().value(), key.createdAt().getEpochSecond(),
                key.description().value(), TencentViews.state(key.state()), TencentViews.usage(key.usage()),
                tagged ? 2 : 0, tagged ? "Keyport does not keep tags: the key was created without them." : "ok");
    }

    private static Object describeKey(Requests.KeyIdOnly r, Context c) {
        TencentParams.noMemberAccount(r.memberAccount());
        KeyView key = c.keyport().describeKey(new DescribeKeyCommand(c.caller(), TencentParams.keyId(r.keyId())));
        return new Responses.DescribeKey(TencentViews.metadata(key, c.credential()));
    }

    private static Object describeKeys(Requests.DescribeKeys r, Context c) {
        TencentParams.noMemberAccount(r.memberAccount());
        List<KeyView> keys = TencentParams.keyIds(r.keyIds()).stream()
                .map(id -> c.keyport().describeKey(new DescribeKeyCommand(c.caller(), id))).toList();
        return new Responses.DescribeKeys(TencentViews.metadata(keys, c.credential()));
    }

    private static Object listKeys(Requests.ListKeys r, Context c) {
        long offset = TencentParams.offset(r.offset());
        int limit = TencentParams.limit(r.limit());
        TencentParams.noHsmCluster(r.hsmClusterId());
        if (TencentParams.userCreatedOnly(r.role())) {
            return new Responses.ListKeys(List.of(), 0); // Keyport has no key a cloud product created
        }
        KeyPage page = c.keyport().listKeys(new ListKeysCommand(c.caller(), LISTED_BY_LIST_KEYS, Optional.empty(),
                Optional.empty(), Optional.empty(), true, offset, limit));
        return new Responses.ListKeys(page.keys().stream().map(k -> new Responses.Key(k.id().value())).toList(),
                page.total());
    }

    private static Object listKeyDetail(Requests.ListKeyDetail r, Context c) {
        long offset = TencentParams.offset(r.offset());
        int limit = TencentParams.limit(r.limit());
        TencentParams.noHsmCluster(r.hsmClusterId());
        TencentParams.noMemberAccounts(r.memberAccounts());
        boolean newestFirst = TencentParams.newestFirst(r.orderType());
        Set<KeyState> states = TencentParams.keyStates(r.keyState());
        Optional<Origin> origin = TencentParams.originFilter(r.origin());
        TencentParams.UsageFilter usage = TencentParams.usageFilter(r.keyUsage());
        if (states.isEmpty() || usage.matchesNone() || TencentParams.given(r.tagFilters())
                || TencentParams.userCreatedOnly(r.role())) {
            return new Responses.ListKeyDetail(0, List.of()); // Keyport keeps no tag, archive or asymmetric key
        }
        KeyPage page = c.keyport().listKeys(new ListKeysCommand(c.caller(), states, origin, usage.usage(),
                TencentParams.search(r.searchKeyAlias()), newestFirst, offset, limit));
        return new Responses.ListKeyDetail(page.total(), TencentViews.metadata(page.keys(), c.credential()));
    }

    private static Object getParametersForImport(Requests.GetParametersForImport r, Context c) {
        KeyId id = TencentParams.keyId(r.keyId());
        ImportParameters parameters = c.keyport().getParametersForImport(new GetParametersForImportCommand(
                c.caller(), id, TencentParams.wrappingAlgorithm(r.wrappingAlgorithm()),
                TencentParams.wrappingKeySpec(r.wrappingKeySpec(), c.caller().policy())));
        return new Responses.GetParametersForImport(id.value(), parameters.token().value(),
                TencentParams.base64(parameters.publicKeyDer()), parameters.expiresAt().getEpochSecond());
    }

    private static Object importKeyMaterial(Requests.ImportKeyMaterial r, Context c) {
        KeyId id = TencentParams.keyId(r.keyId());
        byte[] wrapped = TencentParams.base64(r.encryptedKeyMaterial(), "EncryptedKeyMaterial",
                () -> TencentErrors.invalid("EncryptedKeyMaterial", "is not base64"));
        ImportToken token = ImportToken.of(TencentParams.required(r.importToken(), "ImportToken"));
        c.keyport().importKeyMaterial(new ImportKeyMaterialCommand(c.caller(), id, token, wrapped,
                TencentParams.validTo(r.validTo())));
        return new Responses.Empty();
    }

    private static Object deleteImportedKeyMaterial(Requests.KeyIdOnly r, Context c) {
        TencentParams.noMemberAccount(r.memberAccount());
        c.keyport().deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(c.caller(),
                TencentParams.keyId(r.keyId())));
        return new Responses.Empty();
    }

    private static Object enableKey(Requests.KeyIdOnly r, Context c) {
        TencentParams.noMemberAccount(r.memberAccount());
        c.keyport().enableKey(new EnableKeyCommand(c.caller(), TencentParams.keyId(r.keyId())));
        return new Responses.Empty();
    }

    private static Object disableKey(Requests.KeyIdOnly r, Context c) {
        TencentParams.noMemberAccount(r.memberAccount());
        c.keyport().disableKey(new DisableKeyCommand(c.caller(), TencentParams.keyId(r.keyId())));
        return new Responses.Empty();
    }

    /** All or nothing: one key that cannot be enabled refuses the batch, naming that key, and changes none. */
    private static Object enableKeys(Requests.KeyIds r, Context c) {
        c.keyport().enableKeys(new KeysCommand(c.caller(), TencentParams.keyIds(r.keyIds())));
        return new Responses.Empty();
    }

    private static Object disableKeys(Requests.KeyIds r, Context c) {
        c.keyport().disableKeys(new KeysCommand(c.caller(), TencentParams.keyIds(r.keyIds())));
        return new Responses.Empty();
    }

    private static Object scheduleKeyDeletion(Requests.ScheduleKeyDeletion r, Context c) {
        TencentParams.noMemberAccount(r.memberAccount());
        KeyId id = TencentParams.keyId(r.keyId());
        int days = TencentParams.pendingWindowInDays(r.pendingWindowInDays(), c.caller().policy());
        KeyView key = c.keyport().scheduleKeyDeletion(new ScheduleKeyDeletionCommand(c.caller(), id, days));
        return new Responses.ScheduleKeyDeletion(key.deletionDate().orElseThrow().getEpochSecond(), id.value());
    }

    private static Object cancelKeyDeletion(Requests.KeyIdOnly r, Context c) {
        TencentParams.noMemberAccount(r.memberAccount());
        KeyId id = TencentParams.keyId(r.keyId());
        c.keyport().cancelKeyDeletion(new CancelKeyDeletionCommand(c.caller(), id));
        return new Responses.CancelKeyDeletion(id.value());
    }

    private static Object encrypt(Requests.Encrypt r, Context c) {
        KeyId id = TencentParams.keyId(r.keyId());
        byte[] plaintext = TencentParams.base64(r.plaintext(), "Plaintext",
                TencentErrors.PLAINTEXT_NOT_BASE64::exception);
        EncryptResult result = c.keyport().encrypt(new EncryptCommand(c.caller(), id, plaintext,
                TencentParams.context(r.encryptionContext())));
        return new Responses.Encrypt(TencentParams.base64(result.ciphertext()), id.value());
    }

    private static Object decrypt(Requests.Decrypt r, Context c) {
        byte[] blob = TencentParams.base64(r.ciphertextBlob(), "CiphertextBlob",
                TencentErrors.CIPHERTEXT_NOT_BASE64::exception);
        TencentParams.noEncryptionPublicKey(r.encryptionPublicKey(), r.encryptionAlgorithm());
        DecryptResult result = c.keyport().decrypt(new DecryptCommand(c.caller(), blob,
                TencentParams.context(r.encryptionContext())));
        return new Responses.Decrypt(result.keyId().value(), TencentParams.base64(result.plaintext()));
    }

    private static Object generateDataKey(Requests.GenerateDataKey r, Context c) {
        KeyId id = TencentParams.keyId(r.keyId());
        int bytes = TencentParams.dataKeyBytes(r.keySpec(), r.numberOfBytes());
        TencentParams.noEncryptionPublicKey(r.encryptionPublicKey(), r.encryptionAlgorithm());
        TencentParams.notHosted(r.isHostedByKms());
        TencentParams.noHsmCluster(r.hsmClusterId());
        GenerateDataKeyResult made = c.keyport().generateDataKey(new GenerateDataKeyCommand(c.caller(), id, bytes,
                TencentParams.context(r.encryptionContext()), true));
        try {
            return new Responses.GenerateDataKey(made.keyId().value(),
                    TencentParams.base64(made.plaintext().orElseThrow()), TencentParams.base64(made.ciphertext()));
        } finally {
            made.erase();
        }
    }

    private static Object generateRandom(Requests.GenerateRandom r, Context c) {
        byte[] random = c.keyport().generateRandom(TencentParams.randomBytes(r.numberOfBytes()));
        try {
            return new Responses.GenerateRandom(TencentParams.base64(random));
        } finally {
            Arrays.fill(random, (byte) 0);
        }
    }

    private static Object reEncrypt(Requests.ReEncrypt r, Context c) {
        byte[] blob = TencentParams.base64(r.ciphertextBlob(), "CiphertextBlob",
                TencentErrors.CIPHERTEXT_NOT_BASE64::exception);
        ReEncryptResult result = c.keyport().reEncrypt(new ReEncryptCommand(c.caller(), blob,
                TencentParams.context(r.sourceEncryptionContext(), "SourceEncryptionContext"),
                TencentParams.destinationKeyId(r.destinationKeyId()),
                TencentParams.context(r.destinationEncryptionContext(), "DestinationEncryptionContext")));
        return new Responses.ReEncrypt(TencentParams.base64(result.ciphertext()), result.keyId().value(),
                result.sourceKeyId().value(), result.reEncrypted());
    }

    /** What Keyport's keys are: symmetric, ENCRYPT_DECRYPT, AES-GCM with 256-bit material or 128-bit imported. */
    private static final Responses.ListAlgorithms ALGORITHMS = new Responses.ListAlgorithms(List.of(
            new Responses.AlgorithmInfo("ENCRYPT_DECRYPT", "AES_256"),
            new Responses.AlgorithmInfo("ENCRYPT_DECRYPT", "AES_128")), List.of(), List.of());

    private static Object getServiceStatus(Requests.NoParameters r, Context c) {
        long keys = c.keyport().listKeys(new ListKeysCommand(c.caller(), EnumSet.allOf(KeyState.class),
                Optional.empty(), Optional.empty(), Optional.empty(), true, 0, 1)).total();
        return new Responses.GetServiceStatus(true, 1, 0, 0, "", false, false, "", keys, false);
    }

    private static Object listAlgorithms(Requests.NoParameters r, Context c) {
        return ALGORITHMS;
    }

    private static Object updateAlias(Requests.UpdateAlias r, Context c) {
        KeyId id = TencentParams.keyId(r.keyId());
        c.keyport().updateAlias(new UpdateAliasCommand(c.caller(), id,
                Alias.of(TencentParams.required(r.alias(), "Alias"))));
        return new Responses.Empty();
    }

    private static Object updateKeyDescription(Requests.UpdateKeyDescription r, Context c) {
        KeyId id = TencentParams.keyId(r.keyId());
        c.keyport().updateDescription(new UpdateDescriptionCommand(c.caller(), id,
                Description.of(TencentParams.required(r.description(), "Description"))));
        return new Responses.Empty();
    }

    private static Object bindCloudResource(Requests.CloudResource r, Context c) {
        c.keyport().bindCloudResource(cloudResource(r, c));
        return new Responses.Empty();
    }

    private static Object unbindCloudResource(Requests.CloudResource r, Context c) {
        c.keyport().unbindCloudResource(cloudResource(r, c));
        return new Responses.Empty();
    }

    private static CloudResourceCommand cloudResource(Requests.CloudResource r, Context c) {
        KeyId id = TencentParams.keyId(r.keyId());
        return new CloudResourceCommand(c.caller(), id, TencentParams.cloudResource(r.productId(), r.resourceId()));
    }
}
