package dev.keyport.application.port.in;

/**
 * Makes keys as a seed file describes them, a batch at a time, for a test suite or an operator to start from: each
 * key whose id is not stored yet is made in its final state by the domain ({@link dev.keyport.domain.Cmk#seed}), and
 * the batch is stored in one transaction with one audit record per key. A key whose id is stored already is left
 * alone, so the same file serves every restart; a refusal of any key stores nothing of its batch.
 */
public interface SeedKeysUseCase {

    SeedKeysResult seedKeys(SeedKeysCommand command);
}
