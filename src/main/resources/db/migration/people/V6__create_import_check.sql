-- The report of an import's check run in the background, kept for whoever ran it to come back to: rows, households,
-- and each problem by row and column (the problems name a column and what is wrong, never a value from the sheet).
-- A clean report points at its checked rows in pending_import, which are confirmed from the report's page.
CREATE TABLE import_check (
    id          uuid PRIMARY KEY,
    actor_id    uuid NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    rows        integer NOT NULL,
    households  integer NOT NULL,
    pending_id  uuid,
    problems    jsonb NOT NULL
);
