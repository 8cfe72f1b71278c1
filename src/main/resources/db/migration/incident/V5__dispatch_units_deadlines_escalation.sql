-- Dispatch, ownership, deadlines, escalation and urging.

-- The units that answer a whistle (单位应哨): government departments, property companies, partner units, utilities.
-- A unit serves an org unit (district, street or community) and everything beneath it; its liaison accounts see and
-- answer only the unit's own orders.
create table unit (
    id           uuid         primary key,
    code         varchar(32)  not null unique,
    name         varchar(128) not null,
    kind         varchar(32)  not null check (kind in ('GOVERNMENT_DEPARTMENT', 'PROPERTY_COMPANY', 'PARTNER_UNIT',
                                                       'UTILITY')),
    org_unit_id  uuid         not null,
    scope_path   text         not null,
    active       boolean      not null default true,
    created_at   timestamptz  not null
);

create index unit_scope_idx on unit (scope_path text_pattern_ops);

create table unit_liaison (
    unit_id     uuid not null references unit (id),
    account_id  uuid not null,
    primary key (unit_id, account_id)
);

create unique index unit_liaison_account_idx on unit_liaison (account_id);

-- Every incident has exactly one owner at each moment: the org unit of its tier (GRID → COMMUNITY → STREET →
-- DISTRICT), the member who claimed it or was assigned, or the unit that answers it.
alter table incident
    add column anonymous        boolean     not null default false,
    add column tier             varchar(16) not null default 'GRID'
        check (tier in ('GRID', 'COMMUNITY', 'STREET', 'DISTRICT')),
    add column owner_kind       varchar(16) not null default 'ORG_UNIT'
        check (owner_kind in ('ORG_UNIT', 'MEMBER', 'UNIT')),
    add column owner_id         uuid,
    add column dispatch_mode    varchar(16) check (dispatch_mode in ('ASSIGN', 'OPEN_CALL', 'ROUND_ROBIN')),
    add column respond_due_at   timestamptz,
    add column on_site_due_at   timestamptz,
    add column resolve_due_at   timestamptz,
    add column yellow_cards     int         not null default 0,
    add column red_cards        int         not null default 0,
    add column escalations      int         not null default 0,
    add column reopened         int         not null default 0,
    add column duplicate_of     uuid references incident (id),
    add column closed_at        timestamptz;

update incident set owner_id = grid_id where owner_id is null;
alter table incident alter column owner_id set not null;

create index incident_owner_idx on incident (owner_id, state);
create index incident_resolve_due_idx on incident (resolve_due_at) where closed_at is null;
create index incident_open_category_idx on incident (category_code, reported_at desc) where closed_at is null;

-- A tough whistle (攻坚哨) has a lead unit and co-units, each with its own part and state.
create table incident_part (
    incident_id  uuid         not null references incident (id),
    unit_id      uuid         not null references unit (id),
    lead         boolean      not null,
    task         varchar(500) not null,
    state        varchar(16)  not null check (state in ('ASSIGNED', 'ACCEPTED', 'HANDED_BACK', 'DONE')),
    note         varchar(1000),
    updated_at   timestamptz  not null,
    primary key (incident_id, unit_id)
);

create unique index incident_part_one_lead_idx on incident_part (incident_id) where lead;

-- 延期申请: asked by the owner, decided one tier up.
create table extension_request (
    id            uuid          primary key,
    incident_id   uuid          not null references incident (id),
    requested_by  uuid          not null,
    requested_at  timestamptz   not null,
    hours         int           not null check (hours > 0),
    reason        varchar(1000) not null,
    state         varchar(16)   not null check (state in ('PENDING', 'APPROVED', 'REFUSED')),
    decided_by    uuid,
    decided_at    timestamptz,
    decision_note varchar(1000)
);

create unique index extension_request_one_pending_idx on extension_request (incident_id) where state = 'PENDING';
