package dev.keyport.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.mvstore.MVStore;

/**
 * The flush of {@link GroupCommit} on an embedded H2 database: every transaction committed so far is written to the
 * file, and with {@code fsync} forced to the device.
 *
 * <p>H2 with a write delay keeps committed changes in memory and writes them from its background thread, and any
 * thread may hand a write to H2's own writer queue. So a flush first stores what is unsaved, synchronously
 * ({@link MVStore#commit()}), then waits for any store another thread began before it
 * ({@link MVStore#executeFilestoreOperation}, which drains H2's serialization and write queues under the store lock):
 * when both return, every change committed before the flush began is in the file. {@code H2DurabilityIT} kills
 * writers mid-stream to check the promise.
 */
final class H2Flush implements GroupCommit.Flush {

    private final DataSource dataSource;
    private final boolean fsync;

    private H2Flush(DataSource dataSource, boolean fsync) {
        this.dataSource = dataSource;
        this.fsync = fsync;
    }

    /** The flush for this data source, when it is an embedded H2 database kept in a file. */
    static Optional<H2Flush> of(DataSource dataSource, boolean fsync) {
        try (Connection connection = dataSource.getConnection()) {
            return H2Engine.fileStore(connection).map(store -> new H2Flush(dataSource, fsync));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the database to find its store", e);
        }
    }

    @Override
    public void run() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = H2Engine.fileStore(connection)
                    .orElseThrow(() -> new IllegalStateException("the H2 store is gone"));
            store.commit();
            store.executeFilestoreOperation(() -> {
            });
            if (fsync) {
                store.sync();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database could not be flushed", e);
        }
    }
}
