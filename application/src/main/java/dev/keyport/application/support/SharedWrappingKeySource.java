package dev.keyport.application.support;

import dev.keyport.application.port.out.WrappingKeySource;
import dev.keyport.application.port.out.WrappingKeyUse;
import dev.keyport.domain.WrappingKeyPair;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands one wrapping key pair to several import tokens of one {@link WrappingKeyUse} — the same tenant, region, spec
 * and algorithm, never another — within the bounds of a {@link WrappingKeySharing}: at most so many tokens, issued
 * within so long of the first. A use whose pair has reached either bound gets a new pair from {@code fresh}, the
 * source of unassigned pairs (typically a {@link PregeneratedWrappingKeySource}, whose stock belongs to no tenant), and
 * the old pair is no longer referenced here: its private key then lives on only in the grants that hold it, each of
 * which expires 24 hours after its own token.
 *
 * <p>When {@code fresh} has to generate (its stock is empty), only the requests of that one use wait, and for that
 * one generation: they then share its pair, rather than each generating its own. Requests of other uses do not wait.
 *
 * <p>Time comes from the callers ({@code now} of each {@link #take}); a retired pair of a use that asks for nothing
 * more is dropped by {@link #forgetRetired}, which {@link #take} calls at most once a second and a server may call on
 * a schedule.
 */
public final class SharedWrappingKeySource implements WrappingKeySource {

    private final WrappingKeySource fresh;
    private final WrappingKeySharing sharing;
    private final ConcurrentMap<WrappingKeyUse, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextForget = new AtomicReference<>(Instant.MIN);

    public SharedWrappingKeySource(WrappingKeySource fresh, WrappingKeySharing sharing) {
        this.fresh = Objects.requireNonNull(fresh, "fresh pairs");
        this.sharing = Objects.requireNonNull(sharing, "sharing");
    }

    @Override
    public WrappingKeyPair take(WrappingKeyUse use, Instant now) {
        Objects.requireNonNull(use, "use");
        Objects.requireNonNull(now, "now");
        if (!sharing.shares(use.algorithm())) {
            return fresh.take(use, now);
        }
        forgetRetiredNowAndThen(now);
        while (true) {
            Slot slot = slots.computeIfAbsent(use, u -> new Slot());
            slot.lock.lock();
            try {
                if (slot.forgotten) {
                    continue; // dropped between the lookup and the lock: the map holds a new slot
                }
                if (slot.lease == null || !slot.lease.admits(now)) {
                    slot.lease = null;
                    slot.lease = new Lease(fresh.take(use, now), now);
                }
                return slot.lease.hand();
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /**
     * Drops every pair that has reached its bounds as of {@code now}, so that no use that asks for nothing more keeps
     * a pair referenced. A use that is taking a pair right now is left for its own {@link #take} to renew.
     */
    public void forgetRetired(Instant now) {
        Objects.requireNonNull(now, "now");
        for (Map.Entry<WrappingKeyUse, Slot> entry : slots.entrySet()) {
            Slot slot = entry.getValue();
            if (!slot.lock.tryLock()) {
                continue;
            }
            try {
                if (slot.lease == null || !slot.lease.admits(now)) {
                    slot.lease = null;
                    slot.forgotten = true;
                    slots.remove(entry.getKey(), slot);
                }
            } finally {
                slot.lock.unlock();
            }
        }
    }

    /** How many pairs are held for uses now, each still to be handed out or waiting to be forgotten. */
    public int pairsHeld() {
        return (int) slots.values().stream().filter(slot -> slot.lease != null).count();
    }

    private void forgetRetiredNowAndThen(Instant now) {
        Instant due = nextForget.get();
        if (!now.isBefore(due) && nextForget.compareAndSet(due, now.plusSeconds(1))) {
            forgetRetired(now);
        }
    }

    /** The pair one use is being handed; its lock makes the requests of that use wait for one new pair at most. */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        /** Guarded by {@link #lock}; read without it only by {@link #pairsHeld}. */
        volatile Lease lease;
        boolean forgotten;
    }

    private final class Lease {
        private final WrappingKeyPair pair;
        private final Instant first;
        private int handed;

        Lease(WrappingKeyPair pair, Instant first) {
            this.pair = Objects.requireNonNull(pair, "pair");
            this.first = first;
        }

        boolean admits(Instant now) {
            return sharing.admits(handed, first, now);
        }

        WrappingKeyPair hand() {
            handed++;
            return pair;
        }
    }
}
