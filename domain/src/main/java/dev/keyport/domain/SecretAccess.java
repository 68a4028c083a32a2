package dev.keyport.domain;

/**
 * The one gate in front of every accessor that hands out a secret in clear: the bytes of {@link KeyMaterial}, the
 * private key of a {@link WrappingKeyPair}. Such an accessor takes a {@code SecretAccess}, and the only way to get one
 * is {@link #get()}, called where the secret is read (never kept in a field): so
 * {@code grep -rn "SecretAccess.get()"} lists every place outside the domain that reads raw secret bytes. The same
 * idea as Tink's {@code SecretKeyAccess}.
 */
public final class SecretAccess {

    private static final SecretAccess INSTANCE = new SecretAccess();

    private SecretAccess() {
    }

    /** Access to a secret in clear. Call it at the point of use, so that a reviewer finds the use by this name. */
    public static SecretAccess get() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "SecretAccess";
    }
}
