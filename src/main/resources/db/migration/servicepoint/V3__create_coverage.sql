-- The 15-minute service circle, computed (Coverage.recompute) and kept so that a community's figure is one row read:
-- per building (its dwellings share its position), the walking minutes to the nearest point of each kind of service
-- ('*': any point); per community and grid, how many dwellings there are and how many lie within the circle.
CREATE TABLE coverage_building (
    building_id   uuid         NOT NULL,
    kind          varchar(24)  NOT NULL,
    district_id   uuid         NOT NULL,
    community_id  uuid         NOT NULL,
    grid_id       uuid         NOT NULL,
    scope_path    varchar(400) NOT NULL,
    label         varchar(200) NOT NULL,
    lat           double precision NOT NULL,
    lng           double precision NOT NULL,
    dwellings     integer      NOT NULL,
    minutes       real,
    point_id      uuid,
    PRIMARY KEY (building_id, kind)
);
CREATE INDEX coverage_building_scope_idx ON coverage_building (scope_path varchar_pattern_ops, kind, minutes);
CREATE INDEX coverage_building_district_idx ON coverage_building (district_id);

CREATE TABLE coverage_area (
    area_id     uuid         NOT NULL,
    kind        varchar(24)  NOT NULL,
    level       varchar(10)  NOT NULL CHECK (level IN ('COMMUNITY', 'GRID')),
    district_id uuid         NOT NULL,
    scope_path  varchar(400) NOT NULL,
    dwellings   integer      NOT NULL,
    within      integer      NOT NULL,
    computed_at timestamptz  NOT NULL,
    PRIMARY KEY (area_id, kind)
);
CREATE INDEX coverage_area_scope_idx ON coverage_area (scope_path varchar_pattern_ops);
