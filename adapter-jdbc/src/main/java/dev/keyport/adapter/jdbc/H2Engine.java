package dev.keyport.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * The one place that reaches into H2's engine: the {@link MVStore} behind an embedded database's connection. SQL offers
 * neither a flush that waits for H2's own background writes ({@link H2Flush}) nor a compaction while the database is
 * open ({@link H2Compaction}); the MVStore, a documented API of its own, offers both. A change of H2 that moves these
 * classes fails the build here.
 */
final class H2Engine {

    private H2Engine() {
    }

    /** The store of an embedded H2 database kept in a file; empty for another database or an in-memory one. */
    static Optional<MVStore> fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
            return Optional.empty(); // a database served by another process, or one H2 keeps without an MVStore
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? Optional.empty() : Optional.of(store);
    }
}
