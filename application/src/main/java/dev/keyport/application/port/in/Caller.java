package dev.keyport.application.port.in;

import dev.keyport.domain.KeyScope;
import dev.keyport.domain.LifecyclePolicy;
import java.util.Objects;

/**
 * Who asks, as an adapter established it: the scope the request acts in (tenant and region), the credential it was
 * signed with, the request id the vendor's client will see, and the rules of the protocol it came in by (where
 * the vendors disagree). The audit trail records the first three.
 */
public record Caller(KeyScope scope, String credentialId, String requestId, LifecyclePolicy policy) {

    public Caller {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(credentialId, "credential id");
        Objects.requireNonNull(requestId, "request id");
        Objects.requireNonNull(policy, "policy");
    }

    /** A caller for an embedding program or a test, with no credential of its own and the neutral policy. */
    public static Caller embedded(KeyScope scope, String requestId) {
        return new Caller(scope, "embedded", requestId, LifecyclePolicy.NEUTRAL);
    }

    /** The same caller under another protocol's rules. */
    public Caller withPolicy(LifecyclePolicy other) {
        return new Caller(scope, credentialId, requestId, other);
    }
}
