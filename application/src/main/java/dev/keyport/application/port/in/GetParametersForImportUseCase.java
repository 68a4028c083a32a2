package dev.keyport.application.port.in;

import dev.keyport.domain.ImportParameters;

/** Issues a fresh RSA wrapping key and an import token for an EXTERNAL key, valid for 24 hours. */
public interface GetParametersForImportUseCase {

    ImportParameters getParametersForImport(GetParametersForImportCommand command);
}
