package dev.keyport.application.service;

import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.GetParametersForImportUseCase;
import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.domain.ImportParameters;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.WrappingKeyPair;
import java.security.SecureRandom;
import java.util.Objects;

public final class GetParametersForImportService implements GetParametersForImportUseCase {

    private final KeyOperations operations;
    private final WrappingKeySource wrappingKeys;
    private final SecureRandom random;

    public GetParametersForImportService(KeyOperations operations, WrappingKeySource wrappingKeys,
                                         SecureRandom random) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.wrappingKeys = Objects.requireNonNull(wrappingKeys, "wrapping keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public ImportParameters getParametersForImport(GetParametersForImportCommand c) {
        return operations.change(c.caller(), c.keyId(), KeyOperation.GET_IMPORT_PARAMETERS, (key, now) -> {
            // taken inside the attempt: a retried attempt must not reuse a pair another attempt handed out
            WrappingKeyPair pair = wrappingKeys.take(c.spec());
            return key.issueImportParameters(pair, c.algorithm(), now, random);
        });
    }
}
