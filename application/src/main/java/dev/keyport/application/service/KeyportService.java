package dev.keyport.application.service;

import dev.keyport.application.port.in.BindCloudResourceUseCase;
import dev.keyport.application.port.in.CancelKeyDeletionCommand;
import dev.keyport.application.port.in.CancelKeyDeletionUseCase;
import dev.keyport.application.port.in.CloudResourceCommand;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.CreateKeyUseCase;
import dev.keyport.application.port.in.DecryptCommand;
import dev.keyport.application.port.in.DecryptDataKeyUseCase;
import dev.keyport.application.port.in.DecryptResult;
import dev.keyport.application.port.in.DecryptUseCase;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialUseCase;
import dev.keyport.application.port.in.DescribeKeyCommand;
import dev.keyport.application.port.in.DescribeKeyUseCase;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.DisableKeyUseCase;
import dev.keyport.application.port.in.DisableKeysUseCase;
import dev.keyport.application.port.in.EnableKeyCommand;
import dev.keyport.application.port.in.EnableKeyUseCase;
import dev.keyport.application.port.in.EnableKeysUseCase;
import dev.keyport.application.port.in.EncryptCommand;
import dev.keyport.application.port.in.EncryptDataKeyCommand;
import dev.keyport.application.port.in.EncryptDataKeyUseCase;
import dev.keyport.application.port.in.EncryptResult;
import dev.keyport.application.port.in.EncryptUseCase;
import dev.keyport.application.port.in.GenerateDataKeyCommand;
import dev.keyport.application.port.in.GenerateDataKeyResult;
import dev.keyport.application.port.in.GenerateDataKeyUseCase;
import dev.keyport.application.port.in.GenerateRandomUseCase;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.GetParametersForImportUseCase;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.ImportKeyMaterialUseCase;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.KeysCommand;
import dev.keyport.application.port.in.ListKeysCommand;
import dev.keyport.application.port.in.ListKeysUseCase;
import dev.keyport.application.port.in.ReEncryptCommand;
import dev.keyport.application.port.in.ReEncryptResult;
import dev.keyport.application.port.in.ReEncryptUseCase;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.application.port.in.ScheduleKeyDeletionUseCase;
import dev.keyport.application.port.in.SeedKeysCommand;
import dev.keyport.application.port.in.SeedKeysResult;
import dev.keyport.application.port.in.SeedKeysUseCase;
import dev.keyport.application.port.in.SweepCommand;
import dev.keyport.application.port.in.SweepResult;
import dev.keyport.application.port.in.SweepUseCase;
import dev.keyport.application.port.in.UnbindCloudResourceUseCase;
import dev.keyport.application.port.in.UpdateAliasCommand;
import dev.keyport.application.port.in.UpdateAliasUseCase;
import dev.keyport.application.port.in.UpdateDescriptionCommand;
import dev.keyport.application.port.in.UpdateDescriptionUseCase;
import dev.keyport.application.port.out.KeyPage;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyView;
import java.util.List;

/**
 * Every use case of Keyport behind one object, wired by hand from the storage and parts {@link KeyportBuilder} was
 * given. Adapters and embedders hold it as {@link Keyport}; this class is not theirs to see.
 */
final class KeyportService implements Keyport {

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
    private final GenerateDataKeyUseCase generateDataKey;
    private final EncryptDataKeyUseCase encryptDataKey;
    private final DecryptDataKeyUseCase decryptDataKey;
    private final ReEncryptUseCase reEncrypt;
    private final GenerateRandomUseCase generateRandom;
    private final UpdateAliasUseCase updateAlias;
    private final EnableKeysUseCase enableKeys;
    private final DisableKeysUseCase disableKeys;
    private final UpdateDescriptionUseCase updateDescription;
    private final BindCloudResourceUseCase bindCloudResource;
    private final UnbindCloudResourceUseCase unbindCloudResource;
    private final SweepUseCase sweep;
    private final SeedKeysUseCase seedKeys;

    KeyportService(KeyportBuilder b) {
        KeyUnitOfWork unitOfWork = new KeyUnitOfWork(b.storage.keys(), b.storage.audit(), b.storage.transactions(),
                b.clock);
        this.createKey = new CreateKeyService(unitOfWork, b.ids, b.random);
        this.describeKey = new DescribeKeyService(unitOfWork);
        this.listKeys = new ListKeysService(unitOfWork, b.storage.keys());
        this.getParametersForImport = new GetParametersForImportService(unitOfWork, b.wrappingKeys, b.random);
        this.importKeyMaterial = new ImportKeyMaterialService(unitOfWork, b.random);
        this.deleteImportedKeyMaterial = new DeleteImportedKeyMaterialService(unitOfWork);
        this.enableKey = new EnableKeyService(unitOfWork);
        this.disableKey = new DisableKeyService(unitOfWork);
        this.scheduleKeyDeletion = new ScheduleKeyDeletionService(unitOfWork);
        this.cancelKeyDeletion = new CancelKeyDeletionService(unitOfWork);
        this.encrypt = new EncryptService(unitOfWork, b.random);
        this.decrypt = new DecryptService(unitOfWork);
        this.generateDataKey = new GenerateDataKeyService(unitOfWork, b.random);
        this.encryptDataKey = new EncryptDataKeyService(unitOfWork, b.random);
        this.decryptDataKey = new DecryptDataKeyService(unitOfWork);
        this.reEncrypt = new ReEncryptService(unitOfWork, b.random);
        this.generateRandom = new GenerateRandomService(b.random);
        this.updateAlias = new UpdateAliasService(unitOfWork);
        this.enableKeys = new EnableKeysService(unitOfWork);
        this.disableKeys = new DisableKeysService(unitOfWork);
        this.updateDescription = new UpdateDescriptionService(unitOfWork);
        this.bindCloudResource = new BindCloudResourceService(unitOfWork);
        this.unbindCloudResource = new UnbindCloudResourceService(unitOfWork);
        this.sweep = new SweepService(unitOfWork, b.storage.keys());
        this.seedKeys = new SeedKeysService(unitOfWork, b.storage.keys(), b.random);
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
    public GenerateDataKeyResult generateDataKey(GenerateDataKeyCommand command) {
        return generateDataKey.generateDataKey(command);
    }

    @Override
    public EncryptResult encryptDataKey(EncryptDataKeyCommand command) {
        return encryptDataKey.encryptDataKey(command);
    }

    @Override
    public DecryptResult decryptDataKey(DecryptCommand command) {
        return decryptDataKey.decryptDataKey(command);
    }

    @Override
    public ReEncryptResult reEncrypt(ReEncryptCommand command) {
        return reEncrypt.reEncrypt(command);
    }

    @Override
    public byte[] generateRandom(int bytes) {
        return generateRandom.generateRandom(bytes);
    }

    @Override
    public List<KeyView> enableKeys(KeysCommand command) {
        return enableKeys.enableKeys(command);
    }

    @Override
    public List<KeyView> disableKeys(KeysCommand command) {
        return disableKeys.disableKeys(command);
    }

    @Override
    public KeyView updateAlias(UpdateAliasCommand command) {
        return updateAlias.updateAlias(command);
    }

    @Override
    public KeyView updateDescription(UpdateDescriptionCommand command) {
        return updateDescription.updateDescription(command);
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

    @Override
    public SeedKeysResult seedKeys(SeedKeysCommand command) {
        return seedKeys.seedKeys(command);
    }
}
