package dev.keyport.adapter.huawei;

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
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyView;

/**
 * A hand-written {@link Keyport} with no store behind it: every use case fails until a test overrides the one it
 * stubs. It shows that the adapter holds the interface and nothing of the application's implementation.
 */
class StubKeyport implements Keyport {

    private static UnsupportedOperationException notStubbed(Object command) {
        return new UnsupportedOperationException("not stubbed: " + command.getClass().getSimpleName());
    }

    @Override
    public KeyView createKey(CreateKeyCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyView describeKey(DescribeKeyCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyPage listKeys(ListKeysCommand command) {
        throw notStubbed(command);
    }

    @Override
    public ImportParameters getParametersForImport(GetParametersForImportCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyView importKeyMaterial(ImportKeyMaterialCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyView deleteImportedKeyMaterial(DeleteImportedKeyMaterialCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyView enableKey(EnableKeyCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyView disableKey(DisableKeyCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyView scheduleKeyDeletion(ScheduleKeyDeletionCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyView cancelKeyDeletion(CancelKeyDeletionCommand command) {
        throw notStubbed(command);
    }

    @Override
    public EncryptResult encrypt(EncryptCommand command) {
        throw notStubbed(command);
    }

    @Override
    public DecryptResult decrypt(DecryptCommand command) {
        throw notStubbed(command);
    }

    @Override
    public GenerateDataKeyResult generateDataKey(GenerateDataKeyCommand command) {
        throw notStubbed(command);
    }

    @Override
    public EncryptResult encryptDataKey(EncryptDataKeyCommand command) {
        throw notStubbed(command);
    }

    @Override
    public DecryptResult decryptDataKey(DecryptCommand command) {
        throw notStubbed(command);
    }

    @Override
    public ReEncryptResult reEncrypt(ReEncryptCommand command) {
        throw notStubbed(command);
    }

    @Override
    public byte[] generateRandom(int bytes) {
        throw notStubbed(bytes);
    }

    @Override
    public KeyView updateAlias(UpdateAliasCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyView updateDescription(UpdateDescriptionCommand command) {
        throw notStubbed(command);
    }

    @Override
    public java.util.List<KeyView> enableKeys(KeysCommand command) {
        throw notStubbed(command);
    }

    @Override
    public java.util.List<KeyView> disableKeys(KeysCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyView bindCloudResource(CloudResourceCommand command) {
        throw notStubbed(command);
    }

    @Override
    public KeyView unbindCloudResource(CloudResourceCommand command) {
        throw notStubbed(command);
    }

    @Override
    public SweepResult sweep(SweepCommand command) {
        throw notStubbed(command);
    }

    @Override
    public SeedKeysResult seedKeys(SeedKeysCommand command) {
        throw notStubbed(command);
    }
}
