package dev.keyport.bench;

/** The operations measured; each vendor names them its own way ({@link KmsClient#label}). */
enum Op {
    DESCRIBE(1),
    ENCRYPT(1),
    /** GenerateDataKey / create-datakey: a 256-bit data key, its plaintext and ciphertext answered. */
    DATA_KEY(1),
    DECRYPT(1),
    /** DisableKey then EnableKey of the same key: two requests, so that each succeeds. */
    DISABLE_ENABLE(2),
    /** DeleteImportedKeyMaterial then ImportKeyMaterial of the same key (the same material, a reused token). */
    CYCLE(2),
    CREATE(1),
    GET_PARAMETERS(1),
    LIST(1);

    private final int steps;

    Op(int steps) {
        this.steps = steps;
    }

    /** Requests per unit of work: 2 for the pairs. */
    int steps() {
        return steps;
    }
}
