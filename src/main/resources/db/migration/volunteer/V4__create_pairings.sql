-- 结对帮扶: a volunteer or party member paired with a resident who needs looking after (an elder living alone, a family
-- in difficulty), visiting him every so many days; the desk of the scope pairs them and ends the pairing. A visit is
-- logged by the helper with a note (and a photo), one a day, never changed; a visit not made by its due day is flagged
-- (the sweep tells the helper once per due day: flagged_due_on).
CREATE TABLE pairing (
    id              uuid PRIMARY KEY,
    org_unit_id     uuid         NOT NULL,
    org_unit_name   varchar(100) NOT NULL,
    scope_path      varchar(400) NOT NULL,
    district_id     uuid         NOT NULL,
    team_id         uuid REFERENCES team (id),
    helper_id       uuid         NOT NULL,
    helper_name     varchar(100) NOT NULL,
    resident_id     uuid         NOT NULL,
    resident_name   varchar(100) NOT NULL,
    dwelling_label  varchar(200),
    need            varchar(16)  NOT NULL CHECK (need IN ('ELDER_ALONE', 'FAMILY_IN_NEED', 'DISABLED', 'OTHER')),
    every_days      integer      NOT NULL CHECK (every_days BETWEEN 1 AND 92),
    started_on      date         NOT NULL,
    last_visit_on   date,
    visits          integer      NOT NULL DEFAULT 0,
    state           varchar(8)   NOT NULL CHECK (state IN ('ACTIVE', 'ENDED')),
    ended_on        date,
    end_reason      varchar(200),
    flagged_due_on  date,
    created_by      uuid         NOT NULL,
    created_at      timestamptz  NOT NULL,
    version         integer      NOT NULL DEFAULT 0
);
-- one helper is paired with one person once at a time (two presses are one pairing)
CREATE UNIQUE INDEX pairing_active_idx ON pairing (helper_id, resident_id) WHERE state = 'ACTIVE';
CREATE INDEX pairing_scope_idx ON pairing (scope_path varchar_pattern_ops) WHERE state = 'ACTIVE';
CREATE INDEX pairing_helper_idx ON pairing (helper_id) WHERE state = 'ACTIVE';

CREATE TABLE pairing_visit (
    id             uuid PRIMARY KEY,
    pairing_id     uuid          NOT NULL REFERENCES pairing (id),
    visited_on     date          NOT NULL,
    logged_at      timestamptz   NOT NULL,
    note           varchar(500)  NOT NULL,
    photo_id       uuid,
    lat            double precision,
    lng            double precision,
    logged_by      uuid          NOT NULL,
    logged_by_name varchar(100)  NOT NULL,
    UNIQUE (pairing_id, visited_on)
);

CREATE FUNCTION refuse_visit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a visit is never changed once logged';
END;
$$;
CREATE TRIGGER pairing_visit_insert_only BEFORE UPDATE OR DELETE ON pairing_visit
    FOR EACH ROW EXECUTE FUNCTION refuse_visit_change();
