package dev.keyport.application;

import dev.keyport.application.inmemory.InMemoryTransactions;
import dev.keyport.application.inmemory.InMemoryAuditLog;
import dev.keyport.application.inmemory.InMemoryKeyRepository;
import dev.keyport.application.port.in.BindCloudResourceUseCase;
import dev.keyport.application.port.in.CancelKeyDeletionCommand;
import dev.keyport.application.port.in.CancelKeyDeletionUseCase;
import dev.keyport.application.port.in.CloudResourceCommand;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.CreateKeyUseCase;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DecryptResult;
import dev.keyport.application.port.in.DecryptUseCase;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialUseCase;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DescribeKeyUseCase;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.DisableKeyUseCase;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EnableKeyUseCase;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.EncryptResult;
import dev.keyport.application.port.in.EncryptUseCase;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.GetParametersForImportUseCase;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.ImportKeyMaterialUseCase;
import dev.keyport.application.port.in.ListKeysCommand;
import dev.keyport.application.port.in.ListKeysUseCase;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.in.ScheduleKeyDeletionUseCase;
import dev.keyport.application.port.in.SweepCommand;
import dev.keyport.application.port.in.SweepResult;
import dev.keyport.application.port.in.SweepUseCase;
import dev.keyport.application.port.in.UnbindCloudResourceUseCase;
import dev.keyport.application.port.out.AuditSink;
import dev.keyport.application.port.out.KeyIdGenerator;
import dev.keyport.application.port.out.KeyPage;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.application.port.out.TransactionBoundary;
import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.application.service.BindCloudResourceService;
import dev.keyport.application.service.CancelKeyDeletionService;
import dev.keyport.application.service.CreateKeyService;
import dev.keyport.application.service.DecryptService;
import dev.keyport.application.service.DeleteImportedKeyMaterialService;
import dev.keyport.application.service.DescribeKeyService;
import dev.keyport.application.service.DisableKeyService;
import dev.keyport.application.service.EnableKeyService;
import dev.keyport.application.service.EncryptService;
import dev.keyport.application.service.GetParametersForImportService;
import dev.keyport.application.service.ImportKeyMaterialService;
import dev.keyport.application.service.KeyOperations;
import dev.keyport.application.service.ListKeysService;
import dev.keyport.application.service.ScheduleKeyDeletionService;
import dev.keyport.application.service.SweepService;
import dev.keyport.application.service.UnbindCloudResourceService;
import dev.keyport.application.support.OnDemandWrappingKeySource;
import dev.keyport.application.support.RandomKeyIdGenerator;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyView;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Every use case of Keyport behind one object, wired by hand from the ports it is given: what an embedding program
 * builds, and what the server's adapters call. Without further settings it keeps keys and the audit trail in memory
 * and generates wrapping keys on demand.
 *
 * <pre>{@code
 * Keyport keyport = Keyport.builder().clock(Clock.systemUTC()).build();
 * }</pre>
 */
