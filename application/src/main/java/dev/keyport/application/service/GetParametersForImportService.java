package dev.keyport.application.service;

import dev.keyport.application.port.in.GetParametersForImportCommand;
import dev.keyport.application.port.in.GetParametersForImportUseCase;
import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.application.port.out.WrappingKeyUse;
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
            // taken inside the attempt, at its time: the source checks a shared pair's window against the very time
            // the grant is issued at, and counts every attempt as a token, so a retry can only retire a pair sooner
            // (a retry may get the pair the rolled-back attempt got: that attempt's grant and token never existed)
            WrappingKeyPair pair = wrappingKeys.take(new WrappingKeyUse(key.scope(), c.spec(), c.algorithm()),
                    now);
            return key.issueImportParameters(pair, c.algorithm(), now, random);
        });
    }
}
