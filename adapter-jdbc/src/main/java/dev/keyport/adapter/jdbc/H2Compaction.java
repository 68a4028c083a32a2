package dev.keyport.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded H2 file near the size of its live data while the database is open. H2 writes every change as
 * new pages at the end of the file, copy on write, and the pages they replace leave holes; its background
 * housekeeping fills them too slowly under a steady stream of small commits (the file grew by tens of kilobytes per
 * change). So every {@link #PERIOD_MS} ms this rewrites the live pages of the sparsest chunks, at most
 * {@link #WRITE_LIMIT} bytes at a time, whenever the chunks are less than {@link #TARGET_FILL_RATE}% full; the chunks
 * left empty are reused. What it rewrites is made durable by the next group commit like any change.
 */
final class H2Compaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    static final int PERIOD_MS = 100;
    static final int TARGET_FILL_RATE = 70;
    static final int WRITE_LIMIT = 512 * 1024;

    private final DataSource dataSource;
    private final ScheduledExecutorService timer;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private volatile boolean warned;
    /** null until the first step has looked it up; empty when the database has no file store. */
    private volatile Optional<MVStore> store;

    private H2Compaction(DataSource dataSource) {
        this.dataSource = dataSource;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "keyport-h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::compactOnce, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    static H2Compaction start(DataSource dataSource) {
        return new H2Compaction(dataSource);
    }

    /** One step: rewrites the sparsest chunks when the store is fragmented. */
    void compactOnce() {
        long start = System.nanoTime();
        try {
            store().ifPresent(store -> {
                if (!store.isClosed()) {
                    store.compact(TARGET_FILL_RATE, WRITE_LIMIT);
                }
            });
            runs.incrementAndGet();
        } catch (SQLException | RuntimeException e) {
            if (!warned) { // the database is closing, or gone: the next step tries again
                warned = true;
                LOG.atWarn().addKeyValue("error", e.getClass().getSimpleName()).log("H2 compaction step failed");
            }
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    /**
     * The database's store, found once through a pooled connection and then kept (it lives as long as the database),
     * so that a step never waits for a connection that requests need; looked up again if H2 closed and reopened it.
     */
    private Optional<MVStore> store() throws SQLException {
        Optional<MVStore> known = store;
        if (known == null || known.filter(MVStore::isClosed).isPresent()) { // first step, or the database reopened
            try (Connection connection = dataSource.getConnection()) {
                known = H2Engine.fileStore(connection);
            }
            store = known;
        }
        return known;
    }

    long runs() {
        return runs.get();
    }

    long nanos() {
        return nanos.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