public final class Keyport implements CreateKeyUseCase, DescribeKeyUseCase, ListKeysUseCase,
        GetParametersForImportUseCase, ImportKeyMaterialUseCase, DeleteImportedKeyMaterialUseCase, EnableKeyUseCase,
        DisableKeyUseCase, ScheduleKeyDeletionUseCase, CancelKeyDeletionUseCase, EncryptUseCase, DecryptUseCase,
        BindCloudResourceUseCase, UnbindCloudResourceUseCase, SweepUseCase {

    private final CreateKeyUseCase createKey;
    private final DescribeKeyUseCase describeKey;
    private final ListKeysUseCase listKeys;
    private final GetParametersForImportUseCase getParametersForImport;
    private final ImportKeyMaterialUseCase importKeyMaterial;
    private final DeleteImportedKeyMaterialUseCase deleteImportedKeyMaterial;
    private final EnableKeyUseCase enableKey;
    private final DisableKeyUseCase disableKey;
    private final ScheduleKeyDeletionUseCase scheduleKeyDeletion;
    private final CancelKeyDeletionUseCase cancelKeyDeletion;
    private final EncryptUseCase encrypt;
    private final DecryptUseCase decrypt;
    private final BindCloudResourceUseCase bindCloudResource;
    private final UnbindCloudResourceUseCase unbindCloudResource;
    private final SweepUseCase sweep;

    private Keyport(Builder b) {
        KeyOperations operations = new KeyOperations(b.keys, b.audit, b.transactions, b.clock);
        this.createKey = new CreateKeyService(operations, b.ids, b.random);
        this.describeKey = new DescribeKeyService(operations);
        this.listKeys = new ListKeysService(operations, b.keys);
        this.getParametersForImport = new GetParametersForImportService(operations, b.wrappingKeys, b.random);
        this.importKeyMaterial = new ImportKeyMaterialService(operations, b.random);
        this.deleteImportedKeyMaterial = new DeleteImportedKeyMaterialService(operations);
        this.enableKey = new EnableKeyService(operations);
        this.disableKey = new DisableKeyService(operations);
        this.scheduleKeyDeletion = new ScheduleKeyDeletionService(operations);
        this.cancelKeyDeletion = new CancelKeyDeletionService(operations);
        this.encrypt = new EncryptService(operations, b.random);
        this.decrypt = new DecryptService(operations);
        this.bindCloudResource = new BindCloudResourceService(operations);
        this.unbindCloudResource = new UnbindCloudResourceService(operations);
        this.sweep = new SweepService(operations, b.keys);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public KeyView createKey(CreateKeyCommand command) {
        return createKey.createKey(command);
    }

    @Override
    public KeyView describeKey(DescribeKeyCommand command) {
        return describeKey.describeKey(command);
    }

    @Override
    public KeyPage listKeys(ListKeysCommand command) {
        return listKeys.listKeys(command);
    }

    @Override
    public ImportParameters getParametersForImport(GetParametersForImportCommand command) {
        return getParametersForImport.getParametersForImport(command);
    }

    @Override
    public KeyView importKeyMaterial(ImportKeyMaterialCommand command) {
        return importKeyMaterial.importKeyMaterial(command);
    }

    @Override
    public KeyView deleteImportedKeyMaterial(DeleteImportedKeyMaterialCommand command) {
        return deleteImportedKeyMaterial.deleteImportedKeyMaterial(command);
    }

    @Override
    public KeyView enableKey(EnableKeyCommand command) {
        return enableKey.enableKey(command);
    }

    @Override
    public KeyView disableKey(DisableKeyCommand command) {
        return disableKey.disableKey(command);
    }

    @Override
    public KeyView scheduleKeyDeletion(ScheduleKeyDeletionCommand command) {
        return scheduleKeyDeletion.scheduleKeyDeletion(command);
    }

    @Override
    public KeyView cancelKeyDeletion(CancelKeyDeletionCommand command) {
        return cancelKeyDeletion.cancelKeyDeletion(command);
    }

    @Override
    public EncryptResult encrypt(EncryptCommand command) {
        return encrypt.encrypt(command);
    }

    @Override
    public DecryptResult decrypt(DecryptCommand command) {
        return decrypt.decrypt(command);
    }

    @Override
    public KeyView bindCloudResource(CloudResourceCommand command) {
        return bindCloudResource.bindCloudResource(command);
    }

    @Override
    public KeyView unbindCloudResource(CloudResourceCommand command) {
        return unbindCloudResource.unbindCloudResource(command);
    }

    @Override
    public SweepResult sweep(SweepCommand command) {
        return sweep.sweep(command);
    }

    /** Builds a {@link Keyport}. Only the clock has no default: the core never reads the time by itself. */
    public static final class Builder {

        private Clock clock;
        private SecureRandom random = new SecureRandom();
        private KeyRepository keys;
        private AuditSink audit;
        private TransactionBoundary transactions;
        private KeyIdGenerator ids;
        private WrappingKeySource wrappingKeys;

        private Builder() {
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Where keys are kept; an {@link InMemoryKeyRepository} when not given. */
        public Builder keys(KeyRepository keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** Where the audit trail goes; an {@link InMemoryAuditLog} when not given. */
        public Builder audit(AuditSink audit) {
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /** The transaction boundary of the repository; none needed for the in-memory one. */
        public Builder transactions(TransactionBoundary transactions) {
            this.transactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        public Builder ids(KeyIdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /** Where wrapping key pairs come from; generated on demand when not given. */
        public Builder wrappingKeys(WrappingKeySource wrappingKeys) {
            this.wrappingKeys = Objects.requireNonNull(wrappingKeys, "wrapping keys");
            return this;
        }

        public Keyport build() {
            if (clock == null) {
                throw new IllegalStateException("Keyport needs a clock, e.g. Clock.systemUTC()");
            }
            if (keys == null) {
                keys = new InMemoryKeyRepository();
            }
            if (audit == null) {
                audit = new InMemoryAuditLog();
            }
            if (transactions == null) {
                transactions = new InMemoryTransactions();
            }
            if (ids == null) {
                ids = new RandomKeyIdGenerator();
            }
            if (wrappingKeys == null) {
                wrappingKeys = new OnDemandWrappingKeySource(random);
            }
            return new Keyport(this);
        }
    }
}
