package dev.keyport.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyport.application.inmemory.InMemoryAuditLog;
import dev.keyport.application.inmemory.InMemoryKeyRepository;
import dev.keyport.application.inmemory.InMemoryKeyStorage;
import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.KeysCommand;
import dev.keyport.application.port.out.AuditRecord;
import dev.keyport.application.testing.MutableClock;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.DomainException;
import dev.keyport.domain.KeyChange;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.LifecyclePolicy;
import dev.keyport.domain.Origin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** EnableKeys and DisableKeys: the same change of several keys, all or nothing. */
class BatchChangeTest {

    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final Keyport keyport = Keyport.builder().clock(new MutableClock(Instant.parse("2026-11-22T10:00:00Z")))
            .storage(new InMemoryKeyStorage(new InMemoryKeyRepository(), audit)).build();
    private final Caller caller = new Caller(KeyScope.of("tenant-a", "ap-guangzhou"), "AKIDcaller", "req-1",
            LifecyclePolicy.TENCENT);

    private KeyId create(String alias) {
        return keyport.createKey(new CreateKeyCommand(caller, Alias.of(alias), Description.of(""),
                KeyUsage.ENCRYPT_DECRYPT, Origin.KEYPORT)).id();
    }

    private KeyState state(KeyId id) {
        return keyport.describeKey(new DescribeKeyCommand(caller, id)).state();
    }

    @Test
    void everyKeyChangesAndEachChangeIsRecorded() {
        KeyId a = create("a");
        KeyId b = create("b");
        assertThat(keyport.disableKeys(new KeysCommand(caller, List.of(a, b)))).extracting(v -> v.state())
                .containsExactly(KeyState.DISABLED, KeyState.DISABLED);
        assertThat(audit.records()).filteredOn(r -> r.change().equals(Optional.of(KeyChange.DISABLED)))
                .extracting(r -> r.keyId().orElseThrow()).containsExactly(a, b);
        keyport.enableKeys(new KeysCommand(caller, List.of(b, a)));
        assertThat(state(a)).isEqualTo(KeyState.ENABLED);
        assertThat(state(b)).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void oneKeyThatCannotChangeLeavesEveryKeyAsItWasAndTheRefusalNamesIt() {
        KeyId a = create("a");
        KeyId alreadyDisabled = create("b");
        KeyId c = create("c");
        keyport.disableKey(new DisableKeyCommand(caller, alreadyDisabled));
        assertThatThrownBy(() -> keyport.disableKeys(new KeysCommand(caller, List.of(a, alreadyDisabled, c))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_NOT_ENABLED);
                    assertThat(e.keyId()).contains(alreadyDisabled);
                });
        assertThat(state(a)).isEqualTo(KeyState.ENABLED);
        assertThat(state(c)).isEqualTo(KeyState.ENABLED);
        assertThat(audit.records()).filteredOn(r -> r.operation() == KeyOperation.DISABLE)
                .extracting(AuditRecord::outcome, r -> r.keyId().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditRecord.Outcome.SUCCEEDED, alreadyDisabled),
                        org.assertj.core.groups.Tuple.tuple(AuditRecord.Outcome.REFUSED, alreadyDisabled));

        KeyId missing = KeyId.of("0d0466b0-e727-4d9c-b35d-f84bb474a37f");
        assertThatThrownBy(() -> keyport.disableKeys(new KeysCommand(caller, List.of(a, missing))))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(DomainErrorCode.KEY_NOT_FOUND));
        assertThat(state(a)).isEqualTo(KeyState.ENABLED);
    }

    @Test
    void aKeyNamedTwiceIsRefusedBeforeAnything() {
        KeyId a = create("a");
        assertThatThrownBy(() -> new KeysCommand(caller, List.of(a, a))).isInstanceOf(IllegalArgumentException.class);
    }
}
