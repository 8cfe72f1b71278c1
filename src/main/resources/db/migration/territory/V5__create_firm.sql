-- Firms (企业) in industrial-park grids: a park grid serves firms rather than households (金银桥社区's five park grids
-- in 重庆国际生物城 hold 600+ firms of biomedicine, medical devices, food processing and light textiles).
CREATE TABLE firm (
    id          uuid PRIMARY KEY,
    grid_id     uuid NOT NULL REFERENCES org_unit (id),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    industry    text NOT NULL CHECK (industry IN ('BIOMEDICINE', 'MEDICAL_DEVICES', 'FOOD_PROCESSING', 'LIGHT_TEXTILE', 'OTHER')),
    employees   integer CHECK (employees >= 0),
    scope_path  text NOT NULL,
    district_id uuid NOT NULL,
    UNIQUE (grid_id, name)
);
CREATE INDEX firm_scope_idx ON firm (scope_path text_pattern_ops);
