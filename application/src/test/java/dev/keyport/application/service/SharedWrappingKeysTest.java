package dev.keyport.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.inmemory.InMemoryAuditLog;
import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.application.port.out.WrappingKeyUse;
import dev.keyport.application.support.SharedWrappingKeySource;
import dev.keyport.application.support.WrappingKeySharing;
import dev.keyport.application.testing.DelegatingKeyRepository;
import dev.keyport.application.testing.MutableClock;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.Description;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * GetParametersForImport over a {@link SharedWrappingKeySource}: keys of one scope get tokens under one public key,
 * and each token still imports into its own key only; what sharing allows, and what it never does.
 */
class SharedWrappingKeysTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<WrappingKeyPair> PAIRS = IntStream.range(0, 4)
            .mapToObj(i -> WrappingKeySpec.RSA_2048.generate(RANDOM)).toList();
    private static final WrappingAlgorithm OAEP = WrappingAlgorithm.RSAES_OAEP_SHA_256;

    private final MutableClock clock = new MutableClock(T0);
    private final List<WrappingKeyUse> freshPairsAskedBy = new ArrayList<>();
    private final WrappingKeySource fresh = (use, now) -> {
        freshPairsAskedBy.add(use);
        return PAIRS.get(freshPairsAskedBy.size() - 1);
    };
    private final Caller caller = Caller.embedded(KeyScope.of("tenant-a", "ap-guangzhou"), "req")
            .withPolicy(LifecyclePolicy.TENCENT);

    private Keyport keyport(int tokensPerPair, DelegatingKeyRepository keys) {
        return Keyport.builder().clock(clock).storage(new InMemoryKeyStorage(keys, new InMemoryAuditLog()))
                .wrappingKeys(new SharedWrappingKeySource(fresh, new WrappingKeySharing(tokensPerPair,
                        Duration.ofMinutes(10)))).build();
    }

    private Keyport keyport(int tokensPerPair) {
        return keyport(tokensPerPair, new DelegatingKeyRepository() { });
    }

    private static KeyId external(Keyport keyport, Caller caller, String alias) {
        return keyport.createKey(new CreateKeyCommand(caller, Alias.of(alias), Description.NONE,
                KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL)).id();
    }

    private static ImportParameters parameters(Keyport keyport, Caller caller, KeyId id) {
        return keyport.getParametersForImport(new GetParametersForImportCommand(caller, id, OAEP,
                WrappingKeySpec.RSA_2048));
    }

    private static byte[] wrap(ImportParameters parameters, byte[] material) throws Exception {
        return OAEP.wrap(KeyFactory.getInstance("RSA").generatePublic(
                new X509EncodedKeySpec(parameters.publicKeyDer())), material);
    }

    private static byte[] material() {
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        return material;
    }

    private static void importInto(Keyport keyport, Caller caller, KeyId id, ImportParameters parameters,
                                   byte[] wrapped) {
        keyport.importKeyMaterial(new ImportKeyMaterialCommand(caller, id, parameters.token(), wrapped,
                Optional.empty()));
    }

    @Test
    void keysOfOneScopeShareAPublicKeyAndEachTokenImportsIntoItsOwnKeyOnly() throws Exception {
        Keyport keyport = keyport(100);
        KeyId a = external(keyport, caller, "a");
        KeyId b = external(keyport, caller, "b");
        ImportParameters forA = parameters(keyport, caller, a);
        ImportParameters forB = parameters(keyport, caller, b);
        assertThat(forB.publicKeyDer()).isEqualTo(forA.publicKeyDer());
        assertThat(forB.token()).isNotEqualTo(forA.token());

        byte[] materialA = material();
        byte[] wrappedForA = wrap(forA, materialA);
        // A's token names A: with B it is refused before anything is unwrapped, whatever the wrapped bytes
        assertThatThrownBy(() -> importInto(keyport, caller, b, forA, wrappedForA))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.IMPORT_TOKEN_KEY_MISMATCH));
        assertThat(keyport.describeKey(new DescribeKeyCommand(caller, b)).state()).isEqualTo(KeyState.PENDING_IMPORT);

        importInto(keyport, caller, a, forA, wrappedForA);
        byte[] materialB = material();
        importInto(keyport, caller, b, forB, wrap(forB, materialB));
        byte[] underA = keyport.encrypt(new EncryptCommand(caller, a, "for a".getBytes())).ciphertext();
        byte[] underB = keyport.encrypt(new EncryptCommand(caller, b, "for b".getBytes())).ciphertext();
        assertThat(keyport.decrypt(new DecryptCommand(caller, underA)).plaintext()).isEqualTo("for a".getBytes());
        assertThat(keyport.decrypt(new DecryptCommand(caller, underB)).plaintext()).isEqualTo("for b".getBytes());
    }

    @Test
    void whatSharingAllowsMaterialWrappedForOneKeyImportsIntoAnotherKeyOfTheScopeUnderThatKeysOwnToken()
            throws Exception {
        Keyport keyport = keyport(100);
        KeyId a = external(keyport, caller, "a");
        KeyId b = external(keyport, caller, "b");
        ImportParameters forA = parameters(keyport, caller, a);
        ImportParameters forB = parameters(keyport, caller, b);
        byte[] materialA = material();
        byte[] wrappedForA = wrap(forA, materialA);

        // the README's "Wrapping keys shared by import tokens": B's own token, A's wrapped material
        importInto(keyport, caller, b, forB, wrappedForA);
        importInto(keyport, caller, a, forA, wrappedForA);

        // both keys now hold the same material, and still a ciphertext names its key: B cannot open A's
        byte[] underA = keyport.encrypt(new EncryptCommand(caller, a, "for a".getBytes())).ciphertext();
        byte[] relabelled = underA.clone();
        // the key id follows the version and kind bytes of a version-2 ciphertext
        System.arraycopy(b.value().getBytes(StandardCharsets.US_ASCII), 0, relabelled, 2, b.value().length());
        assertThat(keyport.decrypt(new DecryptCommand(caller, underA)).plaintext()).isEqualTo("for a".getBytes());
        assertThatThrownBy(() -> keyport.decrypt(new DecryptCommand(caller, relabelled)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.DECRYPTION_FAILED));
    }

    @Test
    void anotherTenantOrRegionNeverGetsThePair() {
        Keyport keyport = keyport(100);
        Caller otherTenant = Caller.embedded(KeyScope.of("tenant-b", "ap-guangzhou"), "req")
                .withPolicy(LifecyclePolicy.TENCENT);
        Caller otherRegion = Caller.embedded(KeyScope.of("tenant-a", "ap-shanghai"), "req")
                .withPolicy(LifecyclePolicy.TENCENT);
        byte[] mine = parameters(keyport, caller, external(keyport, caller, "k")).publicKeyDer();
        byte[] theirs = parameters(keyport, otherTenant, external(keyport, otherTenant, "k")).publicKeyDer();
        byte[] elsewhere = parameters(keyport, otherRegion, external(keyport, otherRegion, "k")).publicKeyDer();

        assertThat(List.of(mine, theirs, elsewhere)).containsExactly(PAIRS.get(0).publicKeyDer(),
                PAIRS.get(1).publicKeyDer(), PAIRS.get(2).publicKeyDer());
        assertThat(freshPairsAskedBy).extracting(WrappingKeyUse::scope).containsExactly(caller.scope(),
                otherTenant.scope(), otherRegion.scope());
    }

    @Test
    void aPairBacksNoMoreTokensThanItsCountAndNoneAfterItsWindowAndEveryTokenExpiresAfterItsOwn24Hours() {
        Keyport keyport = keyport(3);
        KeyId id = external(keyport, caller, "k");
        List<Duration> after = List.of(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(12).minusMillis(1), Duration.ofMinutes(12));
        List<ImportParameters> issued = new ArrayList<>();
        for (Duration at : after) {
            clock.set(T0.plus(at));
            issued.add(parameters(keyport, caller, id));
        }

        // three tokens on the first pair; the second's window runs from its own first token (T0 + 2 min) and
        // closes at T0 + 12 min with one of its three tokens unused
        assertThat(issued).extracting(p -> PAIRS.indexOf(pairOf(p))).containsExactly(0, 0, 0, 1, 1, 2);
        for (int i = 0; i < issued.size(); i++) {
            assertThat(issued.get(i).expiresAt()).isEqualTo(T0.plus(after.get(i)).plus(Duration.ofHours(24)));
        }
    }

    @Test
    void aRetriedAttemptCountsAsATokenOfThePairAndItsTokenImports() throws Exception {
        AtomicInteger conflicts = new AtomicInteger();
        DelegatingKeyRepository racing = new DelegatingKeyRepository() {
            @Override
            public void update(Cmk key) {
                if (conflicts.getAndDecrement() > 0) {
                    throw new ConcurrentKeyChangeException(key.id());
                }
                super.update(key);
            }
        };
        Keyport keyport = keyport(2, racing);
        KeyId id = external(keyport, caller, "k");
        conflicts.set(1); // the first attempt loses a race and is rolled back: its grant and token never existed

        ImportParameters retried = parameters(keyport, caller, id);
        ImportParameters next = parameters(keyport, caller, id);

        assertThat(pairOf(retried)).as("the retry shares the rolled-back attempt's pair").isEqualTo(PAIRS.get(0));
        assertThat(pairOf(next)).as("both attempts counted: the pair has backed its two tokens")
                .isEqualTo(PAIRS.get(1));
        importInto(keyport, caller, id, retried, wrap(retried, material()));
        assertThat(keyport.describeKey(new DescribeKeyCommand(caller, id)).state()).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void aRequestForAKeyOfAnotherScopeTakesNoPair() {
        Keyport keyport = keyport(100);
        KeyId mine = external(keyport, caller, "k");
        Caller stranger = Caller.embedded(KeyScope.of("tenant-b", "ap-guangzhou"), "req");

        assertThatThrownBy(() -> parameters(keyport, stranger, mine)).isInstanceOfSatisfying(
                DomainException.class, e -> assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_NOT_FOUND));
        assertThat(freshPairsAskedBy).isEmpty();
    }

    private static WrappingKeyPair pairOf(ImportParameters parameters) {
        return PAIRS.stream().filter(p -> Arrays.equals(p.publicKeyDer(), parameters.publicKeyDer()))
                .findFirst().orElseThrow();
    }
}
