-- 志愿岗位 (南岸's six kinds: 民情联络、治安巡逻、文明劝导、纠纷调解、结对帮扶、五长联动): a party member or volunteer
-- claims a post of his place with its duty schedule, and gives it up when he must; one post of a kind a person holds.
CREATE TABLE post (
    id            uuid PRIMARY KEY,
    org_unit_id   uuid         NOT NULL,
    org_unit_name varchar(100) NOT NULL,
    scope_path    varchar(400) NOT NULL,
    kind          varchar(12)  NOT NULL CHECK (kind IN ('LIAISON', 'PATROL', 'CIVILITY', 'MEDIATION', 'PAIRING',
                                                       'FIVE_HEADS')),
    holder_id     uuid         NOT NULL,
    holder_name   varchar(100) NOT NULL,
    duty          varchar(200) NOT NULL,
    claimed_at    timestamptz  NOT NULL,
    released_at   timestamptz
);
CREATE UNIQUE INDEX post_held_once_idx ON post (holder_id, kind) WHERE released_at IS NULL;
CREATE INDEX post_scope_idx ON post (scope_path varchar_pattern_ops) WHERE released_at IS NULL;
