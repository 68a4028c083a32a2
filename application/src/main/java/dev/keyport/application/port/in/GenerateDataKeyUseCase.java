package dev.keyport.application.port.in;

/** A data key of 1 to 1,024 random bytes under an Enabled key, recorded in the audit trail without its plaintext. */
public interface GenerateDataKeyUseCase {

    GenerateDataKeyResult generateDataKey(GenerateDataKeyCommand command);
}
