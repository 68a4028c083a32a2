package dev.keyport.adapter.jdbc;

import dev.keyport.application.port.out.KeyPage;
import dev.keyport.application.port.out.KeyQuery;
import dev.keyport.application.port.out.KeyRef;
import dev.keyport.application.port.out.KeyRepository;
import dev.keyport.domain.Alias;
import dev.keyport.domain.AliasAlreadyExistsException;
import dev.keyport.domain.CloudResource;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.CmkSnapshot;
import dev.keyport.domain.ConcurrentKeyChangeException;
import dev.keyport.domain.Description;
import dev.keyport.domain.ImportGrant;
import dev.keyport.domain.KeyId;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.KeyScope;
import dev.keyport.domain.KeyState;
import dev.keyport.domain.KeyUsage;
import dev.keyport.domain.KeyView;
import dev.keyport.domain.MaterialFingerprint;
import dev.keyport.domain.Origin;
import dev.keyport.domain.Region;
import dev.keyport.domain.TenantId;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeyPair;
import dev.keyport.domain.WrappingKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The CMK aggregate in five tables. The key row carries a version for optimistic concurrency; material, wrapping
 * private keys are sealed by {@link Sealer} before they reach a column, and material lives in a row of its own that
 * is deleted with the material. Every method runs in the transaction of {@link JdbiTransactions}.
 */
public final class JdbcKeyRepository implements KeyRepository {

    static final String MATERIAL_COLUMN = "cmk_material.sealed";
    static final String PRIVATE_KEY_COLUMN = "import_grant.sealed_private_key";

    /** The state as seen at :now — what the domain's material expiry would make of the stored state. */
    static final String EFFECTIVE_STATE = """
            CASE WHEN origin = 'EXTERNAL' AND has_material AND material_expires_at IS NOT NULL
                      AND material_expires_at <= :now AND state <> 'PENDING_DELETE'
                 THEN 'PENDING_IMPORT' ELSE state END""";

    private final JdbiTransactions transactions;
    private final Sealer sealer;

    JdbcKeyRepository(JdbiTransactions transactions, Sealer sealer) {
        this.transactions = transactions;
        this.sealer = sealer;
    }

    // ------------------------------------------------------------------------------------------------- load

    @Override
    public Optional<Cmk> find(KeyScope scope, KeyId id) {
        JdbiTransactions.Scope tx = transactions.scope();
        Handle h = tx.handle();
        return translated(() -> h.createQuery("""
                        SELECT c.*, m.sealed FROM cmk c LEFT JOIN cmk_material m ON m.key_id = c.key_id
                        WHERE c.key_id = :id AND c.tenant_id = :tenant AND c.region = :region""")
                .bind("id", id.value())
                .bind("tenant", scope.tenant().value())
                .bind("region", scope.region().value())
                .map((rs, ctx) -> keyRow(rs))
                .findOne()
                .map(row -> {
                    CmkSnapshot snapshot = snapshot(h, row);
                    tx.loaded().put(id, snapshot);
                    return Cmk.rehydrate(snapshot);
                }));
    }

    /** The columns of a key row, before its children are read. */
    private record KeyRow(KeyId id, KeyScope scope, Alias alias, Description description, KeyUsage usage,
                          Origin origin, KeyState state, Instant createdAt, boolean hasMaterial, byte[] sealedMaterial,
                          Instant materialExpiresAt, Instant deletionDate, MaterialFingerprint fingerprint,
                          long version) {
    }

    private static KeyRow keyRow(ResultSet rs) throws SQLException {
        byte[] salt = rs.getBytes("fingerprint_salt");
        byte[] mac = rs.getBytes("fingerprint_mac");
        return new KeyRow(KeyId.of(rs.getString("key_id")),
                new KeyScope(TenantId.of(rs.getString("tenant_id")), Region.of(rs.getString("region"))),
                Alias.of(rs.getString("alias")), Description.of(rs.getString("description")),
                KeyUsage.valueOf(rs.getString("key_usage")), Origin.valueOf(rs.getString("origin")),
                KeyState.valueOf(rs.getString("state")), instant(rs, "created_at"), rs.getBoolean("has_material"),
                rs.getBytes("sealed"), instant(rs, "material_expires_at"), instant(rs, "deletion_date"),
                salt == null ? null : MaterialFingerprint.restore(salt, mac), rs.getLong("version"));
    }

