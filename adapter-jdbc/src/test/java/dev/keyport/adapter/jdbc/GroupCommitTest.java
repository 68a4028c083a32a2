package dev.keyport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A store whose flush makes durable exactly what had committed when the flush began. */
    private static final class FakeStore implements GroupCommit.Flush {
        final Set<Integer> committed = ConcurrentHashMap.newKeySet();
        final Set<Integer> durable = ConcurrentHashMap.newKeySet();
        final AtomicInteger flushes = new AtomicInteger();
        final AtomicBoolean failNext = new AtomicBoolean();
        final AtomicInteger running = new AtomicInteger();
        volatile int mostAtOnce;

        @Override
        public void run() {
            int now = running.incrementAndGet();
            mostAtOnce = Math.max(mostAtOnce, now);
            try {
                List<Integer> covered = new ArrayList<>(committed);
                Thread.onSpinWait();
                if (failNext.getAndSet(false)) {
                    throw new IllegalStateException("disk full");
                }
                flushes.incrementAndGet();
                durable.addAll(covered);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    @Test
    void aCommitIsReportedOnlyOnceAFlushThatBeganAfterItHasFinished() throws Exception {
        FakeStore store = new FakeStore();
        GroupCommit group = new GroupCommit(store);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Integer> notDurableWhenReported = new ArrayList<>();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        int transaction = thread * 1000 + i;
                        store.committed.add(transaction);
                        group.awaitDurable();
                        if (!store.durable.contains(transaction)) {
                            synchronized (notDurableWhenReported) {
                                notDurableWhenReported.add(transaction);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(notDurableWhenReported).isEmpty();
        assertThat(store.mostAtOnce).as("one flush at a time").isEqualTo(1);
        assertThat(group.transactions()).isEqualTo(8000);
        assertThat(group.flushes()).isEqualTo(store.flushes.get()).isBetween(1L, 8000L);
    }

    @Test
    void oneThreadAloneFlushesForEachCommit() {
        FakeStore store = new FakeStore();
        GroupCommit group = new GroupCommit(store);
        for (int i = 0; i < 3; i++) {
            store.committed.add(i);
            group.awaitDurable();
            assertThat(store.durable).contains(i);
        }
        assertThat(group.flushes()).isEqualTo(3);
    }

    @Test
    void aFailedFlushCoversNobodyAndTheNextWaiterFlushesAgain() throws Exception {
        FakeStore store = new FakeStore();
        GroupCommit group = new GroupCommit(store);
        store.committed.add(1);
        store.failNext.set(true);
        assertThatThrownBy(group::awaitDurable).hasMessage("disk full");
        assertThat(store.durable).isEmpty();

        CountDownLatch reported = new CountDownLatch(1);
        Thread next = new Thread(() -> {
            store.committed.add(2);
            group.awaitDurable();
            reported.countDown();
        });
        next.start();
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store.durable).containsExactlyInAnyOrder(1, 2);
        assertThat(group.flushes()).isEqualTo(1);
    }
}
