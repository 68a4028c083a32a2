package dev.keyport.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyport.application.port.out.KeyQuery;
import dev.keyport.application.port.out.KeyRef;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.MaterialExpiry;
import dev.keyport.domain.Origin;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link MaterialExpirySql} says what {@link MaterialExpiry} says, on every combination of origin, stored state,
 * material held or not, and expiry (none, before, at or after now) — including combinations the aggregate never
 * stores — both as bare expressions and as the store's list, count and sweep use them.
 */
abstract class MaterialExpirySqlContract {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<Instant> EXPIRIES = Arrays.asList(null, NOW.minusMillis(1), NOW, NOW.plusMillis(1));

    private JdbcStore store;

    /** A new, empty database. */
    abstract JdbcStoreConfig database();

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    /** One stored key row: what the columns say, and what the domain makes of them at {@link #NOW}. */
    private record Row(KeyId id, Origin origin, KeyState state, boolean hasMaterial, Instant expiresAt) {

        boolean due() {
            return MaterialExpiry.isDue(origin, hasMaterial, expiresAt, NOW);
        }

        KeyState stateAt() {
            return MaterialExpiry.stateAt(origin, state, hasMaterial, expiresAt, NOW);
        }
    }

    @Test
    void theSqlAndTheDomainAgreeOnEveryOriginStateMaterialAndExpiry() throws SQLException {
        store = JdbcStore.open(database(), TestDatabases.RANDOM);
        KeyScope scope = KeyScope.of("tenant-expiry", "ap-guangzhou");
        List<Row> rows = new ArrayList<>();
        for (Origin origin : Origin.values()) {
            for (KeyState state : KeyState.values()) {
                for (boolean hasMaterial : new boolean[] {false, true}) {
                    for (Instant expiresAt : EXPIRIES) {
                        rows.add(new Row(KeyId.from(UUID.randomUUID()), origin, state, hasMaterial, expiresAt));
                    }
                }
            }
        }
        insert(scope, rows);
        assertThat(rows).hasSize(Origin.values().length * KeyState.values().length * 2 * EXPIRIES.size());
        assertThat(rows).as("the combinations cover both answers").anyMatch(Row::due).anyMatch(r -> !r.due());

        Map<String, List<Object>> bare = Jdbi.create(store.dataSource()).withHandle(h -> h.createQuery(
                        "SELECT key_id, %s AS effective_state, %s AS due FROM cmk".formatted(
                                MaterialExpirySql.EFFECTIVE_STATE, MaterialExpirySql.DUE))
                .bind("now", NOW.toEpochMilli())
                .map((rs, ctx) -> List.<Object>of(rs.getString("key_id"), rs.getString("effective_state"),
                        rs.getBoolean("due")))
                .list()).stream().collect(Collectors.toMap(r -> (String) r.get(0), Function.identity()));
        Map<KeyId, KeyView> listed = store.transactions().inTransaction(() -> store.keys().list(scope,
                KeyQuery.all(NOW))).keys().stream().collect(Collectors.toMap(KeyView::id, Function.identity()));
        List<KeyId> sweptForExpiry = store.transactions().inTransaction(() -> store.keys()
                .findMaterialExpiryDue(NOW, KeyQuery.MAX_LIMIT)).stream().map(KeyRef::id).toList();

        for (Row row : rows) {
            List<Object> sql = bare.get(row.id().value());
            assertThat(sql.get(1)).as("EFFECTIVE_STATE of %s", row).isEqualTo(row.stateAt().name());
            assertThat(sql.get(2)).as("DUE of %s", row).isEqualTo(row.due());
            KeyView view = listed.get(row.id());
            assertThat(view.state()).as("listed state of %s", row).isEqualTo(row.stateAt());
            assertThat(view.materialExpiresAt()).as("listed expiry of %s", row)
                    .isEqualTo(row.due() ? Optional.empty() : Optional.ofNullable(row.expiresAt()));
            assertThat(sweptForExpiry.contains(row.id())).as("swept for expiry: %s", row).isEqualTo(row.due());
        }
        Map<KeyState, Long> counted = new EnumMap<>(KeyState.class);
        rows.forEach(row -> counted.merge(row.stateAt(), 1L, Long::sum));
        assertThat(store.keysByState(NOW)).isEqualTo(counted);
    }

    private void insert(KeyScope scope, List<Row> rows) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO cmk (key_id, tenant_id, region, alias, description, key_usage, origin, state, created_at,
                                 has_material, material_expires_at, deletion_date, version)
                VALUES (?, ?, ?, ?, '', 'ENCRYPT_DECRYPT', ?, ?, ?, ?, ?, ?, 1)""")) {
            int n = 0;
            for (Row row : rows) {
                s.setString(1, row.id().value());
                s.setString(2, scope.tenant().value());
                s.setString(3, scope.region().value());
                s.setString(4, "expiry-" + n++);
                s.setString(5, row.origin().name());
                s.setString(6, row.state().name());
                s.setLong(7, NOW.minus(Duration.ofDays(1)).toEpochMilli());
                s.setBoolean(8, row.hasMaterial());
                if (row.expiresAt() == null) {
                    s.setNull(9, Types.BIGINT);
                } else {
                    s.setLong(9, row.expiresAt().toEpochMilli());
                }
                // a key pending deletion has a date, in the future here so that every read still sees it
                if (row.state() == KeyState.PENDING_DELETE) {
                    s.setLong(10, NOW.plus(Duration.ofDays(7)).toEpochMilli());
                } else {
                    s.setNull(10, Types.BIGINT);
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
