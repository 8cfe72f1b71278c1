-- 党员示范岗 and 责任区: a post of a party organisation covering grids, and its roster — which member is on duty when.
-- A post copies its organisation's scope path; the grids it covers copy theirs, so that a caller whose scope is one
-- grid (a grid worker, a whistle raised in that grid) finds the community branch's post covering it. A shift is either
-- one stretch of time (ONCE: starts_at … ends_at) or a weekly pattern (WEEKLY: a day of the week, a local time range
-- that may cross midnight, valid from a date, optionally until one). Shifts taken off the roster keep their row with
-- removed_at: who was on duty when stays answerable.

CREATE TABLE duty_post (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL REFERENCES party_org (id),
    kind         text NOT NULL CHECK (kind IN ('MODEL_POST', 'DUTY_ZONE')),
    name         text NOT NULL CHECK (length(name) BETWEEN 2 AND 60),
    duty         text NOT NULL CHECK (length(duty) BETWEEN 2 AND 500),
    scope_path   text NOT NULL,
    district_id  uuid NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   uuid,
    closed_at    timestamptz,
    closed_by    uuid
);
CREATE INDEX duty_post_scope_idx ON duty_post (scope_path text_pattern_ops);
CREATE INDEX duty_post_org_idx ON duty_post (org_id);
CREATE UNIQUE INDEX duty_post_name_idx ON duty_post (org_id, name) WHERE closed_at IS NULL;

CREATE TABLE duty_post_grid (
    post_id      uuid NOT NULL REFERENCES duty_post (id),
    grid_id      uuid NOT NULL,
    grid_name    text NOT NULL,
    grid_path    text NOT NULL,
    post_path    text NOT NULL,
    district_id  uuid NOT NULL,
    PRIMARY KEY (post_id, grid_id)
);
CREATE INDEX duty_post_grid_grid_idx ON duty_post_grid (grid_id);
CREATE INDEX duty_post_grid_path_idx ON duty_post_grid (grid_path text_pattern_ops);

CREATE TABLE duty_shift (
    id           uuid PRIMARY KEY,
    post_id      uuid NOT NULL REFERENCES duty_post (id),
    member_id    uuid NOT NULL REFERENCES member (id),
    pattern      text NOT NULL CHECK (pattern IN ('ONCE', 'WEEKLY')),
    starts_at    timestamptz,
    ends_at      timestamptz,
    day_of_week  smallint CHECK (day_of_week BETWEEN 1 AND 7),
    start_time   time,
    end_time     time,
    valid_from   date,
    valid_until  date,
    district_id  uuid NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   uuid,
    removed_at   timestamptz,
    removed_by   uuid,
    CHECK (pattern <> 'ONCE' OR (starts_at IS NOT NULL AND ends_at > starts_at)),
    CHECK (pattern <> 'WEEKLY' OR (day_of_week IS NOT NULL AND start_time IS NOT NULL AND end_time IS NOT NULL
                                   AND start_time <> end_time AND valid_from IS NOT NULL
                                   AND (valid_until IS NULL OR valid_until >= valid_from)))
);
CREATE INDEX duty_shift_post_idx ON duty_shift (post_id) WHERE removed_at IS NULL;
CREATE INDEX duty_shift_member_idx ON duty_shift (member_id);

-- the second wall, as party/V3: a roster names members, which is personal data. A grid row copies its post's path
-- (post_path) so that its policy need not read duty_post, whose own policy reads the grids: no policy cycle.
ALTER TABLE duty_post ENABLE ROW LEVEL SECURITY;
ALTER TABLE duty_post_grid ENABLE ROW LEVEL SECURITY;
ALTER TABLE duty_shift ENABLE ROW LEVEL SECURITY;

CREATE POLICY duty_post_grid_in_scope ON duty_post_grid
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR grid_path LIKE current_setting('zhizhi.scope', true)
           OR post_path LIKE current_setting('zhizhi.scope', true));

CREATE POLICY duty_post_in_scope ON duty_post
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true)
           OR EXISTS (SELECT 1 FROM duty_post_grid g WHERE g.post_id = id
                       AND g.grid_path LIKE current_setting('zhizhi.scope', true)));

CREATE POLICY duty_shift_in_scope ON duty_shift
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR EXISTS (SELECT 1 FROM duty_post p WHERE p.id = post_id));
