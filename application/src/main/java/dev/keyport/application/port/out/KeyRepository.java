package dev.keyport.application.port.out;

import dev.keyport.domain.AliasAlreadyExistsException;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one port for the CMK aggregate. Every method is called inside a {@link TransactionBoundary}. Implementations
 * hand out independent copies and keep none of the keys they are given: changing a loaded key changes nothing stored
 * until {@link #update} is called, and the unit of work {@linkplain Cmk#discard discards} every key it is done with.
 */
public interface KeyRepository {

    /** The key with this id in this scope; a key of another scope is not found. */
    Optional<Cmk> find(KeyScope scope, KeyId id);

    /**
     * Stores a new key.
     *
     * @throws AliasAlreadyExistsException when another key in the scope has the alias
     */
    void add(Cmk key);

    /**
     * Stores new keys together, each as {@link #add} stores one, in one batch: all of them, or — when this throws —
     * none.
     *
     * @throws AliasAlreadyExistsException naming the first key whose alias another key of its scope has, stored or
     *                                     earlier in {@code keys}
     * @throws ConcurrentKeyChangeException when a key of one of their ids is stored already — by another server
     *                                      sharing the store, since the caller looked the ids up
     *                                      ({@link #findStored}): the caller runs its unit of work again
     */
    void addAll(List<Cmk> keys);

    /** Which of {@code ids} are stored, in whichever scope: one look-up for a batch of ids. */
    List<KeyRef> findStored(Collection<KeyId> ids);

    /**
     * Stores a changed key.
     *
     * @throws ConcurrentKeyChangeException when the stored key is no longer at the version {@code key} was loaded at
     * @throws dev.keyport.domain.AliasAlreadyExistsException when its alias changed to one another key of the scope has
     */
    void update(Cmk key);

    /**
     * Removes a key for good (its deletion date has passed).
     *
     * @throws ConcurrentKeyChangeException when the stored key is no longer at the version {@code key} was loaded at
     */
    void remove(Cmk key);

    /** One page of the keys of a scope that match the query, as seen at {@link KeyQuery#now()}. */
    KeyPage list(KeyScope scope, KeyQuery query);

    /** Keys whose imported material has an expiry at or before {@code now} and is still held; at most {@code limit}. */
    List<KeyRef> findMaterialExpiryDue(Instant now, int limit);

    /** Keys pending deletion whose deletion date is at or before {@code now}; at most {@code limit}. */
    List<KeyRef> findPurgeDue(Instant now, int limit);

    /**
     * Removes import grants (wrapping keys and token digests) that expired at or before {@code now}, from keys nobody
     * has touched since. An expired grant is useless: the aggregate drops it on its next change anyway.
     *
     * @return how many were removed
     */
    int removeExpiredGrants(Instant now);
}
