package dev.keyport.adapter.jdbc;

import dev.keyport.domain.KeyScope;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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

    /** An optional instant as epoch milliseconds, or SQL NULL. */
    static void setMillis(PreparedStatement statement, int index, Optional<Instant> instant) throws SQLException {
        if (instant.isPresent()) {
            statement.setLong(index, instant.get().toEpochMilli());
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }

    /** Bytes, or SQL NULL. */
    static void setBytes(PreparedStatement statement, int index, byte[] bytes) throws SQLException {
        if (bytes != null) {
            statement.setBytes(index, bytes);
        } else {
            statement.setNull(index, Types.VARBINARY);
        }
    }

    /** Text, or SQL NULL. */
    static void setString(PreparedStatement statement, int index, String text) throws SQLException {
        if (text != null) {
            statement.setString(index, text);
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    static KeyScope scope(ResultSet rs) throws SQLException {
        return new KeyScope(TenantId.of(rs.getString("tenant_id")), Region.of(rs.getString("region")));
    }
}
