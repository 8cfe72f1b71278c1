-- 智能哨兵 (seeds 002-004: 党建引领·物业矛盾纠纷防范处置, "estates' risk situation seen on one screen"): rules are data
-- — a kind of condition over what the platform already knows, with its threshold, its window and the role that owns
-- what it raises — one row per district and kind, edited by the district's admin. A pass of the sentinel reads each
-- enabled rule's facts and raises an alert for every subject (an estate, a grid, a building …) that meets it.
CREATE TABLE rule (
    id                uuid PRIMARY KEY,
    district_id       uuid         NOT NULL,
    kind              varchar(24)  NOT NULL,
    threshold         integer      NOT NULL,
    window_days       integer      NOT NULL CHECK (window_days BETWEEN 1 AND 366),
    owner_role        varchar(24)  NOT NULL CHECK (owner_role IN ('DISTRICT_ADMIN', 'STREET_STAFF', 'COMMUNITY_STAFF',
                                                                   'GRID_WORKER')),
    -- how long the owner has to handle what the rule raises; past it the alert is late (监管)
    handle_within_hours integer    NOT NULL CHECK (handle_within_hours BETWEEN 1 AND 2160),
    enabled           boolean      NOT NULL,
    updated_at        timestamptz  NOT NULL,
    updated_by_name   varchar(100) NOT NULL,
    version           integer      NOT NULL DEFAULT 0,
    UNIQUE (district_id, kind)
);

-- An alert: one subject meeting one rule. Its key is (rule, subject): the partial unique index below lets at most one
-- be open at a time, so a pass that finds a condition already raised inserts nothing (ON CONFLICT DO NOTHING), and two
-- passes at once raise it once — the index decides, not a check before the insert.
CREATE TABLE alert (
    id              uuid PRIMARY KEY,
    rule_id         uuid          NOT NULL REFERENCES rule (id),
    kind            varchar(24)   NOT NULL,
    district_id     uuid          NOT NULL,
    scope_path      varchar(400)  NOT NULL,
    subject_kind    varchar(12)   NOT NULL,
    subject_id      uuid          NOT NULL,
    subject_name    varchar(200)  NOT NULL,
    grid_id         uuid,
    estate_id       uuid,
    -- what the rule measured, against the rule's threshold and window as they were when it fired
    measure         integer       NOT NULL,
    threshold       integer       NOT NULL,
    window_days     integer       NOT NULL,
    -- what raised it: the ids of the incidents, disputes, inspections, bills or pairings the measure counted
    evidence_kind   varchar(16)   NOT NULL,
    evidence_ids    uuid[]        NOT NULL,
    category_code   varchar(32),
    raised_at       timestamptz   NOT NULL,
    due_at          timestamptz   NOT NULL,
    owner_role      varchar(24)   NOT NULL,
    owner_id        uuid,
    owner_name      varchar(100),
    state           varchar(12)   NOT NULL CHECK (state IN ('NEW', 'ACKNOWLEDGED', 'HANDLED', 'CLOSED')),
    acknowledged_at timestamptz,
    handled_at      timestamptz,
    handled_note    varchar(500),
    closed_at       timestamptz,
    outcome         varchar(12)   CHECK (outcome IN ('HANDLED', 'NO_ACTION')),
    version         integer       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX alert_open_idx ON alert (rule_id, subject_id) WHERE state <> 'CLOSED';
CREATE INDEX alert_scope_idx ON alert (scope_path varchar_pattern_ops, raised_at DESC);
CREATE INDEX alert_rule_idx ON alert (rule_id, raised_at);

-- The alert's history, insert-only: raised, acknowledged, assigned, handled (with the note), closed.
CREATE TABLE alert_step (
    id        uuid PRIMARY KEY,
    alert_id  uuid          NOT NULL REFERENCES alert (id),
    action    varchar(12)   NOT NULL,
    state     varchar(12)   NOT NULL,
    at        timestamptz   NOT NULL,
    by_id     uuid,
    by_name   varchar(100)  NOT NULL,
    note      varchar(500)
);
CREATE INDEX alert_step_alert_idx ON alert_step (alert_id, at);

CREATE FUNCTION refuse_alert_step_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an alert step is never changed once written';
END;
$$;
CREATE TRIGGER alert_step_insert_only BEFORE UPDATE OR DELETE ON alert_step
    FOR EACH ROW EXECUTE FUNCTION refuse_alert_step_change();
