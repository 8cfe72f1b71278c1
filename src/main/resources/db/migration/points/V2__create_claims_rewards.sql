-- A deed claimed by the person (with a photo) or named by a nominator, vetted by the desk, on public notice (公示)
-- for the scheme's notice days, then credited unless an objection is upheld.
CREATE TABLE claim (
    id              uuid PRIMARY KEY,
    scheme_id       uuid          NOT NULL REFERENCES scheme (id),
    rule_id         uuid          NOT NULL REFERENCES rule (id),
    rule_code       varchar(40)   NOT NULL,
    rule_name       varchar(60)   NOT NULL,
    points          integer       NOT NULL,
    claimant_id     uuid          NOT NULL,
    claimant_name   varchar(100)  NOT NULL,
    scope_path      varchar(400)  NOT NULL,
    district_id     uuid          NOT NULL,
    nominated_by    uuid,
    nominated_by_name varchar(100),
    deed_on         date          NOT NULL,
    description     varchar(500)  NOT NULL,
    photo_id        uuid,
    photo_hash      varchar(64),
    -- what the checks found for the vetter: the same photo in another claim, a burst of nominations from one person
    flags           varchar(100),
    state           varchar(12)   NOT NULL CHECK (state IN ('SUBMITTED', 'ON_NOTICE', 'OBJECTED', 'CREDITED',
                                                           'REJECTED', 'WITHDRAWN')),
    submitted_at    timestamptz   NOT NULL,
    vetted_by       uuid,
    vetted_by_name  varchar(100),
    vetted_at       timestamptz,
    notice_until    date,
    objection       varchar(500),
    objected_by     uuid,
    objected_at     timestamptz,
    decision_note   varchar(500),
    movement_id     uuid REFERENCES movement (id),
    credited_points integer,
    settled_at      timestamptz,
    version         integer       NOT NULL DEFAULT 0
);
CREATE INDEX claim_scope_idx ON claim (scope_path varchar_pattern_ops, state);
CREATE INDEX claim_claimant_idx ON claim (claimant_id, submitted_at DESC);
CREATE INDEX claim_notice_idx ON claim (notice_until) WHERE state = 'ON_NOTICE';
CREATE INDEX claim_photo_idx ON claim (scheme_id, photo_hash) WHERE photo_hash IS NOT NULL;
CREATE INDEX claim_nominator_idx ON claim (nominated_by, submitted_at) WHERE nominated_by IS NOT NULL;

-- Sponsors (爱心企业、商铺) give goods and services for points; a liaison account confirms redemptions.
CREATE TABLE sponsor (
    id           uuid PRIMARY KEY,
    scheme_id    uuid         NOT NULL REFERENCES scheme (id),
    name         varchar(100) NOT NULL,
    address      varchar(200),
    liaison_id   uuid,
    created_at   timestamptz  NOT NULL,
    UNIQUE (scheme_id, name)
);
CREATE INDEX sponsor_liaison_idx ON sponsor (liaison_id) WHERE liaison_id IS NOT NULL;

CREATE TABLE reward (
    id           uuid PRIMARY KEY,
    scheme_id    uuid         NOT NULL REFERENCES scheme (id),
    sponsor_id   uuid         NOT NULL REFERENCES sponsor (id),
    name         varchar(60)  NOT NULL,
    description  varchar(500),
    price        integer      NOT NULL CHECK (price BETWEEN 1 AND 100000),
    -- what is left; a redemption takes one while it is held, a cancellation gives it back
    stock        integer      NOT NULL CHECK (stock >= 0),
    valid_until  date         NOT NULL,
    place        varchar(200) NOT NULL,
    created_at   timestamptz  NOT NULL
);
CREATE INDEX reward_scheme_idx ON reward (scheme_id, valid_until);

CREATE TABLE redemption (
    id               uuid PRIMARY KEY,
    scheme_id        uuid         NOT NULL REFERENCES scheme (id),
    reward_id        uuid         NOT NULL REFERENCES reward (id),
    sponsor_id       uuid         NOT NULL REFERENCES sponsor (id),
    holder_id        uuid         NOT NULL,
    holder_name      varchar(100) NOT NULL,
    price            integer      NOT NULL,
    -- what the person shows the sponsor; unique among the sponsor's redemptions still held
    code             varchar(8)   NOT NULL,
    state            varchar(10)  NOT NULL CHECK (state IN ('HELD', 'CONFIRMED', 'CANCELLED')),
    held_at          timestamptz  NOT NULL,
    hold_movement    uuid         NOT NULL REFERENCES movement (id),
    settled_at       timestamptz,
    settled_by       uuid,
    settle_movement  uuid REFERENCES movement (id),
    version          integer      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX redemption_code_idx ON redemption (sponsor_id, code) WHERE state = 'HELD';
CREATE INDEX redemption_holder_idx ON redemption (holder_id, held_at DESC);
CREATE INDEX redemption_scheme_idx ON redemption (scheme_id, state);
