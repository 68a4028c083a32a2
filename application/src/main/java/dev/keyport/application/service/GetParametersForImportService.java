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

    private final KeyUnitOfWork unitOfWork;
    private final WrappingKeySource wrappingKeys;
    private final SecureRandom random;

    public GetParametersForImportService(KeyUnitOfWork unitOfWork, WrappingKeySource wrappingKeys,
                                         SecureRandom random) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unit of work");
        this.wrappingKeys = Objects.requireNonNull(wrappingKeys, "wrapping keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public ImportParameters getParametersForImport(GetParametersForImportCommand c) {
        return unitOfWork.change(c.caller(), c.keyId(), KeyOperation.GET_IMPORT_PARAMETERS, (key, now) -> {
            // taken inside the attempt: a retried attempt must not reuse a pair another attempt handed out
            WrappingKeyPair pair = wrappingKeys.take(c.spec());
            return key.issueImportParameters(pair, c.algorithm(), now, random);
        });
    }
}
