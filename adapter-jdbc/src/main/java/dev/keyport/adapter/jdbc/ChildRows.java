package dev.keyport.adapter.jdbc;

import dev.keyport.domain.CloudResource;
import dev.keyport.domain.Cmk;
import dev.keyport.domain.ImportGrant;
import dev.keyport.domain.KeyMaterial;
import dev.keyport.domain.WrappingAlgorithm;
import dev.keyport.domain.WrappingKeySpec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * A key's child rows — its material, its cloud-resource bindings, its import grants: read for a load (secrets still
 * sealed), and brought in line with the aggregate on a save by writing only what differs from what is stored.
 */
final class ChildRows {

    /** A key's sealed material: key id, then the sealed value. */
    static final String INSERT_MATERIAL = "INSERT INTO cmk_material (key_id, sealed) VALUES (?, ?)";

    private final SealedSecrets secrets;

    ChildRows(SealedSecrets secrets) {
        this.secrets = secrets;
    }

    Set<CloudResource> bindings(Handle h, String keyId) {
        return Set.copyOf(h.createQuery("SELECT product_id, resource_id FROM cmk_binding WHERE key_id = :id")
                .bind("id", keyId)
                .map((rs, ctx) -> new CloudResource(rs.getString("product_id"), rs.getString("resource_id")))
                .list());
    }

    /** The outstanding grants, oldest first, their private keys still sealed. */
    List<ImportGrant> grants(Handle h, String keyId) {
        return h.createQuery("SELECT * FROM import_grant WHERE key_id = :id ORDER BY issued_at")
                .bind("id", keyId)
                .map((rs, ctx) -> {
                    String grantId = rs.getString("grant_id");
                    WrappingKeySpec spec = WrappingKeySpec.valueOf(rs.getString("wrapping_key_spec"));
                    return new ImportGrant(grantId,
                            secrets.wrappingKey(keyId, grantId, spec, rs.getBytes("public_key"),
                                    rs.getBytes("sealed_private_key")),
                            WrappingAlgorithm.valueOf(rs.getString("algorithm")), Columns.instant(rs, "issued_at"),
                            Columns.instant(rs, "expires_at"), rs.getBytes("token_digest"));
                })
                .list();
    }

    /** What is stored of the key's children now, read afresh, for a save whose transaction did not read the key. */
    StoredKey stored(Handle h, String keyId, long version) {
        boolean material = h.createQuery("SELECT COUNT(*) FROM cmk_material WHERE key_id = :id")
                .bind("id", keyId).mapTo(Long.class).one() > 0;
        Set<String> grants = Set.copyOf(h.createQuery("SELECT grant_id FROM import_grant WHERE key_id = :id")
                .bind("id", keyId).mapTo(String.class).list());
        return new StoredKey(version, material, bindings(h, keyId), grants);
    }

    /**
     * Brings material, bindings and grants in line with {@code key}. Material never changes while present (a key is
     * bound to its first material), so it is written when it appears and deleted when it goes; grants never change
     * once issued. Only what is new is sealed; nothing stored is opened.
     */
    void write(Handle h, Cmk key, StoredKey stored) {
        String id = key.id().value();
        if (key.hasMaterial() && !stored.hasMaterial()) {
            KeyMaterial material = key.material().orElseThrow();
            try (PreparedStatement insert = h.getConnection().prepareStatement(INSERT_MATERIAL)) {
                insert.setString(1, id);
                insert.setBytes(2, secrets.sealMaterial(id, material));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new StatementFailedException("storing the material of key " + id, e);
            } finally {
                material.erase();
            }
        } else if (!key.hasMaterial() && stored.hasMaterial()) {
            try (PreparedStatement delete = h.getConnection()
                    .prepareStatement("DELETE FROM cmk_material WHERE key_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new StatementFailedException("deleting the material of key " + id, e);
            }
        }
        Set<CloudResource> bindings = key.bindings();
        for (CloudResource gone : difference(stored.bindings(), bindings)) {
            h.createUpdate("""
                            DELETE FROM cmk_binding WHERE key_id = :id AND product_id = :product
                                                      AND resource_id = :resource""")
                    .bind("id", id).bind("product", gone.productId()).bind("resource", gone.resourceId()).execute();
        }
        for (CloudResource added : difference(bindings, stored.bindings())) {
            h.createUpdate("""
                            INSERT INTO cmk_binding (key_id, product_id, resource_id)
                            VALUES (:id, :product, :resource)""")
                    .bind("id", id).bind("product", added.productId()).bind("resource", added.resourceId()).execute();
        }
        List<ImportGrant> grants = key.grants();
        Set<String> grantIds = grants.stream().map(ImportGrant::grantId).collect(Collectors.toSet());
        for (String gone : difference(stored.grantIds(), grantIds)) {
            h.createUpdate("DELETE FROM import_grant WHERE grant_id = :grant").bind("grant", gone).execute();
        }
        for (ImportGrant grant : grants) {
            if (!stored.grantIds().contains(grant.grantId())) {
                insertGrant(h, id, grant);
            }
        }
    }

    private void insertGrant(Handle h, String keyId, ImportGrant grant) {
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
                .bind("privateKey", secrets.sealPrivateKey(keyId, grant))
                .bind("issuedAt", grant.issuedAt().toEpochMilli())
                .bind("expiresAt", grant.expiresAt().toEpochMilli())
                .bind("digest", grant.tokenDigest())
                .execute();
    }

    private static <T> Set<T> difference(Set<T> a, Set<T> b) {
        Set<T> result = new HashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
