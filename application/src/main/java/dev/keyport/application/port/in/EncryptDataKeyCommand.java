package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Arrays;
import java.util.Objects;

/** A data key the caller made (1 to 1,024 bytes), to be encrypted under a key with {@code context} authenticated. */
public record EncryptDataKeyCommand(Caller caller, KeyId keyId, byte[] dataKey, byte[] context) {

    public EncryptDataKeyCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
        dataKey = dataKey.clone();
        context = context == null ? new byte[0] : context.clone();
    }

    @Override
    public byte[] dataKey() {
        return dataKey.clone();
    }

    @Override
    public byte[] context() {
        return context.clone();
    }

    /** Overwrites this command's copy of the data key. */
    public void erase() {
        Arrays.fill(dataKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "EncryptDataKeyCommand[" + keyId + ", " + dataKey.length + " bytes]";
    }
}
