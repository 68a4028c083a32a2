package dev.keyport.application.port.in;

import dev.keyport.application.port.out.KeyIdGenerator;
import dev.keyport.application.port.out.KeyStorage;
import dev.keyport.application.port.out.WrappingKeySource;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ServiceLoader;

/**
 * Every use case of Keyport behind one interface: what an embedding program builds, and what the server's adapters
 * hold. Without further settings it keeps keys and the audit trail in memory and generates wrapping keys on demand.
 *
 * <pre>{@code
 * Keyport keyport = Keyport.builder().clock(Clock.systemUTC()).build();
 * }</pre>
 */
public interface Keyport extends CreateKeyUseCase, DescribeKeyUseCase, ListKeysUseCase,
        GetParametersForImportUseCase, ImportKeyMaterialUseCase, DeleteImportedKeyMaterialUseCase, EnableKeyUseCase,
        DisableKeyUseCase, ScheduleKeyDeletionUseCase, CancelKeyDeletionUseCase, EncryptUseCase, DecryptUseCase,
        GenerateDataKeyUseCase, EncryptDataKeyUseCase, DecryptDataKeyUseCase, ReEncryptUseCase, GenerateRandomUseCase,
        UpdateAliasUseCase, UpdateDescriptionUseCase, EnableKeysUseCase, DisableKeysUseCase,
        BindCloudResourceUseCase, UnbindCloudResourceUseCase, SweepUseCase, SeedKeysUseCase {

    /**
     * A builder of the application's implementation, which this interface does not name: it is found as the
     * {@link Builder} service the application module registers (META-INF/services), so that the ports stay free of
     * the services that implement them.
     */
    static Builder builder() {
        return ServiceLoader.load(Builder.class, Keyport.class.getClassLoader()).findFirst().orElseThrow(() ->
                new IllegalStateException("no Keyport implementation on the class path: keyport-application's "
                        + "META-INF/services/" + Builder.class.getName() + " is missing"));
    }

    /** Builds a {@link Keyport}. Only the clock has no default: the core never reads the time by itself. */
    interface Builder {

        Builder clock(Clock clock);

        /** The source of randomness for material, tokens and ids; a new {@link SecureRandom} when not given. */
        Builder random(SecureRandom random);

        /** Where keys, their audit trail and their transactions are kept; in memory when not given. */
        Builder storage(KeyStorage storage);

        Builder ids(KeyIdGenerator ids);

        /** Where wrapping key pairs come from; generated on demand when not given. */
        Builder wrappingKeys(WrappingKeySource wrappingKeys);

        Keyport build();
    }
}
