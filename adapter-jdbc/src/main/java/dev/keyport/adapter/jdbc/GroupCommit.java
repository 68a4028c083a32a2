package dev.keyport.adapter.jdbc;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes committed transactions durable in groups: a transaction that wrote takes a ticket once its commit has
 * returned, and waits until a flush that began after that has finished. One waiter at a time runs the flush (the
 * leader); every transaction that committed before the flush began is covered by it, so under load one flush serves
 * many transactions. A caller is told its change succeeded only after this returns.
 *
 * <p>A flush that fails is not counted: its waiters stay uncovered, the leader's caller gets the failure, and the next
 * waiter tries again.
 */
final class GroupCommit {

    /** Writes every transaction committed so far to where it survives what the store promises. */
    interface Flush {
        void run();
    }

    private final Flush flush;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private long committed;
    private long durable;
    private boolean flushing;
    private long flushes;

    GroupCommit(Flush flush) {
        this.flush = flush;
    }

    /** Called once a transaction that wrote has committed: returns when it is durable. */
    void awaitDurable() {
        lock.lock();
        try {
            long ticket = ++committed;
            while (durable < ticket) {
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                long covered = committed;
                boolean done = false;
                lock.unlock();
                try {
                    flush.run();
                    done = true;
                } finally {
                    lock.lock();
                    flushing = false;
                    if (done) {
                        durable = Math.max(durable, covered);
                        flushes++;
                    }
                    flushed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** How many flushes have run, and how many transactions they made durable: their ratio is the group size. */
    long flushes() {
        lock.lock();
        try {
            return flushes;
        } finally {
            lock.unlock();
        }
    }

    /** Every transaction that asked is counted, made durable yet or not. */
    long transactions() {
        lock.lock();
        try {
            return committed;
        } finally {
            lock.unlock();
        }
    }
}
