-- 志愿服务: teams of a node with their members, activities with sign-up (a waiting list promoted in order), check-in
-- and check-out on the spot with the organiser's rotating code, and service hours approved by the organiser and then
-- locked — changed only by a correction requested with its reason and decided by the organiser (民政部令第67号:
-- 谁组织谁记录、谁记录谁证明).
CREATE TABLE team (
    id            uuid PRIMARY KEY,
    org_unit_id   uuid         NOT NULL,
    org_unit_name varchar(100) NOT NULL,
    scope_path    varchar(400) NOT NULL,
    district_id   uuid         NOT NULL,
    name          varchar(60)  NOT NULL,
    kind          varchar(16)  NOT NULL CHECK (kind IN ('NEIGHBOURHOOD', 'ELDERLY', 'RIDERS', 'PARTY', 'RETIREES',
                                                       'PROJECT', 'OTHER')),
    leader_id     uuid,
    leader_name   varchar(100) NOT NULL,
    description   varchar(500),
    recruiting    boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL,
    UNIQUE (org_unit_id, name)
);
CREATE INDEX team_scope_idx ON team (scope_path varchar_pattern_ops);

CREATE TABLE team_member (
    team_id     uuid         NOT NULL REFERENCES team (id),
    person_id   uuid         NOT NULL,
    person_name varchar(100) NOT NULL,
    kind        varchar(12)  NOT NULL CHECK (kind IN ('RESIDENT', 'MEMBER', 'RIDER', 'UNIT_STAFF')),
    joined_on   date         NOT NULL,
    PRIMARY KEY (team_id, person_id)
);
CREATE INDEX team_member_person_idx ON team_member (person_id);

CREATE TABLE activity (
    id             uuid PRIMARY KEY,
    team_id        uuid          NOT NULL REFERENCES team (id),
    scope_path     varchar(400)  NOT NULL,
    district_id    uuid          NOT NULL,
    title          varchar(60)   NOT NULL,
    description    varchar(1000) NOT NULL,
    place          varchar(200)  NOT NULL,
    lat            double precision NOT NULL,
    lng            double precision NOT NULL,
    starts_at      timestamptz   NOT NULL,
    ends_at        timestamptz   NOT NULL,
    slots          integer       NOT NULL CHECK (slots BETWEEN 1 AND 10000),
    organiser_id   uuid          NOT NULL,
    organiser_name varchar(100)  NOT NULL,
    -- the seed of the organiser's rotating code (RFC 6238, 30-second steps): a screenshot of a code is soon worthless
    code_secret    bytea         NOT NULL,
    state          varchar(10)   NOT NULL CHECK (state IN ('OPEN', 'CANCELLED')),
    created_at     timestamptz   NOT NULL,
    version        integer       NOT NULL DEFAULT 0,
    CHECK (ends_at > starts_at)
);
CREATE INDEX activity_scope_idx ON activity (scope_path varchar_pattern_ops, starts_at);
CREATE INDEX activity_team_idx ON activity (team_id, starts_at);

-- One row per person and activity (its key: two sign-ups at once are one), its place in the queue, its check-in and
-- check-out on the spot, and the minutes served once approved.
CREATE TABLE participation (
    activity_id     uuid          NOT NULL REFERENCES activity (id),
    person_id       uuid          NOT NULL,
    person_name     varchar(100)  NOT NULL,
    state           varchar(12)   NOT NULL CHECK (state IN ('SIGNED_UP', 'WAITING', 'CANCELLED', 'CHECKED_IN',
                                                           'CHECKED_OUT', 'APPROVED', 'ABSENT')),
    queued_at       timestamptz   NOT NULL,
    checked_in_at   timestamptz,
    check_in_lat    double precision,
    check_in_lng    double precision,
    checked_out_at  timestamptz,
    check_out_lat   double precision,
    check_out_lng   double precision,
    minutes         integer CHECK (minutes >= 0),
    approved_at     timestamptz,
    approved_by     uuid,
    approved_by_name varchar(100),
    version         integer       NOT NULL DEFAULT 0,
    PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX participation_person_idx ON participation (person_id, queued_at DESC);
CREATE INDEX participation_queue_idx ON participation (activity_id, state, queued_at);

-- A correction of approved hours: asked with its reason, decided by the organiser; the hours change only through it.
CREATE TABLE hours_correction (
    id            uuid PRIMARY KEY,
    activity_id   uuid          NOT NULL,
    person_id     uuid          NOT NULL,
    from_minutes  integer       NOT NULL,
    to_minutes    integer       NOT NULL CHECK (to_minutes >= 0),
    reason        varchar(500)  NOT NULL,
    requested_at  timestamptz   NOT NULL,
    decision      varchar(10) CHECK (decision IN ('ACCEPTED', 'REFUSED')),
    decided_by    uuid,
    decided_by_name varchar(100),
    decided_at    timestamptz,
    note          varchar(500),
    FOREIGN KEY (activity_id, person_id) REFERENCES participation (activity_id, person_id)
);
CREATE UNIQUE INDEX hours_correction_open_idx ON hours_correction (activity_id, person_id) WHERE decision IS NULL;
