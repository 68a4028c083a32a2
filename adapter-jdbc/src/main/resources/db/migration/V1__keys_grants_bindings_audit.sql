-- Keyport schema. The same migrations run on H2 (the embedded default) and on PostgreSQL.
-- Instants are epoch milliseconds (BIGINT); enums are their names; secrets are AES-256-GCM sealed bytes.

CREATE TABLE cmk (
    key_id              VARCHAR(36)   NOT NULL,
    tenant_id           VARCHAR(64)   NOT NULL,
    region              VARCHAR(64)   NOT NULL,
    alias               VARCHAR(255)  NOT NULL,
    description         VARCHAR(1024) NOT NULL,
    key_usage           VARCHAR(32)   NOT NULL,
    origin              VARCHAR(16)   NOT NULL,
    state               VARCHAR(16)   NOT NULL,
    created_at          BIGINT        NOT NULL,
    has_material        BOOLEAN       NOT NULL,
    material_expires_at BIGINT,
    deletion_date       BIGINT,
    fingerprint_salt    BYTEA,
    fingerprint_mac     BYTEA,
    version             BIGINT        NOT NULL,
    CONSTRAINT cmk_pk PRIMARY KEY (key_id),
    CONSTRAINT cmk_alias_unique UNIQUE (tenant_id, region, alias)
);

-- listing a scope in creation order
CREATE INDEX cmk_scope_created ON cmk (tenant_id, region, created_at, key_id);
-- the sweeps
CREATE INDEX cmk_material_expiry ON cmk (material_expires_at);
CREATE INDEX cmk_deletion_date ON cmk (deletion_date);

-- Material lives in its own row, so that deleting material deletes the row: no sealed copy stays behind.
CREATE TABLE cmk_material (
    key_id VARCHAR(36) NOT NULL,
    sealed BYTEA       NOT NULL,
    CONSTRAINT cmk_material_pk PRIMARY KEY (key_id),
    CONSTRAINT cmk_material_key FOREIGN KEY (key_id) REFERENCES cmk (key_id) ON DELETE CASCADE
);

CREATE TABLE cmk_binding (
    key_id      VARCHAR(36)   NOT NULL,
    product_id  VARCHAR(64)   NOT NULL,
    resource_id VARCHAR(1024) NOT NULL,
    CONSTRAINT cmk_binding_pk PRIMARY KEY (key_id, product_id, resource_id),
    CONSTRAINT cmk_binding_key FOREIGN KEY (key_id) REFERENCES cmk (key_id) ON DELETE CASCADE
);

CREATE TABLE import_grant (
    grant_id           VARCHAR(32) NOT NULL,
    key_id             VARCHAR(36) NOT NULL,
    wrapping_key_spec  VARCHAR(16) NOT NULL,
    algorithm          VARCHAR(32) NOT NULL,
    public_key         BYTEA       NOT NULL,
    sealed_private_key BYTEA       NOT NULL,
    issued_at          BIGINT      NOT NULL,
    expires_at         BIGINT      NOT NULL,
    token_digest       BYTEA       NOT NULL,
    CONSTRAINT import_grant_pk PRIMARY KEY (grant_id),
    CONSTRAINT import_grant_key FOREIGN KEY (key_id) REFERENCES cmk (key_id) ON DELETE CASCADE
);

CREATE INDEX import_grant_key ON import_grant (key_id);
CREATE INDEX import_grant_expiry ON import_grant (expires_at);

-- Append-only: the application inserts, never updates or deletes.
CREATE TABLE audit_log (
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    at            BIGINT       NOT NULL,
    tenant_id     VARCHAR(64)  NOT NULL,
    region        VARCHAR(64)  NOT NULL,
    key_id        VARCHAR(36),
    operation     VARCHAR(32)  NOT NULL,
    change        VARCHAR(32),
    from_state    VARCHAR(16),
    to_state      VARCHAR(16),
    reason        VARCHAR(32)  NOT NULL,
    detail        VARCHAR(2048) NOT NULL,
    credential_id VARCHAR(128) NOT NULL,
    request_id    VARCHAR(128) NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    error_code    VARCHAR(64),
    key_version   BIGINT       NOT NULL,
    CONSTRAINT audit_log_pk PRIMARY KEY (id)
);

CREATE INDEX audit_log_key ON audit_log (key_id, key_version);
