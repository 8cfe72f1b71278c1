-- A deadline set outside the district that binds it: a city platform's order (12345 hotline, 141) names the instant
-- its incident must be resolved by, and no deadline the district's own policy sets later (whistle, escalation,
-- extension) may fall after it (Incident#bound). The source says whose deadline it is, for the pages (12345时限,
-- 141时限). Both or neither. Catalog-only (nullable columns, no default): lock_timeout as in V18 — a lock not granted
-- within 10 s fails the migration rather than queueing the requests behind it; run it again.

SET LOCAL lock_timeout = '10s';

ALTER TABLE incident ADD COLUMN binding_source text, ADD COLUMN binding_due_at timestamptz,
    ADD CONSTRAINT incident_binding_whole CHECK ((binding_source IS NULL) = (binding_due_at IS NULL));
