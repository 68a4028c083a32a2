package dev.keyport.application.service;

import dev.keyport.application.port.in.ReEncryptCommand;
import dev.keyport.application.port.in.ReEncryptResult;
import dev.keyport.application.port.in.ReEncryptUseCase;
import dev.keyport.domain.Ciphertext;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyOperation;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * ReEncrypt. To the same key with the same context, the ciphertext given is returned as it was once it is shown to
 * open (there is nothing to refresh: Keyport has no rotation yet); anything else is opened and sealed again.
 */
public final class ReEncryptService implements ReEncryptUseCase {

    private final KeyUnitOfWork unitOfWork;
    private final SecureRandom random;

    public ReEncryptService(KeyUnitOfWork unitOfWork, SecureRandom random) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public ReEncryptResult reEncrypt(ReEncryptCommand c) {
        byte[] ciphertext = c.ciphertext();
        KeyId source = Ciphertext.keyIdOf(ciphertext);
        KeyId destination = c.destination().orElse(source);
        boolean unchanged = destination.equals(source) && Arrays.equals(c.sourceContext(), c.destinationContext());
        return unitOfWork.useAudited(c.caller(), source, destination, KeyOperation.RE_ENCRYPT, (from, to, now) -> {
            if (unchanged) {
                Arrays.fill(from.decrypt(ciphertext, c.sourceContext(), now), (byte) 0);
                return new ReEncryptResult(to.id(), from.id(), ciphertext, false);
            }
            return new ReEncryptResult(to.id(), from.id(),
                    to.reEncrypt(from, ciphertext, c.sourceContext(), c.destinationContext(), now, random), true);
        }, result -> "to " + result.keyId() + (result.reEncrypted() ? "" : ", unchanged"),
                result -> "from " + result.sourceKeyId());
    }
}
