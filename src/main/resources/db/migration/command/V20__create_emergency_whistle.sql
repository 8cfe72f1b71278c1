-- 应急哨 (issue 17): a flood, a fire, a missing elder — the leader calls the forces of an area (grids) at once; each
-- person called answers from his phone (coming / cannot) and checks in on site. The whistle is the aggregate of the
-- call; each person's answer is its own row, saved against its own version, so two taps of one person and the
-- stand-down cannot overwrite each other. emergency_step is the history, insert-only. (V1–V9 are the sentinel's,
-- V10–V19 the screen's.)
CREATE TABLE emergency_whistle (
    id             uuid PRIMARY KEY,
    kind           varchar(16)   NOT NULL CHECK (kind IN ('FLOOD', 'FIRE', 'MISSING_PERSON', 'GEOLOGICAL', 'OTHER')),
    title          varchar(100)  NOT NULL,
    details        varchar(1000),
    forces         varchar(16)[] NOT NULL,
    incident_id    uuid,
    scope_path     varchar(400)  NOT NULL,
    district_id    uuid          NOT NULL,
    blown_by       uuid          NOT NULL,
    blown_by_name  varchar(100)  NOT NULL,
    blown_at       timestamptz   NOT NULL,
    state          varchar(12)   NOT NULL CHECK (state IN ('CALLING', 'STOOD_DOWN')),
    stood_down_at  timestamptz,
    summary        varchar(2000),
    version        integer       NOT NULL DEFAULT 0
);
CREATE INDEX emergency_whistle_scope_idx ON emergency_whistle (scope_path varchar_pattern_ops, blown_at DESC);

-- the grids the whistle covers, named as they were when it was blown
CREATE TABLE emergency_area (
    whistle_id uuid         NOT NULL REFERENCES emergency_whistle (id),
    grid_id    uuid         NOT NULL,
    grid_name  varchar(100) NOT NULL,
    grid_path  varchar(400) NOT NULL,
    PRIMARY KEY (whistle_id, grid_id)
);

CREATE TABLE emergency_callee (
    whistle_id   uuid          NOT NULL REFERENCES emergency_whistle (id),
    account_id   uuid          NOT NULL,
    name         varchar(100)  NOT NULL,
    force        varchar(16)   NOT NULL CHECK (force IN ('ON_DUTY', 'GRID_TEAM', 'PARTY_MEMBERS',
                                                          'PARTNER_UNITS')),
    post         varchar(100),
    state        varchar(8)    NOT NULL CHECK (state IN ('CALLED', 'COMING', 'CANNOT', 'ARRIVED')),
    answered_at  timestamptz,
    reason       varchar(200),
    arrived_at   timestamptz,
    arrived_lat  double precision,
    arrived_lng  double precision,
    version      integer       NOT NULL DEFAULT 0,
    PRIMARY KEY (whistle_id, account_id)
);
-- "my calls" on the phone: the open ones of one person
CREATE INDEX emergency_callee_account_idx ON emergency_callee (account_id, whistle_id);

CREATE TABLE emergency_step (
    id          uuid PRIMARY KEY,
    whistle_id  uuid         NOT NULL REFERENCES emergency_whistle (id),
    action      varchar(12)  NOT NULL,
    at          timestamptz  NOT NULL,
    actor_id    uuid         NOT NULL,
    actor_name  varchar(100) NOT NULL,
    note        varchar(2000)
);
CREATE INDEX emergency_step_whistle_idx ON emergency_step (whistle_id, at);
