package dev.keyport.domain;

import static dev.keyport.domain.DomainErrorCode.BINDING_STATE_NOT_SUPPORTED;
import static dev.keyport.domain.DomainErrorCode.CLOUD_RESOURCE_BINDING_NOT_FOUND;
import static dev.keyport.domain.DomainErrorCode.IMPORT_STATE_NOT_SUPPORTED;
import static dev.keyport.domain.DomainErrorCode.KEY_ALREADY_PENDING_DELETE;
import static dev.keyport.domain.DomainErrorCode.KEY_DISABLED;
import static dev.keyport.domain.DomainErrorCode.KEY_IN_USE_BY_CLOUD_RESOURCE;
import static dev.keyport.domain.DomainErrorCode.KEY_NOT_DISABLED;
import static dev.keyport.domain.DomainErrorCode.KEY_NOT_ENABLED;
import static dev.keyport.domain.DomainErrorCode.KEY_NOT_PENDING_DELETE;
import static dev.keyport.domain.DomainErrorCode.KEY_PENDING_DELETE;
import static dev.keyport.domain.DomainErrorCode.KEY_PENDING_IMPORT;
import static dev.keyport.domain.DomainErrorCode.KEY_SHOULD_BE_DISABLED;
import static dev.keyport.domain.DomainErrorCode.MATERIAL_DELETE_STATE_NOT_SUPPORTED;
import static dev.keyport.domain.DomainErrorCode.NOT_EXTERNAL_KEY;
import static dev.keyport.domain.KeyState.DISABLED;
import static dev.keyport.domain.KeyState.ENABLED;
import static dev.keyport.domain.KeyState.PENDING_DELETE;
import static dev.keyport.domain.KeyState.PENDING_IMPORT;
import static dev.keyport.domain.testing.TestKeys.RANDOM;
import static dev.keyport.domain.testing.TestKeys.T0;
import static dev.keyport.domain.testing.TestKeys.WRAPPING_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyport.domain.Fixtures.Made;
import dev.keyport.domain.Fixtures.Subject;
import dev.keyport.domain.testing.TestKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the lifecycle applied to a key in every (origin × state): the state it leads to, or the exact
 * refusal. A refusal leaves the key as it was and names the key and its state.
 */
class LifecycleTableTest {

    private static final Instant NOW = T0.plus(Duration.ofHours(1));
    private static final CloudResource RESOURCE = new CloudResource("ssm", "secret-1");

    /** One operation, applied to a made key. */
    enum Operation {
        GET_IMPORT_PARAMETERS,
        IMPORT_TENCENT,
        IMPORT_HUAWEI,
        DELETE_MATERIAL,
        ENABLE,
        DISABLE,
        SCHEDULE_DELETION_TENCENT,
        SCHEDULE_DELETION_HUAWEI,
        CANCEL_DELETION,
        ENCRYPT,
        DECRYPT,
        GENERATE_DATA_KEY,
        ENCRYPT_DATA_KEY,
        DECRYPT_DATA_KEY,
        RE_ENCRYPT,
        UPDATE_ALIAS,
        UPDATE_DESCRIPTION,
        BIND,
        UNBIND,
        PURGE_ON_DELETION_DATE;

        /** What the operation needs that must exist before it runs: an import token, a ciphertext. */
        Object prepare(Made made) {
            return switch (this) {
                case IMPORT_TENCENT, IMPORT_HUAWEI -> tokenFor(made.key());
                case DECRYPT, RE_ENCRYPT -> ciphertextFor(made.key());
                case DECRYPT_DATA_KEY -> dataKeyCiphertextFor(made.key());
                default -> null;
            };
        }

