-- A value sealed under the master key when the database is first opened: opening it on every start tells a wrong
-- master key from a right one before any request is served.
CREATE TABLE keyport_meta (
    name   VARCHAR(64) NOT NULL,
    sealed BYTEA      NOT NULL,
    CONSTRAINT keyport_meta_pk PRIMARY KEY (name)
);
