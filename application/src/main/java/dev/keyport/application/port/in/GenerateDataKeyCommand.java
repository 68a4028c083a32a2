package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Objects;

/**
 * A data key of {@code bytes} random bytes under a key.
 *
 * @param context        authenticated, not encrypted; decrypting the data key must present the same bytes
 * @param withPlaintext  whether the answer carries the plaintext (false: create-datakey-without-plaintext)
 */
public record GenerateDataKeyCommand(Caller caller, KeyId keyId, int bytes, byte[] context, boolean withPlaintext) {

    public GenerateDataKeyCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
        context = context == null ? new byte[0] : context.clone();
    }

    @Override
    public byte[] context() {
        return context.clone();
    }
}
