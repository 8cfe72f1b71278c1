-- Places below the community: estates (小区), buildings (楼栋), entrances (单元) and dwellings (房屋).
-- Every building and dwelling lies in exactly one grid and micro-grid; scope_path is that micro-grid's path, so the
-- usual prefix match scopes them like every other row. An estate may span grids: it is scoped by its community.

CREATE TABLE estate (
    id              uuid PRIMARY KEY,
    community_id    uuid NOT NULL REFERENCES org_unit (id),
    name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    kind            text NOT NULL CHECK (kind IN ('COMMERCIAL', 'RESETTLEMENT', 'PUBLIC_RENTAL', 'OLD', 'STAFF_QUARTERS', 'SCATTERED')),
    governance_mode text NOT NULL CHECK (governance_mode IN ('PROPERTY_MANAGED', 'COMMUNITY_RUN', 'SELF_GOVERNED', 'MULTI_PARTY')),
    address         text,
    scope_path      text NOT NULL,
    district_id     uuid NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (community_id, name)
);
CREATE INDEX estate_scope_idx ON estate (scope_path text_pattern_ops);

CREATE TABLE building (
    id            uuid PRIMARY KEY,
    estate_id     uuid NOT NULL REFERENCES estate (id),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    floors        integer CHECK (floors BETWEEN 1 AND 200),
    lat           double precision CHECK (lat BETWEEN -90 AND 90),
    lng           double precision CHECK (lng BETWEEN -180 AND 180),
    grid_id       uuid NOT NULL REFERENCES org_unit (id),
    micro_grid_id uuid NOT NULL REFERENCES org_unit (id),
    scope_path    text NOT NULL,
    district_id   uuid NOT NULL,
    UNIQUE (estate_id, name)
);
CREATE INDEX building_scope_idx ON building (scope_path text_pattern_ops);
CREATE INDEX building_estate_idx ON building (estate_id);

CREATE TABLE entrance (
    id          uuid PRIMARY KEY,
    building_id uuid NOT NULL REFERENCES building (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 20),
    UNIQUE (building_id, name)
);

CREATE TABLE dwelling (
    id            uuid PRIMARY KEY,
    building_id   uuid NOT NULL REFERENCES building (id),
    entrance_id   uuid REFERENCES entrance (id),
    label         text NOT NULL CHECK (length(label) BETWEEN 1 AND 20),
    floor         integer,
    area_m2       numeric(7, 2) CHECK (area_m2 > 0),
    grid_id       uuid NOT NULL REFERENCES org_unit (id),
    micro_grid_id uuid NOT NULL REFERENCES org_unit (id),
    scope_path    text NOT NULL,
    district_id   uuid NOT NULL,
    UNIQUE (building_id, label)
);
CREATE INDEX dwelling_scope_idx ON dwelling (scope_path text_pattern_ops);
CREATE INDEX dwelling_building_idx ON dwelling (building_id);
CREATE INDEX dwelling_micro_grid_idx ON dwelling (micro_grid_id);