    private CmkSnapshot snapshot(Handle h, KeyRow row) {
        String id = row.id().value();
        KeyMaterial material = null;
        if (row.hasMaterial()) {
            if (row.sealedMaterial() == null) {
                throw new IllegalStateException("key " + id + " has material, but no material row");
            }
            byte[] opened = sealer.open(row.sealedMaterial(), MATERIAL_COLUMN, id);
            try {
                material = KeyMaterial.of(opened);
            } finally {
                Arrays.fill(opened, (byte) 0);
            }
        }
        Set<CloudResource> bindings = Set.copyOf(h.createQuery("""
                        SELECT product_id, resource_id FROM cmk_binding WHERE key_id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new CloudResource(rs.getString("product_id"), rs.getString("resource_id")))
                .list());
        List<ImportGrant> grants = h.createQuery("SELECT * FROM import_grant WHERE key_id = :id ORDER BY issued_at")
                .bind("id", id)
                .map((rs, ctx) -> grant(rs, id))
                .list();
        try {
            return new CmkSnapshot(row.id(), row.scope(), row.alias(), row.description(), row.usage(), row.origin(),
                    row.createdAt(), row.state(), material, row.fingerprint(), row.materialExpiresAt(),
                    row.deletionDate(), bindings, grants, row.version());
        } finally {
            if (material != null) {
                material.erase();
            }
        }
    }

    private ImportGrant grant(ResultSet rs, String keyId) throws SQLException {
        String grantId = rs.getString("grant_id");
        byte[] privateKey = sealer.open(rs.getBytes("sealed_private_key"), PRIVATE_KEY_COLUMN, keyId + "/" + grantId);
        try {
            WrappingKeyPair pair = WrappingKeyPair.fromEncoded(WrappingKeySpec.valueOf(rs.getString("wrapping_key_spec")),
                    rs.getBytes("public_key"), privateKey);
            return new ImportGrant(grantId, pair, WrappingAlgorithm.valueOf(rs.getString("algorithm")),
                    instant(rs, "issued_at"), instant(rs, "expires_at"), rs.getBytes("token_digest"));
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    // ------------------------------------------------------------------------------------------------- store

    @Override
    public void add(Cmk key) {
        Handle h = transactions.handle();
        CmkSnapshot s = key.snapshot();
        translated(() -> {
            try {
                h.createUpdate("""
                                INSERT INTO cmk (key_id, tenant_id, region, alias, description, key_usage, origin, state,
                                                 created_at, has_material, material_expires_at, deletion_date,
                                                 fingerprint_salt, fingerprint_mac, version)
                                VALUES (:id, :tenant, :region, :alias, :description, :usage, :origin, :state,
                                        :createdAt, :hasMaterial, :expiresAt, :deletionDate, :salt, :mac, 1)""")
                        .bind("id", s.id().value())
                        .bind("tenant", s.scope().tenant().value())
                        .bind("region", s.scope().region().value())
                        .bind("alias", s.alias().value())
                        .bind("description", s.description().value())
                        .bind("usage", s.usage().name())
                        .bind("origin", s.origin().name())
                        .bind("createdAt", s.createdAt().toEpochMilli())
                        .bindMap(mutableColumns(s))
                        .execute();
            } catch (RuntimeException e) {
                if (StoreExceptions.isUniqueViolation(e, "cmk_alias_unique")) {
                    throw new AliasAlreadyExistsException(s.alias());
                }
                throw e;
            }
            writeChildren(h, s, Stored.NOTHING);
            return null;
        });
    }

    @Override
    public void update(Cmk key) {
        JdbiTransactions.Scope tx = transactions.scope();
        Handle h = tx.handle();
        CmkSnapshot s = key.snapshot();
        CmkSnapshot before = tx.loaded().get(s.id());
        translated(() -> {
            int updated = h.createUpdate("""
                            UPDATE cmk SET state = :state, has_material = :hasMaterial,
                                           material_expires_at = :expiresAt, deletion_date = :deletionDate,
                                           fingerprint_salt = :salt, fingerprint_mac = :mac, version = version + 1
                            WHERE key_id = :id AND tenant_id = :tenant AND region = :region AND version = :version""")
                    .bind("id", s.id().value())
                    .bind("tenant", s.scope().tenant().value())
                    .bind("region", s.scope().region().value())
                    .bind("version", s.version())
                    .bindMap(mutableColumns(s))
                    .execute();
            if (updated != 1) {
                throw new ConcurrentKeyChangeException(s.id());
            }
            // the row was at the version it was read at: what this transaction read of it is what is stored
            writeChildren(h, s, before != null && before.version() == s.version() ? Stored.of(before)
                    : Stored.read(h, s.id().value()));
            tx.loaded().put(s.id(), s.withVersion(s.version() + 1));
            return null;
        });
    }

    /** What the database holds of a key's children before a save writes them. */
    private record Stored(boolean material, Set<CloudResource> bindings, Set<String> grants) {

        static final Stored NOTHING = new Stored(false, Set.of(), Set.of());

        static Stored of(CmkSnapshot snapshot) {
            return new Stored(snapshot.hasMaterial(), snapshot.bindings(),
                    snapshot.grants().stream().map(ImportGrant::grantId).collect(Collectors.toSet()));
        }

        static Stored read(Handle h, String id) {
            boolean material = h.createQuery("SELECT COUNT(*) FROM cmk_material WHERE key_id = :id")
                    .bind("id", id).mapTo(Long.class).one() > 0;
            Set<CloudResource> bindings = Set.copyOf(h.createQuery("""
                            SELECT product_id, resource_id FROM cmk_binding WHERE key_id = :id""")
                    .bind("id", id)
                    .map((rs, ctx) -> new CloudResource(rs.getString("product_id"), rs.getString("resource_id")))
                    .list());
            Set<String> grants = Set.copyOf(h.createQuery("SELECT grant_id FROM import_grant WHERE key_id = :id")
                    .bind("id", id).mapTo(String.class).list());
            return new Stored(material, bindings, grants);
        }
    }

    @Override
    public void remove(Cmk key) {
        Handle h = transactions.handle();
        translated(() -> {
            int removed = h.createUpdate("""
                            DELETE FROM cmk WHERE key_id = :id AND tenant_id = :tenant AND region = :region
                                              AND version = :version""")
                    .bind("id", key.id().value())
                    .bind("tenant", key.scope().tenant().value())
                    .bind("region", key.scope().region().value())
                    .bind("version", key.version())
                    .execute();
            if (removed != 1) {
                throw new ConcurrentKeyChangeException(key.id());
            }
            return null;
        });
    }

    private static java.util.Map<String, Object> mutableColumns(CmkSnapshot s) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("state", s.state().name());
        columns.put("hasMaterial", s.hasMaterial());
        columns.put("expiresAt", millis(s.materialExpiresAt()));
        columns.put("deletionDate", millis(s.deletionDate()));
        columns.put("salt", s.fingerprint() == null ? null : s.fingerprint().salt());
        columns.put("mac", s.fingerprint() == null ? null : s.fingerprint().mac());
        return columns;
    }

    /**
     * Brings material, bindings and grants in line with the snapshot. Material never changes while present (a key is
     * bound to its first material), so it is written when it appears and deleted when it goes; grants never change
     * once issued.
     */
    private void writeChildren(Handle h, CmkSnapshot s, Stored stored) {
        String id = s.id().value();
        if (s.hasMaterial() && !stored.material()) {
            KeyMaterial material = s.material();
            byte[] bytes = material.copyBytes();
            try {
                h.createUpdate("INSERT INTO cmk_material (key_id, sealed) VALUES (:id, :sealed)")
                        .bind("id", id).bind("sealed", sealer.seal(bytes, MATERIAL_COLUMN, id)).execute();
            } finally {
                Arrays.fill(bytes, (byte) 0);
                material.erase();
            }
        } else if (!s.hasMaterial() && stored.material()) {
            h.createUpdate("DELETE FROM cmk_material WHERE key_id = :id").bind("id", id).execute();
        }
        for (CloudResource gone : difference(stored.bindings(), s.bindings())) {
            h.createUpdate("""
                            DELETE FROM cmk_binding WHERE key_id = :id AND product_id = :product
                                                      AND resource_id = :resource""")
                    .bind("id", id).bind("product", gone.productId()).bind("resource", gone.resourceId()).execute();
        }
        for (CloudResource added : difference(s.bindings(), stored.bindings())) {
            h.createUpdate("""
                            INSERT INTO cmk_binding (key_id, product_id, resource_id)
                            VALUES (:id, :product, :resource)""")
                    .bind("id", id).bind("product", added.productId()).bind("resource", added.resourceId()).execute();
        }
        Set<String> grantIds = s.grants().stream().map(ImportGrant::grantId).collect(Collectors.toSet());
        for (String gone : difference(stored.grants(), grantIds)) {
            h.createUpdate("DELETE FROM import_grant WHERE grant_id = :grant").bind("grant", gone).execute();
        }
        for (ImportGrant grant : s.grants()) {
            if (!stored.grants().contains(grant.grantId())) {
                insertGrant(h, id, grant);
            }
        }
    }

    private void insertGrant(Handle h, String keyId, ImportGrant grant) {
        byte[] privateKey = grant.wrappingKey().privateKeyPkcs8();
        try {
            h.createUpdate("""
                            INSERT INTO import_grant (grant_id, key_id, wrapping_key_spec, algorithm, public_key,
                                                      sealed_private_key, issued_at, expires_at, token_digest)
                            VALUES (:grant, :id, :spec, :algorithm, :publicKey, :privateKey, :issuedAt, :expiresAt,
                                    :digest)""")
                    .bind("grant", grant.grantId())
                    .bind("id", keyId)
                    .bind("spec", grant.wrappingKey().spec().name())
                    .bind("algorithm", grant.algorithm().name())
                    .bind("publicKey", grant.wrappingKey().publicKeyDer())
                    .bind("privateKey", sealer.seal(privateKey, PRIVATE_KEY_COLUMN, keyId + "/" + grant.grantId()))
                    .bind("issuedAt", grant.issuedAt().toEpochMilli())
                    .bind("expiresAt", grant.expiresAt().toEpochMilli())
                    .bind("digest", grant.tokenDigest())
                    .execute();
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        Set<T> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }

    // ------------------------------------------------------------------------------------------------- queries

    @Override
    public KeyPage list(KeyScope scope, KeyQuery query) {
        if (query.search().filter(JdbcKeyRepository::unstorable).isPresent()) {
            return new KeyPage(List.of(), 0); // no alias or id holds it, and PostgreSQL refuses to compare it
        }
        Handle h = transactions.handle();
        String where = """
                FROM (SELECT c.*, %s AS effective_state FROM cmk c
                      WHERE tenant_id = :tenant AND region = :region
                        AND NOT (state = 'PENDING_DELETE' AND deletion_date <= :now)) k
                WHERE effective_state IN (<states>)""".formatted(EFFECTIVE_STATE)
                + (query.origin().isPresent() ? " AND origin = :origin" : "")
                + (query.usage().isPresent() ? " AND key_usage = :usage" : "")
                + (query.search().isPresent()
                ? " AND (LOWER(alias) LIKE :pattern ESCAPE '!' OR key_id LIKE :pattern ESCAPE '!')" : "");
        String order = query.newestFirst() ? "DESC" : "ASC";
        return translated(() -> {
            long total = bindFilters(h.createQuery("SELECT COUNT(*) " + where), scope, query)
                    .mapTo(Long.class).one();
            List<KeyView> keys = bindFilters(h.createQuery("SELECT * " + where
                            + " ORDER BY created_at " + order + ", key_id " + order
                            + " LIMIT :limit OFFSET :offset"), scope, query)
                    .bind("limit", query.limit())
                    .bind("offset", query.offset())
                    .map((rs, ctx) -> view(rs))
                    .list();
            return new KeyPage(keys, total);
        });
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

    private static KeyView view(ResultSet rs) throws SQLException {
        KeyState effective = KeyState.valueOf(rs.getString("effective_state"));
        KeyState stored = KeyState.valueOf(rs.getString("state"));
        boolean expired = effective != stored;
        return new KeyView(KeyId.of(rs.getString("key_id")),
                new KeyScope(TenantId.of(rs.getString("tenant_id")), Region.of(rs.getString("region"))),
                Alias.of(rs.getString("alias")), Description.of(rs.getString("description")),
                KeyUsage.valueOf(rs.getString("key_usage")), Origin.valueOf(rs.getString("origin")), effective,
                instant(rs, "created_at"),
                expired ? Optional.empty() : Optional.ofNullable(instant(rs, "material_expires_at")),
                Optional.ofNullable(instant(rs, "deletion_date")));
    }

    @Override
    public List<KeyRef> findMaterialExpiryDue(Instant now, int limit) {
        return refs("""
                SELECT tenant_id, region, key_id FROM cmk
                WHERE material_expires_at <= :now AND has_material AND origin = 'EXTERNAL'
                ORDER BY material_expires_at LIMIT :limit""", now, limit);
    }

    @Override
    public List<KeyRef> findPurgeDue(Instant now, int limit) {
        return refs("""
                SELECT tenant_id, region, key_id FROM cmk
                WHERE deletion_date <= :now AND state = 'PENDING_DELETE'
                ORDER BY deletion_date LIMIT :limit""", now, limit);
    }

    private List<KeyRef> refs(String sql, Instant now, int limit) {
        Handle h = transactions.handle();
        return translated(() -> h.createQuery(sql)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new KeyRef(new KeyScope(TenantId.of(rs.getString("tenant_id")),
                        Region.of(rs.getString("region"))), KeyId.of(rs.getString("key_id"))))
                .list());
    }

    @Override
    public int removeExpiredGrants(Instant now) {
        Handle h = transactions.handle();
        return translated(() -> h.createUpdate("DELETE FROM import_grant WHERE expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** Lock timeouts, deadlocks and serialization failures lost a race, like a stale version: the use case retries. */
    private static <T> T translated(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (StoreExceptions.isConcurrencyFailure(e)) {
                throw new ConcurrentKeyChangeException(null);
            }
            throw e;
        }
    }
}
