package dev.keyport.bench;

import java.util.List;

/**
 * The keys of one API that a run works on, made in setup.
 *
 * @param keyport     Enabled keys of Keyport's (or the peer's) own material: describe, encrypt, disable/enable
 * @param ciphertexts one ciphertext per key of the first keyport keys, for decrypt
 * @param cycle       EXTERNAL keys with material imported, and what re-imports it: the delete + import cycle
 * @param parameters  EXTERNAL keys pending import: GetParametersForImport (apart from the cycle's keys, so that
 *                    new tokens never push out the ones the cycle reuses; at most 10 are kept per key)
 */
record KeySet(List<String> keyport, List<String> ciphertexts, List<Imported> cycle, List<String> parameters) {

    /** A key whose material the cycle deletes and imports again: its token (reusable until it expires) and the
     * material wrapped under that token's public key. */
    record Imported(String keyId, String token, String wrappedMaterial) {
    }

    int total() {
        return keyport.size() + cycle.size() + parameters.size();
    }
}
