-- Grid teams (1+3+N): the grid leader, the three grid workers (full-time, part-time, instructor) and any number of
-- support forces, each taking some of the five grid duties (五大员). scope_path is the grid's path, so the usual
-- prefix match scopes team members like their grid. account_id points at an identity account (no cross-module FK).
CREATE TABLE grid_team_member (
    id          uuid PRIMARY KEY,
    grid_id     uuid NOT NULL REFERENCES org_unit (id),
    position    text NOT NULL CHECK (position IN ('GRID_LEADER', 'FULL_TIME', 'PART_TIME', 'INSTRUCTOR', 'POLICE',
                                                  'PROPERTY', 'WATER', 'POWER', 'GAS', 'RIDER', 'VOLUNTEER', 'OTHER')),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
    account_id  uuid,
    work_phone  text CHECK (work_phone ~ '^[0-9+() -]{5,20}$'),
    duties      text[] NOT NULL DEFAULT '{}',
    scope_path  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX grid_team_member_grid_idx ON grid_team_member (grid_id);
CREATE INDEX grid_team_member_scope_idx ON grid_team_member (scope_path text_pattern_ops);
-- the "1" of 1+3+N: one leader per grid
CREATE UNIQUE INDEX grid_team_member_one_leader ON grid_team_member (grid_id) WHERE position = 'GRID_LEADER';

-- The version of the grid boundaries. Every node that answers grid look-ups keeps the boundaries in memory and
-- compares this one number now and then to learn, cheaply, that another node changed a boundary. A statement-level
-- trigger bumps it on any insert, delete or boundary/path change of the tree, whoever writes.
CREATE TABLE boundary_version (
    id         boolean PRIMARY KEY DEFAULT true CHECK (id),
    version    bigint NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO boundary_version (version) VALUES (1);

CREATE FUNCTION bump_boundary_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE territory.boundary_version SET version = version + 1, changed_at = now();
    RETURN NULL;
END;
$$;

CREATE TRIGGER org_unit_boundary_changed
    AFTER INSERT OR DELETE OR UPDATE OF boundary, path, name, code, kind ON org_unit
    FOR EACH STATEMENT EXECUTE FUNCTION bump_boundary_version();
