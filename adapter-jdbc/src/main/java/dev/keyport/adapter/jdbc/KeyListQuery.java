package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.KeyPage;
import dev.keyport.application.port.out.KeyQuery;
import dev.keyport.domain.Alias;
import dev.keyport.domain.Description;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.Origin;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * ListKeys as a query: the filters (state as of now, origin, usage, alias or id substring), the order and the page run
 * in the database, over the key rows alone — no child row and no secret is read.
 */
final class KeyListQuery {

    /** Keys every read still sees as of {@code :now}: one past its deletion date is gone before the purge runs. */
    static final String NOT_PAST_DELETION = "NOT (state = 'PENDING_DELETE' AND deletion_date <= :now)";

    private KeyListQuery() {
    }

    static KeyPage page(Handle h, KeyScope scope, KeyQuery query) {
        if (query.search().filter(KeyListQuery::unstorable).isPresent()) {
            return new KeyPage(List.of(), 0); // no alias or id holds it, and PostgreSQL refuses to compare it
        }
        String from = """
                FROM (SELECT c.*, %s AS effective_state, %s AS material_expired FROM cmk c
                      WHERE tenant_id = :tenant AND region = :region AND %s) k
                WHERE effective_state IN (<states>)""".formatted(MaterialExpirySql.EFFECTIVE_STATE,
                MaterialExpirySql.DUE, NOT_PAST_DELETION)
                + (query.origin().isPresent() ? " AND origin = :origin" : "")
                + (query.usage().isPresent() ? " AND key_usage = :usage" : "")
                + (query.search().isPresent()
                ? " AND (LOWER(alias) LIKE :pattern ESCAPE '!' OR key_id LIKE :pattern ESCAPE '!')" : "");
        String order = query.newestFirst() ? "DESC" : "ASC";
        long total = bindFilters(h.createQuery("SELECT COUNT(*) " + from), scope, query).mapTo(Long.class).one();
        List<KeyView> keys = bindFilters(h.createQuery("SELECT * " + from
                        + " ORDER BY created_at " + order + ", key_id " + order + " LIMIT :limit OFFSET :offset"),
                scope, query)
                .bind("limit", query.limit())
                .bind("offset", query.offset())
                .map((rs, ctx) -> view(rs))
                .list();
        return new KeyPage(keys, total);
    }

    /** Text that no column can hold: U+0000 (PostgreSQL refuses it in text) or a lone surrogate (not UTF-8). */
    private static boolean unstorable(String text) {
        return text.indexOf('\u0000') >= 0 || !StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    private static Query bindFilters(Query q, KeyScope scope, KeyQuery query) {
        q.bind("tenant", scope.tenant().value())
                .bind("region", scope.region().value())
                .bind("now", query.now().toEpochMilli())
                .bindList("states", query.states().stream().map(Enum::name).sorted().toList());
        query.origin().ifPresent(origin -> q.bind("origin", origin.name()));
        query.usage().ifPresent(usage -> q.bind("usage", usage.name()));
        query.search().ifPresent(text -> q.bind("pattern", "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%"));
        return q;
    }

    /** '!' is the escape character: a backslash would be read differently by Jdbi's parser and the databases. */
    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** The key as seen at {@code :now}: the state as the material expiry makes it, no expiry once it has passed. */
    private static KeyView view(ResultSet rs) throws SQLException {
        return new KeyView(KeyId.of(rs.getString("key_id")), Columns.scope(rs),
                Alias.of(rs.getString("alias")), Description.of(rs.getString("description")),
                KeyUsage.valueOf(rs.getString("key_usage")), Origin.valueOf(rs.getString("origin")),
                KeyState.valueOf(rs.getString("effective_state")), Columns.instant(rs, "created_at"),
                rs.getBoolean("material_expired") ? Optional.empty()
                        : Optional.ofNullable(Columns.instant(rs, "material_expires_at")),
                Optional.ofNullable(Columns.instant(rs, "deletion_date")));
    }
}
