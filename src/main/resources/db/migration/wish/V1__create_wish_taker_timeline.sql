-- Micro-wishes (微心愿): posted by a resident (or a grid worker for him), vetted by the community, taken by members,
-- volunteers or partner units, fulfilled with a photo and confirmed by the resident.
CREATE TABLE wish.wish (
    id                    uuid PRIMARY KEY,
    district_id           uuid         NOT NULL,
    -- the node the wish was posted for (a grid or the community itself); scope filters match its path
    org_unit_id           uuid         NOT NULL,
    scope_path            varchar(400) NOT NULL,
    community_id          uuid         NOT NULL,
    -- kept with the wish so that the public wall of a community is found by its code without reading another schema
    community_code        varchar(20)  NOT NULL,
    community_name        varchar(100) NOT NULL,
    state                 varchar(16)  NOT NULL,
    title                 varchar(60)  NOT NULL,
    description           varchar(1000) NOT NULL,
    -- what the wall may say about the person ("一位独居老人"): never his name
    public_label          varchar(40),
    category              varchar(20)  NOT NULL,
    -- personal details: shown only to the poster, the person himself and the community that vets
    beneficiary_name      varchar(50)  NOT NULL,
    beneficiary_resident_id uuid,
    beneficiary_address   varchar(200),
    due_on                date         NOT NULL,
    photo_id              uuid,
    max_takers            integer      NOT NULL DEFAULT 1 CHECK (max_takers BETWEEN 1 AND 50),
    taker_count           integer      NOT NULL DEFAULT 0 CHECK (taker_count >= 0 AND taker_count <= max_takers),
    posted_by             uuid         NOT NULL,
    posted_by_name        varchar(100) NOT NULL,
    posted_on_behalf      boolean      NOT NULL DEFAULT false,
    posted_at             timestamptz  NOT NULL,
    vetted_by             uuid,
    vetted_at             timestamptz,
    refusal_reason        varchar(500),
    published_at          timestamptz,
    dispatch_kind         varchar(10),
    dispatch_account_id   uuid,
    dispatch_name         varchar(100),
    fulfilled_at          timestamptz,
    fulfilled_by          uuid,
    fulfilment_note       varchar(1000),
    fulfilment_photo_id   uuid,
    confirmed_at          timestamptz,
    confirmed_by          uuid,
    thanks                varchar(500),
    raised_at             timestamptz,
    updated_at            timestamptz  NOT NULL
);

CREATE INDEX wish_scope ON wish.wish (scope_path text_pattern_ops, posted_at DESC);
CREATE INDEX wish_poster ON wish.wish (posted_by, posted_at DESC);
CREATE INDEX wish_community_wall ON wish.wish (community_code, state, due_on);
-- the expiry sweep reads only the open, untaken wishes
CREATE INDEX wish_unclaimed_due ON wish.wish (due_on) WHERE state IN ('PUBLISHED', 'DISPATCHED');

-- one row per taker; the primary key makes a repeated take by the same person harmless
CREATE TABLE wish.taker (
    wish_id     uuid         NOT NULL REFERENCES wish.wish (id),
    taker_id    uuid         NOT NULL,
    taker_name  varchar(100) NOT NULL,
    taker_kind  varchar(10)  NOT NULL,
    account_id  uuid,
    taken_at    timestamptz  NOT NULL,
    PRIMARY KEY (wish_id, taker_id)
);
CREATE INDEX taker_account ON wish.taker (account_id, taken_at DESC);

-- insert-only history of every step
CREATE TABLE wish.timeline (
    id          uuid PRIMARY KEY,
    wish_id     uuid         NOT NULL REFERENCES wish.wish (id),
    district_id uuid         NOT NULL,
    at          timestamptz  NOT NULL,
    actor_id    uuid,
    actor_name  varchar(100) NOT NULL,
    action      varchar(16)  NOT NULL,
    from_state  varchar(16),
    to_state    varchar(16)  NOT NULL,
    note        varchar(1000)
);
CREATE INDEX timeline_wish ON wish.timeline (wish_id, at);
