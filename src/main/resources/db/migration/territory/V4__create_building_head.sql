-- Building heads (楼栋长): residents who look after one building. An appointment ends when the next one starts;
-- the history stays. A red building head (红色楼栋长) is a party member.
CREATE TABLE building_head (
    id           uuid PRIMARY KEY,
    building_id  uuid NOT NULL REFERENCES building (id),
    resident_id  uuid,
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    red          boolean NOT NULL DEFAULT false,
    appointed_on date NOT NULL,
    ended_on     date,
    scope_path   text NOT NULL,
    district_id  uuid NOT NULL,
    CHECK (ended_on IS NULL OR ended_on >= appointed_on)
);
-- one current head per building: the index decides between two concurrent appointments
CREATE UNIQUE INDEX building_head_current_idx ON building_head (building_id) WHERE ended_on IS NULL;
CREATE INDEX building_head_scope_idx ON building_head (scope_path text_pattern_ops);
