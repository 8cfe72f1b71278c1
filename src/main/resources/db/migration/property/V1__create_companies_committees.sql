-- Property companies (物业服务企业) under supervision, the estates they manage by contract, their 红色管家 and the
-- owners' committees (业委会) of the estates. Estates, units and accounts belong to other modules: referenced by id,
-- their names copied for lists. scope_path is the node the company was registered at (its district, usually); an
-- estate's rows carry the estate's own path (its community's), which is what a community desk is scoped by.
CREATE TABLE company (
    id             uuid PRIMARY KEY,
    name           varchar(100) NOT NULL,
    licence_no     varchar(40)  NOT NULL,
    contact_name   varchar(50),
    contact_phone  varchar(20),
    party_org      varchar(12)  NOT NULL CHECK (party_org IN ('OWN_BRANCH', 'INSTRUCTOR', 'MEMBER_STAFF', 'NONE')),
    unit_id        uuid         NOT NULL,
    scope_path     varchar(400) NOT NULL,
    district_id    uuid         NOT NULL,
    created_at     timestamptz  NOT NULL,
    version        integer      NOT NULL DEFAULT 0,
    UNIQUE (licence_no)
);
CREATE INDEX company_scope_idx ON company (scope_path varchar_pattern_ops);

-- 物业服务合同: who manages which estate, from when to when; one running contract per estate
CREATE TABLE contract (
    id            uuid PRIMARY KEY,
    company_id    uuid         NOT NULL REFERENCES company (id),
    estate_id     uuid         NOT NULL,
    estate_name   varchar(100) NOT NULL,
    scope_path    varchar(400) NOT NULL,
    starts_on     date         NOT NULL,
    ends_on       date         NOT NULL CHECK (ends_on > starts_on),
    lat           double precision,
    lng           double precision
);
CREATE INDEX contract_company_idx ON contract (company_id);
CREATE INDEX contract_scope_idx ON contract (scope_path varchar_pattern_ops);
CREATE UNIQUE INDEX contract_estate_start_idx ON contract (estate_id, starts_on);

-- 红色管家: staff of the company who serve the residents of an estate (代收资料、政策咨询、民事代办)
CREATE TABLE steward (
    id            uuid PRIMARY KEY,
    company_id    uuid         NOT NULL REFERENCES company (id),
    estate_id     uuid,
    name          varchar(50)  NOT NULL,
    post          varchar(50)  NOT NULL,
    party_member  boolean      NOT NULL
);
CREATE INDEX steward_company_idx ON steward (company_id);

-- 业委会 of an estate for a term, with its members; red (红色业委会) when party members are at least the rule's share
CREATE TABLE committee (
    id            uuid PRIMARY KEY,
    estate_id     uuid         NOT NULL,
    estate_name   varchar(100) NOT NULL,
    scope_path    varchar(400) NOT NULL,
    term_starts   date         NOT NULL,
    term_ends     date         NOT NULL CHECK (term_ends > term_starts),
    UNIQUE (estate_id, term_starts)
);
CREATE TABLE committee_member (
    id            uuid PRIMARY KEY,
    committee_id  uuid         NOT NULL REFERENCES committee (id),
    name          varchar(50)  NOT NULL,
    position      varchar(20)  NOT NULL CHECK (position IN ('CHAIR', 'VICE_CHAIR', 'MEMBER')),
    party_member  boolean      NOT NULL
);
CREATE INDEX committee_member_idx ON committee_member (committee_id);

-- A district's figures as the reports state them where the platform does not hold every firm (巴南: 64 firms with
-- their own party organisation, 98 covered by an instructor or party-member staff — seed 003)
CREATE TABLE district_figure (
    district_id   uuid         NOT NULL,
    scope_path    varchar(400) NOT NULL,
    code          varchar(32)  NOT NULL,
    value         integer      NOT NULL,
    source        varchar(200) NOT NULL,
    PRIMARY KEY (district_id, code)
);
