package dev.keyport.domain;

/**
 * How a store hands the aggregate a secret it keeps sealed: the aggregate calls it only when it first needs the secret
 * (material to encrypt or decrypt, a wrapping private key to unwrap an import), so a use that needs no secret opens
 * none. It returns the secret's encoding in clear (material bytes, PKCS#8), which the domain erases once decoded.
 */
@FunctionalInterface
public interface SecretOpener {

    /** The secret in clear, in a new array that the caller owns and erases. */
    byte[] open();
}
