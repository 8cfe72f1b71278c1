-- Categories are data: the seeds' own problems, grouped under the GB/T 30428 event classes and the community classes.
create table category_class (
    code        varchar(32)  primary key,
    name        varchar(64)  not null,
    standard    varchar(16)  not null check (standard in ('GBT30428', 'COMMUNITY')),
    sort_order  int          not null
);

create table category (
    code        varchar(32)  primary key,
    class_code  varchar(32)  not null references category_class (code),
    name        varchar(64)  not null,
    active      boolean      not null default true,
    sort_order  int          not null
);

insert into category_class (code, name, standard, sort_order) values
    ('CITY_ENVIRONMENT', '市容环境', 'GBT30428', 10),
    ('ADVERTISING',      '宣传广告', 'GBT30428', 20),
    ('CONSTRUCTION',     '施工管理', 'GBT30428', 30),
    ('STREET_ORDER',     '街面秩序', 'GBT30428', 40),
    ('EMERGENCY',        '突发事件', 'GBT30428', 50),
    ('OTHER',            '其他',     'GBT30428', 60),
    ('DISPUTE',          '矛盾纠纷', 'COMMUNITY', 70),
    ('LIVELIHOOD',       '民生服务', 'COMMUNITY', 80),
    ('SAFETY_HAZARD',    '安全隐患', 'COMMUNITY', 90),
    ('FIRM_SERVICE',     '企业服务', 'COMMUNITY', 100);

insert into category (code, class_code, name, sort_order) values
    ('MANHOLE_COVER',       'CITY_ENVIRONMENT', '井盖破损',         10),
    ('ROAD_POTHOLE',        'CITY_ENVIRONMENT', '道路坑洼',         20),
    ('SANITATION_BLACKSPOT','CITY_ENVIRONMENT', '卫生死角',         30),
    ('TREE_PRUNING',        'CITY_ENVIRONMENT', '大树修枝',         40),
    ('ILLEGAL_ADVERTISING', 'ADVERTISING',      '乱贴乱画小广告',   50),
    ('FACADE_HAZARD',       'CONSTRUCTION',     '外墙排危',         60),
    ('ELEVATOR_RETROFIT',   'CONSTRUCTION',     '电梯加装',         70),
    ('ILLEGAL_PARKING',     'STREET_ORDER',     '车辆乱停',         80),
    ('PUBLIC_SPACE_CLUTTER','STREET_ORDER',     '公共区域乱占乱堆', 90),
    ('HIGH_ALTITUDE_THROW', 'EMERGENCY',        '高空抛物',         100),
    ('OTHER',               'OTHER',            '其他问题',         110),
    ('NEIGHBOUR_DISPUTE',   'DISPUTE',          '矛盾纠纷',         120),
    ('ELDERLY_ALONE_HELP',  'LIVELIHOOD',       '独居老人求助',     130),
    ('MESSY_WIRING',        'SAFETY_HAZARD',    '电线乱拉',         140),
    ('FIRE_LANE_BLOCKED',   'SAFETY_HAZARD',    '消防通道堵塞',     150),
    ('FIRM_RECRUITMENT',    'FIRM_SERVICE',     '企业招工',         160);

create table incident (
    id              uuid         primary key,
    channel         varchar(16)  not null,
    category_code   varchar(32)  not null references category (code),
    description     varchar(2000) not null,
    lat             double precision not null,
    lng             double precision not null,
    grid_id         uuid         not null,
    micro_grid_id   uuid,
    scope_path      text         not null,
    district_id     uuid,
    state           varchar(16)  not null,
    triage          varchar(16),
    whistle_type    varchar(16),
    reject_reason   varchar(16),
    claimed_by      uuid,
    reporter_id     uuid         not null,
    reported_at     timestamptz  not null,
    updated_at      timestamptz  not null
);

create index incident_scope_idx on incident (scope_path text_pattern_ops, reported_at desc);
create index incident_grid_state_idx on incident (grid_id, state);

-- insert-only: every step of an incident, who took it, in which role, when, where and what
create table timeline_entry (
    id           uuid         primary key,
    incident_id  uuid         not null references incident (id),
    occurred_at  timestamptz  not null,
    actor_id     uuid         not null,
    actor_name   varchar(64)  not null,
    actor_role   varchar(32)  not null,
    action       varchar(16)  not null,
    from_state   varchar(16),
    to_state     varchar(16)  not null,
    lat          double precision,
    lng          double precision,
    detail       varchar(2000)
);

create index timeline_entry_incident_idx on timeline_entry (incident_id, occurred_at, id);

create function timeline_entry_insert_only() returns trigger language plpgsql as $$
begin
    raise exception 'timeline entries are insert-only';
end $$;

create trigger timeline_entry_no_change before update or delete on timeline_entry
    for each row execute function timeline_entry_insert_only();

-- one row per (caller, Idempotency-Key), inserted first in the submission's own transaction: the key decides
create table idempotency_key (
    actor_id         uuid         not null,
    key              varchar(128) not null,
    request_hash     varchar(64)  not null,
    response_status  int,
    response_body    text,
    created_at       timestamptz  not null,
    primary key (actor_id, key)
);
