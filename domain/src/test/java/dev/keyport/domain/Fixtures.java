package dev.keyport.domain;

import static dev.keyport.domain.testing.TestKeys.T0;
import static dev.keyport.domain.testing.TestKeys.external;
import static dev.keyport.domain.testing.TestKeys.externalWith;
import static dev.keyport.domain.testing.TestKeys.generated;
import static dev.keyport.domain.testing.TestKeys.randomMaterial;

/**
 * The subjects of the state x operation tables: one key in each origin and state, made with {@link TestKeys}.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** A key made for a test, with the material it holds (null when it never had imported material). */
    record Made(Cmk key, byte[] material) {
    }

    enum Subject {
        EXTERNAL_PENDING_IMPORT(Origin.EXTERNAL, KeyState.PENDING_IMPORT),
        EXTERNAL_ENABLED(Origin.EXTERNAL, KeyState.ENABLED),
        EXTERNAL_DISABLED(Origin.EXTERNAL, KeyState.DISABLED),
        EXTERNAL_PENDING_DELETE_WITH_MATERIAL(Origin.EXTERNAL, KeyState.PENDING_DELETE),
        EXTERNAL_PENDING_DELETE_WITHOUT_MATERIAL(Origin.EXTERNAL, KeyState.PENDING_DELETE),
        GENERATED_ENABLED(Origin.KEYPORT, KeyState.ENABLED),
        GENERATED_DISABLED(Origin.KEYPORT, KeyState.DISABLED),
        GENERATED_PENDING_DELETE(Origin.KEYPORT, KeyState.PENDING_DELETE);

        final Origin origin;
        final KeyState state;

        Subject(Origin origin, KeyState state) {
            this.origin = origin;
            this.state = state;
        }

        Made make() {
            byte[] material = origin == Origin.EXTERNAL && this != EXTERNAL_PENDING_IMPORT
                    && this != EXTERNAL_PENDING_DELETE_WITHOUT_MATERIAL ? randomMaterial(32) : null;
            Cmk key = switch (this) {
                case EXTERNAL_PENDING_IMPORT -> external();
                case EXTERNAL_ENABLED -> externalWith(material);
                case EXTERNAL_DISABLED -> {
                    Cmk k = externalWith(material);
                    k.disable(T0);
                    yield k;
                }
                case EXTERNAL_PENDING_DELETE_WITH_MATERIAL -> {
                    Cmk k = externalWith(material);
                    k.disable(T0);
                    k.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
                    yield k;
                }
                case EXTERNAL_PENDING_DELETE_WITHOUT_MATERIAL -> {
                    Cmk k = external();
                    k.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
                    yield k;
                }
                case GENERATED_ENABLED -> generated();
                case GENERATED_DISABLED -> {
                    Cmk k = generated();
                    k.disable(T0);
                    yield k;
                }
                case GENERATED_PENDING_DELETE -> {
                    Cmk k = generated();
                    k.disable(T0);
                    k.scheduleDeletion(7, LifecyclePolicy.TENCENT, T0);
                    yield k;
                }
            };
            key.drainEvents();
            if (key.state() != state || key.origin() != origin) {
                throw new IllegalStateException("fixture " + this + " made " + key);
            }
            return new Made(key, material);
        }
    }
}
