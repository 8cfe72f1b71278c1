-- Accounts, API tokens and the audit trail.

CREATE TABLE account (
    id                       uuid PRIMARY KEY,
    username                 text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
    display_name             text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 40),
    password_hash            text NOT NULL,
    roles                    text[] NOT NULL CHECK (cardinality(roles) > 0),
    grid_position            text CHECK (grid_position IN ('GRID_LEADER', 'FULL_TIME', 'PART_TIME', 'INSTRUCTOR')),
    org_unit_id              uuid NOT NULL,
    -- a copy of the bound node's materialised path (territory never moves a node), so that scoped account lists
    -- are one indexed prefix match instead of a call into another module per row
    scope_path               text NOT NULL,
    enabled                  boolean NOT NULL DEFAULT true,
    failed_attempts          integer NOT NULL DEFAULT 0,
    locked_until             timestamptz,
    password_change_required boolean NOT NULL DEFAULT true,
    password_changed_at      timestamptz,
    created_at               timestamptz NOT NULL,
    created_by               uuid,
    version                  integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX account_username_idx ON account (username);
CREATE INDEX account_scope_idx ON account (scope_path text_pattern_ops);

-- Tokens are kept only as SHA-256 hashes: a copy of this table lets nobody call the API.
CREATE TABLE api_token (
    id          uuid PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES account (id),
    token_hash  bytea NOT NULL UNIQUE,
    issued_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX api_token_account_idx ON api_token (account_id);

-- The audit trail: append-only. The trigger refuses every UPDATE, DELETE and TRUNCATE, whoever issues it.
CREATE TABLE audit_entry (
    id             uuid PRIMARY KEY,
    occurred_at    timestamptz NOT NULL,
    actor_id       uuid,
    username       text,
    scope_path     text,
    remote_address text,
    action         text NOT NULL,
    object_type    text,
    object_id      text,
    outcome        text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE', 'DENIED', 'ERROR')),
    detail         text
);
CREATE INDEX audit_entry_time_idx ON audit_entry (occurred_at DESC);
CREATE INDEX audit_entry_scope_idx ON audit_entry (scope_path text_pattern_ops);
CREATE INDEX audit_entry_username_idx ON audit_entry (username, occurred_at DESC);

CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER audit_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();
