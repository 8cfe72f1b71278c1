-- Partnership (共驻共建): partner units, their liaisons, yearly agreements, the three lists and the claims on them.
-- Communities are referenced by id (no foreign keys across modules); the few facts of a community the public page
-- needs without a signed-in user (code, name, path) are copied into community_board when the community first works here.

create table community_board (
    community_id  uuid         primary key,
    code          varchar(32)  not null unique,
    name          varchar(128) not null,
    path          text         not null,
    district_id   uuid         not null
);

create table partner_unit (
    id              uuid          primary key,
    community_id    uuid          not null references community_board (community_id),
    scope_path      text          not null,
    district_id     uuid          not null,
    name            varchar(128)  not null,
    type            varchar(32)   not null,
    party_org_name  varchar(128),
    address         varchar(256),
    lat             double precision,
    lng             double precision,
    contact_name    varchar(64),
    contact_phone   varchar(32),
    created_at      timestamptz   not null,
    unique (community_id, name)
);
create index partner_unit_scope on partner_unit (scope_path text_pattern_ops);

-- An account serves one unit; the unit's work is all it sees.
create table partner_liaison (
    account_id  uuid  primary key,
    partner_id  uuid  not null references partner_unit (id)
);

create table document (
    id          uuid         primary key,
    media_type  varchar(64)  not null,
    size_bytes  bigint       not null,
    sha256      varchar(64)  not null,
    uploaded_by uuid         not null,
    created_at  timestamptz  not null
);

create table agreement (
    id            uuid          primary key,
    partner_id    uuid          not null references partner_unit (id),
    community_id  uuid          not null,
    year          int           not null,
    commitments   varchar(4000) not null,
    status        varchar(16)   not null check (status in ('DRAFT', 'SIGNED', 'TERMINATED')),
    document_id   uuid          references document (id),
    signed_on     date,
    created_at    timestamptz   not null,
    unique (partner_id, year)
);

create table list_item (
    id              uuid           primary key,
    community_id    uuid           not null references community_board (community_id),
    scope_path      text           not null,
    district_id     uuid           not null,
    kind            varchar(16)    not null check (kind in ('NEED', 'RESOURCE', 'PROJECT')),
    offered_by      uuid           references partner_unit (id),
    title           varchar(128)   not null,
    category        varchar(32)    not null,
    description     varchar(4000)  not null,
    quantity        numeric(14, 2) not null check (quantity > 0),
    measure         varchar(8)     not null check (measure in ('YUAN', 'HOURS', 'PEOPLE')),
    claimed         numeric(14, 2) not null default 0,
    period_start    date           not null,
    period_end      date           not null,
    lat             double precision,
    lng             double precision,
    status          varchar(16)    not null check (status in ('OPEN', 'FULLY_CLAIMED', 'COMPLETED', 'WITHDRAWN')),
    published_at    timestamptz    not null,
    first_claimed_at timestamptz,
    completed_at    timestamptz,
    version         int            not null default 0,
    -- the conditional claim relies on it: never more pledged than there is
    check (claimed >= 0 and claimed <= quantity),
    check (period_end >= period_start),
    check (kind <> 'RESOURCE' or offered_by is not null)
);
create index list_item_scope on list_item (scope_path text_pattern_ops, kind, status);
create index list_item_community on list_item (community_id, kind, published_at);

-- A claim is the public pledge (公开承诺). The claimer is a partner unit (needs, projects) or a community (resources);
-- the deliverer is always a partner unit, whose contribution record the accepted claim adds to.
create table claim (
    id             uuid           primary key,
    item_id        uuid           not null references list_item (id),
    claimer_kind   varchar(16)    not null check (claimer_kind in ('PARTNER', 'COMMUNITY')),
    claimer_id     uuid           not null,
    partner_id     uuid           not null references partner_unit (id),
    amount         numeric(14, 2) not null check (amount > 0),
    due_on         date           not null,
    status         varchar(16)    not null check (status in ('PLEDGED', 'DELIVERED', 'ACCEPTED')),
    claimed_by     uuid           not null,
    claimed_at     timestamptz    not null,
    delivered_at   timestamptz,
    accepted_at    timestamptz,
    accepted_by    uuid,
    value_yuan     numeric(14, 2),
    hours          numeric(10, 1),
    people_served  int,
    unique (item_id, claimer_id)
);
create index claim_partner on claim (partner_id, status);

-- Insert-only: progress notes and the completion's evidence.
create table delivery_note (
    id           uuid          primary key,
    claim_id     uuid          not null references claim (id),
    kind         varchar(16)   not null check (kind in ('PROGRESS', 'COMPLETION', 'ACCEPTANCE')),
    note         varchar(2000) not null,
    document_id  uuid          references document (id),
    author_id    uuid          not null,
    at           timestamptz   not null
);
create index delivery_note_claim on delivery_note (claim_id, at);
