package dev.keyport.adapter.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import dev.keyport.application.port.in.EncryptDataKeyCommand;
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
import dev.keyport.application.port.in.SeedKeysCommand;
import dev.keyport.application.port.in.SeedKeysResult;
import dev.keyport.application.port.in.SweepCommand;
import dev.keyport.application.port.in.SweepResult;
import dev.keyport.application.port.in.UpdateAliasCommand;
import dev.keyport.application.port.in.UpdateDescriptionCommand;
import dev.keyport.application.port.out.KeyPage;
import dev.keyport.application.port.out.Secret;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.ImportToken;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The actions hold the use cases through the {@code port.in} interface only (issue 11, point 2): here they run
 * against a hand-written {@link Keyport} that keeps no key and has no store, and records the commands it is given.
 */
class StubbedKeyportTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final KeyId KEY = KeyId.of("0d0466b0-e727-4d9c-b35d-f84bb474a37f");
    private static final TenantId TENANT = TenantId.of("tenant-a");
    private static final KeyScope SCOPE = new KeyScope(TENANT, Region.of("ap-guangzhou"));
    private static final Instant CREATED = Instant.parse("2026-11-29T12:00:00Z");
    private static final TencentCredential CREDENTIAL =
            new TencentCredential(TENANT, "AKIDstub", Secret.of("stub-secret"), 1250000000L, 100000000001L);
    private static final KeyView VIEW = new KeyView(KEY, SCOPE, Alias.of("stubbed"), Description.of("a stub"),
            KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL, KeyState.ENABLED, CREATED,
            Optional.of(CREATED.plusSeconds(3600)), Optional.empty());

    /** Answers DescribeKey and GetParametersForImport; records every command; any other use case fails the test. */
    static final class StubKeyport implements Keyport {

        final List<Object> commands = new CopyOnWriteArrayList<>();

        private <T> T unexpected(Object command) {
            commands.add(command);
            throw new AssertionError("the stub does not answer " + command);
        }

        @Override
        public KeyView describeKey(DescribeKeyCommand command) {
            commands.add(command);
            return VIEW;
        }

        @Override
        public ImportParameters getParametersForImport(GetParametersForImportCommand command) {
            commands.add(command);
            return new ImportParameters(command.keyId(), ImportToken.of("stub-token"), command.spec(),
                    command.algorithm(), new byte[] {1, 2, 3}, CREATED.plusSeconds(86_400));
        }

        @Override
        public KeyView createKey(CreateKeyCommand command) {
            return unexpected(command);
        }

        @Override
        public KeyPage listKeys(ListKeysCommand command) {
            return unexpected(command);
        }

        @Override
        public KeyView importKeyMaterial(ImportKeyMaterialCommand command) {
            return unexpected(command);
        }

        @Override
        public KeyView deleteImportedKeyMaterial(DeleteImportedKeyMaterialCommand command) {
            return unexpected(command);
        }

        @Override
        public KeyView enableKey(EnableKeyCommand command) {
            return unexpected(command);
        }

        @Override
        public KeyView disableKey(DisableKeyCommand command) {
            return unexpected(command);
        }

        @Override
        public KeyView scheduleKeyDeletion(ScheduleKeyDeletionCommand command) {
            return unexpected(command);
        }

        @Override
        public KeyView cancelKeyDeletion(CancelKeyDeletionCommand command) {
            return unexpected(command);
        }

        @Override
        public EncryptResult encrypt(EncryptCommand command) {
            return unexpected(command);
        }

        @Override
        public DecryptResult decrypt(DecryptCommand command) {
            return unexpected(command);
        }

        @Override
        public GenerateDataKeyResult generateDataKey(GenerateDataKeyCommand command) {
            return unexpected(command);
        }

        @Override
        public EncryptResult encryptDataKey(EncryptDataKeyCommand command) {
            return unexpected(command);
        }

        @Override
        public DecryptResult decryptDataKey(DecryptCommand command) {
            return unexpected(command);
        }

        @Override
        public ReEncryptResult reEncrypt(ReEncryptCommand command) {
            return unexpected(command);
        }

        @Override
        public byte[] generateRandom(int bytes) {
            return unexpected(bytes);
        }

        @Override
        public KeyView updateAlias(UpdateAliasCommand command) {
            return unexpected(command);
        }

        @Override
        public KeyView updateDescription(UpdateDescriptionCommand command) {
            return unexpected(command);
        }

        @Override
        public java.util.List<KeyView> enableKeys(KeysCommand command) {
            return unexpected(command);
        }

        @Override
        public java.util.List<KeyView> disableKeys(KeysCommand command) {
            return unexpected(command);
        }

        @Override
        public KeyView bindCloudResource(CloudResourceCommand command) {
            return unexpected(command);
        }

        @Override
        public KeyView unbindCloudResource(CloudResourceCommand command) {
            return unexpected(command);
        }

        @Override
        public SweepResult sweep(SweepCommand command) {
            return unexpected(command);
        }

        @Override
        public SeedKeysResult seedKeys(SeedKeysCommand command) {
            return unexpected(command);
        }
    }

    private static Caller caller(LifecyclePolicy policy) {
        return new Caller(SCOPE, CREDENTIAL.secretId(), "request-1", policy);
    }

    private static Object run(StubKeyport keyport, LifecyclePolicy policy, String action, Map<String, Object> params) {
        JsonNode json = JSON.valueToTree(params);
        return TencentActions.ALL.get(action).run(JSON, json, new TencentActions.Context(keyport, caller(policy),
                CREDENTIAL));
    }

    @Test
    void describeKeyRunsAgainstAStubbedUseCase() {
        StubKeyport keyport = new StubKeyport();

        Object response = run(keyport, LifecyclePolicy.TENCENT, "DescribeKey", Map.of("KeyId", KEY.value()));

        assertThat(keyport.commands).containsExactly(new DescribeKeyCommand(caller(LifecyclePolicy.TENCENT), KEY));
        Responses.KeyMetadata metadata = ((Responses.DescribeKey) response).keyMetadata();
        assertThat(metadata.keyId()).isEqualTo(KEY.value());
        assertThat(metadata.alias()).isEqualTo("stubbed");
        assertThat(metadata.keyState()).isEqualTo("Enabled");
        assertThat(metadata.origin()).isEqualTo("EXTERNAL");
        assertThat(metadata.keyUsage()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(metadata.createTime()).isEqualTo(CREATED.getEpochSecond());
        assertThat(metadata.validTo()).isEqualTo(CREATED.getEpochSecond() + 3600);
        assertThat(metadata.deletionDate()).isZero();
        assertThat(metadata.creatorUin()).isEqualTo(100000000001L);
        assertThat(metadata.resourceId()).isEqualTo("creatorUin/100000000001/" + KEY.value());
    }

    @Test
    void theWrappingKeySpecsAreTheCallersPolicys() {
        StubKeyport keyport = new StubKeyport();
        Map<String, Object> rsa3072 = Map.of("KeyId", KEY.value(), "WrappingAlgorithm", "RSAES_OAEP_SHA_256",
                "WrappingKeySpec", "RSA_3072");

        Responses.GetParametersForImport issued = (Responses.GetParametersForImport) run(keyport,
                LifecyclePolicy.TENCENT, "GetParametersForImport", rsa3072);
        assertThat(issued.importToken()).isEqualTo("stub-token");
        assertThat(keyport.commands).singleElement().isEqualTo(new GetParametersForImportCommand(
                caller(LifecyclePolicy.TENCENT), KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_3072));

        TencentException unknown = catchThrowableOfType(() -> run(keyport, LifecyclePolicy.TENCENT,
                "GetParametersForImport", Map.of("KeyId", KEY.value(), "WrappingAlgorithm", "RSAES_OAEP_SHA_256",
                        "WrappingKeySpec", "RSA_1024")), TencentException.class);
        assertThat(unknown.code()).isEqualTo("InvalidParameter");
        assertThat(unknown.getMessage())
                .isEqualTo("The parameter `WrappingKeySpec` must be RSA_2048, RSA_3072 or RSA_4096.");

        TencentException notIssued = catchThrowableOfType(() -> run(keyport, LifecyclePolicy.HUAWEI,
                "GetParametersForImport", rsa3072), TencentException.class);
        assertThat(notIssued.getMessage()).isEqualTo("The parameter `WrappingKeySpec` must be RSA_2048.");
        assertThat(keyport.commands).as("refused before the use case").hasSize(1);
    }

    @Test
    void aPendingWindowBeyondAnyNumberOfDaysIsRefusedInTheWordsOfTheCallersPolicy() {
        StubKeyport keyport = new StubKeyport();
        Map<String, Object> params = Map.of("KeyId", KEY.value(), "PendingWindowInDays", 1L << 40);

        TencentException tencent = catchThrowableOfType(() -> run(keyport, LifecyclePolicy.TENCENT,
                "ScheduleKeyDeletion", params), TencentException.class);
        TencentException huawei = catchThrowableOfType(() -> run(keyport, LifecyclePolicy.HUAWEI,
                "ScheduleKeyDeletion", params), TencentException.class);

        assertThat(tencent.code()).isEqualTo("InvalidParameter.InvalidPendingWindowInDays");
        assertThat(tencent.getMessage()).isEqualTo("PendingWindowInDays must be between 7 and 30.");
        assertThat(huawei.getMessage()).isEqualTo("PendingWindowInDays must be between 7 and 1096.");
        assertThat(keyport.commands).isEmpty();
    }

    /**
     * A key id is checked once, by the domain's {@link KeyId}: every action that takes one answers a malformed one
     * with {@code InvalidParameterValue.InvalidKeyId}, as before, and never reaches its use case.
     */
    @Test
    void everyActionRefusesAMalformedKeyIdWithTheSameCodeBeforeItsUseCase() throws Exception {
        StubKeyport keyport = new StubKeyport();
        String bad = "\"KeyId\":\"0D0466B0-E727-4D9C-B35D-F84BB474A37F\"";
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("DescribeKey", "{" + bad + "}"),
                Map.entry("DescribeKeys", "{\"KeyIds\":[\"" + KEY.value() + "\",\"nope\"]}"),
                Map.entry("EnableKey", "{" + bad + "}"),
                Map.entry("DisableKey", "{" + bad + "}"),
                Map.entry("CancelKeyDeletion", "{" + bad + "}"),
                Map.entry("DeleteImportedKeyMaterial", "{" + bad + "}"),
                Map.entry("ScheduleKeyDeletion", "{" + bad + ",\"PendingWindowInDays\":7}"),
                Map.entry("GetParametersForImport", "{" + bad + ",\"WrappingAlgorithm\":\"RSAES_OAEP_SHA_256\","
                        + "\"WrappingKeySpec\":\"RSA_2048\"}"),
                Map.entry("ImportKeyMaterial", "{" + bad + ",\"EncryptedKeyMaterial\":\"AAAA\","
                        + "\"ImportToken\":\"stub-token\"}"),
                Map.entry("Encrypt", "{" + bad + ",\"Plaintext\":\"AAAA\"}"),
                Map.entry("BindCloudResource", "{" + bad + ",\"ProductId\":\"cos\",\"ResourceId\":\"bucket\"}"),
                Map.entry("UnbindCloudResource", "{" + bad + ",\"ProductId\":\"cos\",\"ResourceId\":\"bucket\"}"));
        try (TencentServer server = new TencentServer(keyport, TencentApiConfig.defaults(Region.of("ap-guangzhou")),
                outcome -> { })) {
            for (Map.Entry<String, String> request : bodies.entrySet()) {
                HttpResponse<String> http = server.signer().post(request.getKey(), request.getValue());
                JsonNode error = JSON.readTree(http.body()).path("Response").path("Error");
                assertThat(error.path("Code").asText()).as(request.getKey())
                        .isEqualTo("InvalidParameterValue.InvalidKeyId");
                assertThat(error.path("Message").asText()).as(request.getKey()).isEqualTo("Invalid KeyId.");
            }
        }
        assertThat(keyport.commands).isEmpty();
    }
}
