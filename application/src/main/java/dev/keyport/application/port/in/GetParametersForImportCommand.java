package dev.keyport.application.port.in;

import dev.keyport.domain.KeyId;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.util.Objects;

public record GetParametersForImportCommand(Caller caller, KeyId keyId, WrappingAlgorithm algorithm,
                                            WrappingKeySpec spec) {

    public GetParametersForImportCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(keyId, "key id");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(spec, "spec");
    }
}
