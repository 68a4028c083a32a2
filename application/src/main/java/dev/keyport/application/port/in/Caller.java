package dev.keyport.application.port.in;

import dev.keyport.domain.KeyScope;
import java.util.Objects;

/**
 * Who asks, as an adapter established it: the scope the request acts in (tenant and region), the credential it was
 * signed with and the request id the vendor's client will see. The audit trail records all three.
 */
public record Caller(KeyScope scope, String credentialId, String requestId) {

    public Caller {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(credentialId, "credential id");
        Objects.requireNonNull(requestId, "request id");
    }

    /** A caller for an embedding program or a test, with no credential of its own. */
    public static Caller embedded(KeyScope scope, String requestId) {
        return new Caller(scope, "embedded", requestId);
    }
}
