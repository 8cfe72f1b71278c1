-- 应急哨 (issue 17), its drawn area and its remaining forces. A leader may draw the area on the map instead of (or
-- besides) ticking grids: the polygon is kept with the whistle as he drew it (RFC 7946 GeoJSON geometry), the grids it
-- came to in emergency_area as before. Two more forces: the members holding a 党员示范岗 in the area (MODEL_POSTS,
-- whatever their shift) and the volunteers holding a 志愿岗位 at its places (VOLUNTEER_POSTS). A post's person without
-- an account cannot be told on a phone: emergency_unreachable names him for the desk's telephone (未开通账号), in the
-- order he was found, rather than dropping him silently.
ALTER TABLE emergency_whistle ADD COLUMN drawn_area text;

ALTER TABLE emergency_callee DROP CONSTRAINT emergency_callee_force_check;
ALTER TABLE emergency_callee ADD CONSTRAINT emergency_callee_force_check
    CHECK (force IN ('ON_DUTY', 'MODEL_POSTS', 'GRID_TEAM', 'PARTY_MEMBERS', 'VOLUNTEER_POSTS', 'PARTNER_UNITS'))
    NOT VALID;
-- every row written so far names one of the four older forces; validated apart, under a lock that lets writes go on
ALTER TABLE emergency_callee VALIDATE CONSTRAINT emergency_callee_force_check;

CREATE TABLE emergency_unreachable (
    whistle_id uuid         NOT NULL REFERENCES emergency_whistle (id),
    position   integer      NOT NULL,
    name       varchar(100) NOT NULL,
    force      varchar(16)  NOT NULL CHECK (force IN ('ON_DUTY', 'MODEL_POSTS', 'VOLUNTEER_POSTS')),
    post       varchar(200),
    PRIMARY KEY (whistle_id, position)
);
