-- The management tree: city → district → street → community → grid → micro-grid.
-- path is the materialised path of ids ("/<root>/…/<id>/"); data scope is a prefix match on it.
CREATE TABLE org_unit (
    id          uuid PRIMARY KEY,
    parent_id   uuid REFERENCES org_unit (id),
    level       text NOT NULL CHECK (level IN ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'MICRO_GRID')),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    code        text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{12,20}$'),
    kind        text,
    path        text NOT NULL UNIQUE,
    district_id uuid,
    boundary    jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((parent_id IS NULL) = (level = 'CITY'))
);

-- text_pattern_ops lets "path LIKE '/a/b/%'" use the index whatever the database collation is.
CREATE INDEX org_unit_path_idx ON org_unit (path text_pattern_ops);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);
CREATE INDEX org_unit_level_idx ON org_unit (level, district_id);
