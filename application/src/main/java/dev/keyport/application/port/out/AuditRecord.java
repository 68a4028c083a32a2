package dev.keyport.application.port.out;

import dev.keyport.domain.ChangeReason;
import dev.keyport.domain.DomainErrorCode;
import dev.keyport.domain.KeyChange;
import dev.keyport.domain.KeyEvent;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyOperation;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit trail: a change that happened, or an operation that was refused.
 *
 * @param keyId        empty only for a refused creation
 * @param change       empty for a refusal and for a use that changes nothing (a data key made)
 * @param from         the state before; empty for a creation or a refusal
 * @param to           the state after; for a refusal, the state the key was left in, when known
 * @param credentialId the credential the caller signed with, or the name of the background job
 * @param error        the refusal's code; empty for a change
 * @param keyVersion   the version of the key this change produced, which orders the changes of one key; for a use,
 *                     the version it was used at; 0 for a refusal
 */
public record AuditRecord(Instant at, KeyScope scope, Optional<KeyId> keyId, KeyOperation operation,
                          Optional<KeyChange> change, Optional<KeyState> from, Optional<KeyState> to,
                          ChangeReason reason, String detail, String credentialId, String requestId,
                          Outcome outcome, Optional<DomainErrorCode> error, long keyVersion) {

    public enum Outcome {
        SUCCEEDED,
        REFUSED
    }

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(credentialId, "credential id");
        Objects.requireNonNull(requestId, "request id");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditRecord changed(KeyEvent event, KeyScope scope, KeyOperation operation, String credentialId,
                                      String requestId, long keyVersion) {
        return new AuditRecord(event.at(), scope, Optional.of(event.keyId()), operation, Optional.of(event.change()),
                Optional.ofNullable(event.from()), Optional.of(event.to()), event.reason(), event.detail(),
                credentialId, requestId, Outcome.SUCCEEDED, Optional.empty(), keyVersion);
    }

    /**
     * A use of a key that changed nothing stored but is recorded (the data-key operations): no change, the key's
     * state as before and after, and its version as it stands.
     */
    public static AuditRecord used(Instant at, KeyScope scope, KeyId keyId, KeyOperation operation, KeyState state,
                                   String detail, String credentialId, String requestId, long keyVersion) {
        return new AuditRecord(at, scope, Optional.of(keyId), operation, Optional.empty(), Optional.of(state),
                Optional.of(state), ChangeReason.REQUESTED, detail, credentialId, requestId, Outcome.SUCCEEDED,
                Optional.empty(), keyVersion);
    }

    public static AuditRecord refused(Instant at, KeyScope scope, Optional<KeyId> keyId, KeyOperation operation,
                                      Optional<KeyState> state, DomainErrorCode error, String credentialId,
                                      String requestId) {
        return new AuditRecord(at, scope, keyId, operation, Optional.empty(), Optional.empty(), state,
                ChangeReason.REQUESTED, "", credentialId, requestId, Outcome.REFUSED, Optional.of(error), 0);
    }
}