        void apply(Made made, Object prepared) {
            Cmk key = made.key();
            switch (this) {
                case GET_IMPORT_PARAMETERS ->
                        key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256, NOW, RANDOM);
                case IMPORT_TENCENT -> importSame(made, (ImportToken) prepared, LifecyclePolicy.TENCENT);
                case IMPORT_HUAWEI -> importSame(made, (ImportToken) prepared, LifecyclePolicy.HUAWEI);
                case DELETE_MATERIAL -> key.deleteImportedKeyMaterial(NOW);
                case ENABLE -> key.enable(NOW);
                case DISABLE -> key.disable(NOW);
                case SCHEDULE_DELETION_TENCENT -> key.scheduleDeletion(7, LifecyclePolicy.TENCENT, NOW);
                case SCHEDULE_DELETION_HUAWEI -> key.scheduleDeletion(7, LifecyclePolicy.HUAWEI, NOW);
                case CANCEL_DELETION -> key.cancelDeletion(NOW);
                case ENCRYPT -> key.encrypt(new byte[] {1, 2, 3}, new byte[0], NOW, RANDOM);
                case DECRYPT -> key.decrypt((byte[]) prepared, new byte[0], NOW);
                case GENERATE_DATA_KEY -> key.generateDataKey(32, new byte[0], NOW, RANDOM).erase();
                case ENCRYPT_DATA_KEY -> key.encryptDataKey(new byte[16], new byte[0], NOW, RANDOM);
                case DECRYPT_DATA_KEY -> key.decryptDataKey((byte[]) prepared, new byte[0], NOW);
                case RE_ENCRYPT -> key.reEncrypt(key, (byte[]) prepared, new byte[0], new byte[] {'x'}, NOW, RANDOM);
                case UPDATE_ALIAS -> key.updateAlias(Alias.of("renamed"), LifecyclePolicy.TENCENT, NOW);
                case UPDATE_DESCRIPTION -> key.updateDescription(Description.of("described again"), NOW);
                case BIND -> key.bind(RESOURCE, NOW);
                case UNBIND -> key.unbind(RESOURCE, NOW);
                case PURGE_ON_DELETION_DATE -> key.purge(T0.plus(Duration.ofDays(7)));
            }
        }

        /** The key's own material when it has some (a re-import), fresh material when it never had any. */
        private static void importSame(Made made, ImportToken token, LifecyclePolicy policy) {
            Cmk key = made.key();
            byte[] material = made.material() != null ? made.material() : TestKeys.randomMaterial(32);
            byte[] wrapped = WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(WRAPPING_KEY.publicKey(), material);
            key.importMaterial(token, wrapped, null, policy, NOW, RANDOM);
        }

        private static ImportToken tokenFor(Cmk key) {
            try {
                ImportToken token = key.issueImportParameters(WRAPPING_KEY, WrappingAlgorithm.RSAES_OAEP_SHA_256,
                        NOW, RANDOM).token();
                key.drainEvents();
                return token;
            } catch (DomainException refused) {
                return ImportToken.of("not-a-token"); // the state or origin refusal must come before the token's
            }
        }

