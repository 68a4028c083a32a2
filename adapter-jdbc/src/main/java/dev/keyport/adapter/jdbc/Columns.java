package dev.keyport.adapter.jdbc;

import dev.keyport.domain.KeyScope;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The schema's forms of the domain's values: instants are epoch milliseconds, a scope is two columns. */
final class Columns {

    private Columns() {
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Long millis(Optional<Instant> instant) {
        return instant.map(Instant::toEpochMilli).orElse(null);
    }

    static KeyScope scope(ResultSet rs) throws SQLException {
        return new KeyScope(TenantId.of(rs.getString("tenant_id")), Region.of(rs.getString("region")));
    }
}
