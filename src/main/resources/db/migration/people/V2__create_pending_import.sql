-- A checked spreadsheet waiting for its confirmation. Kept in the database, not in one node's memory, so that the
-- confirmation may reach any node and survives a restart; the rows hold personal data, so they are stored encrypted.
CREATE TABLE pending_import (
    id         uuid PRIMARY KEY,
    actor_id   uuid NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    households integer NOT NULL,
    residents  integer NOT NULL,
    payload    bytea NOT NULL
);
CREATE INDEX pending_import_expiry_idx ON pending_import (expires_at);
