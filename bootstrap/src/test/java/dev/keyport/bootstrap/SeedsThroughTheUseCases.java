package dev.keyport.bootstrap;

import dev.keyport.application.port.in.Caller;
import dev.keyport.application.port.in.CreateKeyCommand;
import dev.keyport.application.port.in.DeleteImportedKeyMaterialCommand;
import dev.keyport.application.port.in.DisableKeyCommand;
import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.ImportKeyMaterialCommand;
import dev.keyport.application.port.in.Keyport;
import dev.keyport.application.port.in.ScheduleKeyDeletionCommand;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.Origin;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * How seeds were made before the bulk path, kept as the reference it is compared with: each key through the public use
 * cases as a client makes one — created with its id, its material wrapped under fresh import parameters and imported,
 * then each transition to its state, every step a transaction and an audit record of its own.
 */
final class SeedsThroughTheUseCases {

    private SeedsThroughTheUseCases() {
    }

    static void make(SeedFile.Key seed, Keyport keyport) {
        KeyId id = KeyId.of(seed.keyId());
        Caller caller = new Caller(KeyScope.of(seed.tenant(), seed.region()), SeedFile.CREDENTIAL, "seed-" + id,
                SeedFile.POLICY);
        Origin origin = seed.origin() == null ? Origin.EXTERNAL : Origin.valueOf(seed.origin());
        keyport.createKey(new CreateKeyCommand(caller, Alias.of(seed.alias()), Description.of(seed.description()),
                KeyUsage.ENCRYPT_DECRYPT, origin, Optional.of(id)));
        boolean hasMaterial = origin == Origin.KEYPORT;
        if (seed.material() != null) {
            try {
                ImportParameters parameters = keyport.getParametersForImport(new GetParametersForImportCommand(
                        caller, id, WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048));
                PublicKey wrappingKey = KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(parameters.publicKeyDer()));
                keyport.importKeyMaterial(new ImportKeyMaterialCommand(caller, id, parameters.token(),
                        WrappingAlgorithm.RSAES_OAEP_SHA_256.wrap(wrappingKey,
                                Base64.getDecoder().decode(seed.material())), Optional.empty()));
                hasMaterial = true;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("RSA is required of every JDK", e);
            }
        }
        switch (seed.state() == null ? "" : seed.state()) {
            case "Disabled" -> keyport.disableKey(new DisableKeyCommand(caller, id));
            case "PendingImport" -> {
                if (hasMaterial) {
                    keyport.deleteImportedKeyMaterial(new DeleteImportedKeyMaterialCommand(caller, id));
                }
            }
            case "PendingDelete" -> {
                if (hasMaterial) {
                    keyport.disableKey(new DisableKeyCommand(caller, id));
                }
                keyport.scheduleKeyDeletion(new ScheduleKeyDeletionCommand(caller, id,
                        seed.pendingDays() == null ? 30 : seed.pendingDays()));
            }
            default -> { } // Enabled, or as created
        }
    }
}
