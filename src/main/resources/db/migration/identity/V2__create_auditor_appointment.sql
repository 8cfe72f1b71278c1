-- Auditors are appointed by one administrator and confirmed by another (三员分立, two people): an appointment waits
-- here until then. The proposed initial password is kept only as a hash, like an account's.
CREATE TABLE auditor_appointment (
    id            uuid PRIMARY KEY,
    username      text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,31}$'),
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 40),
    password_hash text NOT NULL,
    org_unit_id   uuid NOT NULL,
    scope_path    text NOT NULL,
    appointed_by  uuid NOT NULL,
    appointed_at  timestamptz NOT NULL,
    confirmed_by  uuid,
    confirmed_at  timestamptz,
    account_id    uuid REFERENCES account (id),
    -- the database keeps the two people apart too, whatever the application does
    CHECK (confirmed_by IS NULL OR confirmed_by <> appointed_by)
);
-- one open appointment per username
CREATE UNIQUE INDEX auditor_appointment_open_username_idx ON auditor_appointment (username) WHERE confirmed_by IS NULL;
CREATE INDEX auditor_appointment_scope_idx ON auditor_appointment (scope_path text_pattern_ops);
