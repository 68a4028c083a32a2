package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import java.util.Objects;

public record DescribeKeyCommand(Caller caller, KeyId keyId) {

    public DescribeKeyCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
    }
}
