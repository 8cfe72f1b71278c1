-- The Incident aggregate is saved against the version it was read with (UPDATE … WHERE id = ? AND version = ?): a
-- step that finds the row changed since is refused with the state it is in now, as the conditional update did.
ALTER TABLE incident.incident ADD COLUMN version integer NOT NULL DEFAULT 0;
