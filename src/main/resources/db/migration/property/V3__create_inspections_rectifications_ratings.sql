-- 月检查: an inspector's monthly inspection of one estate of a company against the template's inspectable criteria.
-- Each failed criterion is a finding with its photo and position; what is not a finding passed when it is submitted,
-- and the score (points of the passed criteria over the points checked) is kept with it.
CREATE TABLE inspection (
    id              uuid PRIMARY KEY,
    template_code   varchar(32)  NOT NULL REFERENCES template (code),
    company_id      uuid         NOT NULL REFERENCES company (id),
    estate_id       uuid         NOT NULL,
    estate_name     varchar(100) NOT NULL,
    scope_path      varchar(400) NOT NULL,
    district_id     uuid         NOT NULL,
    inspector_id    uuid         NOT NULL,
    inspector_name  varchar(100) NOT NULL,
    state           varchar(10)  NOT NULL CHECK (state IN ('OPEN', 'SUBMITTED', 'CANCELLED')),
    started_at      timestamptz  NOT NULL,
    submitted_at    timestamptz,
    awarded         integer,
    possible        integer,
    lat             double precision,
    lng             double precision,
    version         integer      NOT NULL DEFAULT 0
);
CREATE INDEX inspection_company_idx ON inspection (company_id, started_at);
CREATE INDEX inspection_scope_idx ON inspection (scope_path varchar_pattern_ops);
-- one inspection of an estate open at a time (two taps on "start" are one inspection)
CREATE UNIQUE INDEX inspection_open_idx ON inspection (estate_id) WHERE state = 'OPEN';

CREATE TABLE finding (
    id              uuid PRIMARY KEY,
    inspection_id   uuid         NOT NULL REFERENCES inspection (id),
    criterion_code  varchar(8)   NOT NULL,
    note            varchar(500) NOT NULL,
    photo_id        uuid,
    lat             double precision,
    lng             double precision,
    found_at        timestamptz  NOT NULL,
    UNIQUE (inspection_id, criterion_code)
);

-- 整改: a finding's order to the company, carried out through the whistle loop: incident_id is the incident assigned
-- to the company's unit, whose deadlines and escalations are the order's; the state follows the incident's steps and
-- the inspector's check.
CREATE TABLE rectification (
    id              uuid PRIMARY KEY,
    finding_id      uuid         NOT NULL UNIQUE REFERENCES finding (id),
    inspection_id   uuid         NOT NULL REFERENCES inspection (id),
    company_id      uuid         NOT NULL REFERENCES company (id),
    estate_name     varchar(100) NOT NULL,
    criterion_code  varchar(8)   NOT NULL,
    note            varchar(500) NOT NULL,
    scope_path      varchar(400) NOT NULL,
    inspector_id    uuid         NOT NULL,
    incident_id     uuid         NOT NULL UNIQUE,
    state           varchar(10)  NOT NULL CHECK (state IN ('ISSUED', 'ANSWERED', 'PASSED', 'WITHDRAWN')),
    loop_state      varchar(16)  NOT NULL,
    due_at          timestamptz,
    escalations     integer      NOT NULL DEFAULT 0,
    red_cards       integer      NOT NULL DEFAULT 0,
    sent_back       integer      NOT NULL DEFAULT 0,
    issued_at       timestamptz  NOT NULL,
    answered_at     timestamptz,
    closed_at       timestamptz,
    version         integer      NOT NULL DEFAULT 0
);
CREATE INDEX rectification_company_idx ON rectification (company_id, issued_at);
CREATE INDEX rectification_scope_idx ON rectification (scope_path varchar_pattern_ops);

-- 年评定: a company's yearly rating, once a year, with its grade and whether it carries the title 红岩先锋物业
CREATE TABLE rating (
    id              uuid PRIMARY KEY,
    company_id      uuid         NOT NULL REFERENCES company (id),
    year            integer      NOT NULL,
    score           numeric(5,1) NOT NULL,
    grade           varchar(10)  NOT NULL CHECK (grade IN ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')),
    titled          boolean      NOT NULL,
    rated_by        uuid         NOT NULL,
    rated_at        timestamptz  NOT NULL,
    UNIQUE (company_id, year)
);
