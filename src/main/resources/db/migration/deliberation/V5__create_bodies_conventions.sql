-- Self-governance bodies of an estate (自治管理小组, 楼委会, 议事会, 监事会, 业委会, 守护楼员) with their members and terms,
-- and residents' conventions (公约), rules of the bodies and proposal letters (倡议书): drafted, deliberated and adopted
-- as topics, each adopted text a version of its own.
CREATE TABLE body (
    id            uuid PRIMARY KEY,
    estate_id     uuid NOT NULL,
    estate_name   text NOT NULL,
    community_id  uuid NOT NULL,
    district_id   uuid NOT NULL,
    scope_path    text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('SELF_MANAGEMENT_GROUP', 'BUILDING_COMMITTEE', 'COUNCIL', 'SUPERVISORY',
                                                'OWNERS_COMMITTEE', 'GUARDIANS')),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    term_start    date NOT NULL,
    term_end      date CHECK (term_end IS NULL OR term_end > term_start),
    created_at    timestamptz NOT NULL,
    created_by    uuid NOT NULL
);
CREATE INDEX body_estate_idx ON body (estate_id);

CREATE TABLE body_member (
    id            uuid PRIMARY KEY,
    body_id       uuid NOT NULL REFERENCES body (id),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    role          text NOT NULL CHECK (length(role) BETWEEN 1 AND 20),
    party_member  boolean NOT NULL,
    building_id   uuid,
    building_name text,
    joined_on     date NOT NULL,
    left_on       date CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX body_member_body_idx ON body_member (body_id);

CREATE TABLE convention (
    id            uuid PRIMARY KEY,
    estate_id     uuid NOT NULL,
    community_id  uuid NOT NULL,
    scope_path    text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('CONVENTION', 'RULES', 'PROPOSAL')),
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
    created_at    timestamptz NOT NULL
);
CREATE INDEX convention_estate_idx ON convention (estate_id);

-- A draft is deliberated as a topic; when the topic passes, its text becomes the next adopted version.
CREATE TABLE convention_version (
    convention_id uuid NOT NULL REFERENCES convention (id),
    version       integer NOT NULL,
    text          text NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    topic_id      uuid NOT NULL REFERENCES topic (id) UNIQUE,
    drafted_at    timestamptz NOT NULL,
    adopted_at    timestamptz,
    PRIMARY KEY (convention_id, version)
);