        /** A real ciphertext when the key can make one; otherwise a well-formed blob naming the key. */
        private static byte[] ciphertextFor(Cmk key) {
            if (key.state() == ENABLED) {
                byte[] blob = key.encrypt(new byte[] {1, 2, 3}, new byte[0], NOW, RANDOM);
                key.drainEvents();
                return blob;
            }
            byte[] blob = new byte[Ciphertext.OVERHEAD + 3];
            blob[0] = 1;
            System.arraycopy(key.id().value().getBytes(), 0, blob, 1, 36);
            return blob;
        }
    }

    /** A real data key's ciphertext when the key can make one; otherwise a well-formed one naming the key. */
    private static byte[] dataKeyCiphertextFor(Cmk key) {
        if (key.state() == ENABLED) {
            byte[] blob = key.generateDataKey(16, new byte[0], NOW, RANDOM).ciphertext();
            key.drainEvents();
            return blob;
        }
        byte[] blob = new byte[Ciphertext.V2_OVERHEAD + 16];
        blob[0] = 2;
        blob[1] = (byte) Ciphertext.Kind.DATA_KEY.ordinal();
        System.arraycopy(key.id().value().getBytes(), 0, blob, 2, 36);
        return blob;
    }

    /** Either the state the key ends in, or the code of the refusal. */
    record Outcome(KeyState state, DomainErrorCode error) {
        static Outcome to(KeyState state) {
            return new Outcome(state, null);
        }

        static Outcome refused(DomainErrorCode code) {
            return new Outcome(null, code);
        }

        @Override
        public String toString() {
            return error == null ? "-> " + state : "refused " + error;
        }
    }

    /** Columns in the order of {@link Subject}'s constants. */
    private static final Object[][] TABLE = {
            // operation                 EXT PendingImport, EXT Enabled, EXT Disabled, EXT PendingDelete+material,
            //                           EXT PendingDelete-material, GEN Enabled, GEN Disabled, GEN PendingDelete
            {Operation.GET_IMPORT_PARAMETERS, PENDING_IMPORT, ENABLED, DISABLED, KEY_PENDING_DELETE,
                    KEY_PENDING_DELETE, NOT_EXTERNAL_KEY, NOT_EXTERNAL_KEY, NOT_EXTERNAL_KEY},
            {Operation.IMPORT_TENCENT, ENABLED, ENABLED, IMPORT_STATE_NOT_SUPPORTED, IMPORT_STATE_NOT_SUPPORTED,
                    IMPORT_STATE_NOT_SUPPORTED, NOT_EXTERNAL_KEY, NOT_EXTERNAL_KEY, NOT_EXTERNAL_KEY},
            {Operation.IMPORT_HUAWEI, ENABLED, IMPORT_STATE_NOT_SUPPORTED, IMPORT_STATE_NOT_SUPPORTED,
                    IMPORT_STATE_NOT_SUPPORTED, IMPORT_STATE_NOT_SUPPORTED, NOT_EXTERNAL_KEY, NOT_EXTERNAL_KEY,
                    NOT_EXTERNAL_KEY},
            {Operation.DELETE_MATERIAL, MATERIAL_DELETE_STATE_NOT_SUPPORTED, PENDING_IMPORT, PENDING_IMPORT,
                    MATERIAL_DELETE_STATE_NOT_SUPPORTED, MATERIAL_DELETE_STATE_NOT_SUPPORTED, NOT_EXTERNAL_KEY,
                    NOT_EXTERNAL_KEY, NOT_EXTERNAL_KEY},
            {Operation.ENABLE, KEY_NOT_DISABLED, KEY_NOT_DISABLED, ENABLED, KEY_NOT_DISABLED, KEY_NOT_DISABLED,
                    KEY_NOT_DISABLED, ENABLED, KEY_NOT_DISABLED},
            {Operation.DISABLE, KEY_NOT_ENABLED, DISABLED, KEY_NOT_ENABLED, KEY_NOT_ENABLED, KEY_NOT_ENABLED,
                    DISABLED, KEY_NOT_ENABLED, KEY_NOT_ENABLED},
            {Operation.SCHEDULE_DELETION_TENCENT, PENDING_DELETE, KEY_SHOULD_BE_DISABLED, PENDING_DELETE,
                    KEY_ALREADY_PENDING_DELETE, KEY_ALREADY_PENDING_DELETE, KEY_SHOULD_BE_DISABLED, PENDING_DELETE,
                    KEY_ALREADY_PENDING_DELETE},
            {Operation.SCHEDULE_DELETION_HUAWEI, PENDING_DELETE, PENDING_DELETE, PENDING_DELETE,
                    KEY_ALREADY_PENDING_DELETE, KEY_ALREADY_PENDING_DELETE, PENDING_DELETE, PENDING_DELETE,
                    KEY_ALREADY_PENDING_DELETE},
            {Operation.CANCEL_DELETION, KEY_NOT_PENDING_DELETE, KEY_NOT_PENDING_DELETE, KEY_NOT_PENDING_DELETE,
                    DISABLED, PENDING_IMPORT, KEY_NOT_PENDING_DELETE, KEY_NOT_PENDING_DELETE, DISABLED},
            {Operation.ENCRYPT, KEY_PENDING_IMPORT, ENABLED, KEY_DISABLED, KEY_PENDING_DELETE, KEY_PENDING_DELETE,
                    ENABLED, KEY_DISABLED, KEY_PENDING_DELETE},
            {Operation.DECRYPT, KEY_PENDING_IMPORT, ENABLED, KEY_DISABLED, KEY_PENDING_DELETE, KEY_PENDING_DELETE,
                    ENABLED, KEY_DISABLED, KEY_PENDING_DELETE},
            {Operation.GENERATE_DATA_KEY, KEY_PENDING_IMPORT, ENABLED, KEY_DISABLED, KEY_PENDING_DELETE,
                    KEY_PENDING_DELETE, ENABLED, KEY_DISABLED, KEY_PENDING_DELETE},
            {Operation.ENCRYPT_DATA_KEY, KEY_PENDING_IMPORT, ENABLED, KEY_DISABLED, KEY_PENDING_DELETE,
                    KEY_PENDING_DELETE, ENABLED, KEY_DISABLED, KEY_PENDING_DELETE},
            {Operation.DECRYPT_DATA_KEY, KEY_PENDING_IMPORT, ENABLED, KEY_DISABLED, KEY_PENDING_DELETE,
                    KEY_PENDING_DELETE, ENABLED, KEY_DISABLED, KEY_PENDING_DELETE},
            {Operation.RE_ENCRYPT, KEY_PENDING_IMPORT, ENABLED, KEY_DISABLED, KEY_PENDING_DELETE,
                    KEY_PENDING_DELETE, ENABLED, KEY_DISABLED, KEY_PENDING_DELETE},
            {Operation.UPDATE_ALIAS, PENDING_IMPORT, ENABLED, DISABLED, KEY_PENDING_DELETE, KEY_PENDING_DELETE,
                    ENABLED, DISABLED, KEY_PENDING_DELETE},
            {Operation.UPDATE_DESCRIPTION, PENDING_IMPORT, ENABLED, DISABLED, KEY_PENDING_DELETE, KEY_PENDING_DELETE,
                    ENABLED, DISABLED, KEY_PENDING_DELETE},
            {Operation.BIND, BINDING_STATE_NOT_SUPPORTED, ENABLED, BINDING_STATE_NOT_SUPPORTED,
                    BINDING_STATE_NOT_SUPPORTED, BINDING_STATE_NOT_SUPPORTED, ENABLED, BINDING_STATE_NOT_SUPPORTED,
                    BINDING_STATE_NOT_SUPPORTED},
            {Operation.UNBIND, CLOUD_RESOURCE_BINDING_NOT_FOUND, CLOUD_RESOURCE_BINDING_NOT_FOUND,
                    CLOUD_RESOURCE_BINDING_NOT_FOUND, CLOUD_RESOURCE_BINDING_NOT_FOUND,
                    CLOUD_RESOURCE_BINDING_NOT_FOUND, CLOUD_RESOURCE_BINDING_NOT_FOUND,
                    CLOUD_RESOURCE_BINDING_NOT_FOUND, CLOUD_RESOURCE_BINDING_NOT_FOUND},
            {Operation.PURGE_ON_DELETION_DATE, KEY_NOT_PENDING_DELETE, KEY_NOT_PENDING_DELETE,
                    KEY_NOT_PENDING_DELETE, PENDING_DELETE, PENDING_DELETE, KEY_NOT_PENDING_DELETE,
                    KEY_NOT_PENDING_DELETE, PENDING_DELETE},
    };

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (Object[] row : TABLE) {
            Operation operation = (Operation) row[0];
            for (Subject subject : Subject.values()) {
                Object cell = row[1 + subject.ordinal()];
                Outcome outcome = cell instanceof KeyState state ? Outcome.to(state)
                        : Outcome.refused((DomainErrorCode) cell);
                rows.add(Arguments.of(subject, operation, outcome));
            }
        }
        return rows.stream();
    }

    @Test
    void theTableCoversEveryOperationOnEverySubject() {
        assertThat(Arrays.stream(TABLE).map(row -> row[0])).containsExactly((Object[]) Operation.values());
        assertThat(Arrays.asList(TABLE)).allSatisfy(row -> assertThat(row).hasSize(1 + Subject.values().length));
    }

    @ParameterizedTest(name = "{1} on {0}: {2}")
    @MethodSource("table")
    void operationOnSubject(Subject subject, Operation operation, Outcome expected) {
        Made made = subject.make();
        Cmk key = made.key();
        Object prepared = operation.prepare(made);
        CmkSnapshot before = key.snapshot();

        if (expected.error() == null) {
            operation.apply(made, prepared);
            assertThat(key.state()).isEqualTo(expected.state());
        } else {
            DomainException refusal = catchThrowableOfType(DomainException.class,
                    () -> operation.apply(made, prepared));
            assertThat(refusal).as("refusal").isNotNull();
            assertThat(refusal.code()).isEqualTo(expected.error());
            assertThat(refusal.keyId()).contains(key.id());
            assertThat(refusal.state()).contains(subject.state);
            assertThat(key.state()).isEqualTo(subject.state);
            assertThat(key.snapshot()).usingRecursiveComparison().isEqualTo(before);
        }
    }

    @Test
    void aBoundKeyCannotBeDisabledScheduledForDeletionOrLoseItsMaterial() {
        Made made = Subject.EXTERNAL_ENABLED.make();
        Cmk key = made.key();
        key.bind(RESOURCE, NOW);
        for (Operation blocked : List.of(Operation.DISABLE, Operation.DELETE_MATERIAL,
                Operation.SCHEDULE_DELETION_TENCENT, Operation.SCHEDULE_DELETION_HUAWEI)) {
            assertThatThrownBy(() -> blocked.apply(made, blocked.prepare(made)))
                    .as(blocked.name())
                    .isInstanceOfSatisfying(KeyInUseException.class, e -> {
                        assertThat(e.code()).isEqualTo(KEY_IN_USE_BY_CLOUD_RESOURCE);
                        assertThat(e.bindings()).containsExactly(RESOURCE);
                        assertThat(e.state()).contains(ENABLED);
                    });
        }
        assertThat(key.state()).isEqualTo(ENABLED);
        assertThat(key.hasMaterial()).isTrue();

        key.unbind(RESOURCE, NOW);
        key.deleteImportedKeyMaterial(NOW);
        assertThat(key.state()).isEqualTo(PENDING_IMPORT);
    }

    @Test
    void bindingIsIdempotentAndUnbindingTheLastBindingFreesTheKey() {
        Cmk key = Subject.GENERATED_ENABLED.make().key();
        key.bind(RESOURCE, NOW);
        key.bind(RESOURCE, NOW);
        key.bind(new CloudResource("cbs", "disk-1"), NOW);
        assertThat(key.bindings()).hasSize(2);
        assertThat(key.drainEvents()).extracting(KeyEvent::change)
                .containsExactly(KeyChange.CLOUD_RESOURCE_BOUND, KeyChange.CLOUD_RESOURCE_BOUND);

        key.unbind(RESOURCE, NOW);
        assertThatThrownBy(() -> key.disable(NOW)).isInstanceOf(KeyInUseException.class);
        key.unbind(new CloudResource("cbs", "disk-1"), NOW);
        key.disable(NOW);
        assertThat(key.state()).isEqualTo(DISABLED);
    }

    @Test
    void deletionWindowsAreTheVendorsOwn() {
        for (int days : new int[] {6, 31}) {
            Cmk key = Subject.EXTERNAL_DISABLED.make().key();
            assertThatThrownBy(() -> key.scheduleDeletion(days, LifecyclePolicy.TENCENT, NOW))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_DELETION_WINDOW);
                        assertThat(e.keyId()).contains(key.id());
                        assertThat(e.state()).contains(DISABLED);
                    });
            assertThat(key.state()).isEqualTo(DISABLED);
        }
        for (int days : new int[] {6, 1097}) {
            Cmk key = Subject.EXTERNAL_ENABLED.make().key();
            assertThatThrownBy(() -> key.scheduleDeletion(days, LifecyclePolicy.HUAWEI, NOW))
                    .isInstanceOfSatisfying(InvalidValueException.class,
                            e -> assertThat(e.code()).isEqualTo(DomainErrorCode.INVALID_DELETION_WINDOW));
        }
        Cmk tencent = Subject.EXTERNAL_DISABLED.make().key();
        assertThat(tencent.scheduleDeletion(30, LifecyclePolicy.TENCENT, NOW)).isEqualTo(NOW.plus(Duration.ofDays(30)));
        Cmk huawei = Subject.EXTERNAL_ENABLED.make().key();
        assertThat(huawei.scheduleDeletion(1096, LifecyclePolicy.HUAWEI, NOW))
                .isEqualTo(NOW.plus(Duration.ofDays(1096)));
        assertThat(huawei.deletionDate()).contains(NOW.plus(Duration.ofDays(1096)));
    }

    @Test
    void aKeyIsDueForPurgeOnlyFromItsDeletionDate() {
        Cmk key = Subject.GENERATED_PENDING_DELETE.make().key();
        Instant deletionDate = key.deletionDate().orElseThrow();
        assertThat(key.isDueForPurge(deletionDate.minusMillis(1))).isFalse();
        assertThatThrownBy(() -> key.purge(deletionDate.minusMillis(1)))
                .isInstanceOfSatisfying(KeyStateException.class,
                        e -> assertThat(e.code()).isEqualTo(KEY_NOT_PENDING_DELETE));
        assertThat(key.isDueForPurge(deletionDate)).isTrue();
        key.purge(deletionDate);
        assertThat(key.hasMaterial()).isFalse();
        assertThat(key.drainEvents()).singleElement().satisfies(event -> {
            assertThat(event.change()).isEqualTo(KeyChange.PURGED);
            assertThat(event.reason()).isEqualTo(ChangeReason.DELETION_DATE_REACHED);
            assertThat(event.at()).isEqualTo(deletionDate);
        });
    }
}
