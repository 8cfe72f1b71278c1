-- Open311 clients: each api_key is kept only as its SHA-256 hash and bound to a client name and the org unit whose
-- grids it may report into (its jurisdiction). The client's id is also the stable user id its reports carry.
create table api_client (
    id               uuid         primary key,
    name             varchar(100) not null,
    key_hash         varchar(64)  not null unique,
    jurisdiction_id  uuid         not null,
    created_at       timestamptz  not null,
    revoked_at       timestamptz
);

-- The service definition (Open311 attributes) of an incident category, referenced by its code (no foreign key across
-- modules). A category without rows here has metadata=false.
create table service_attribute (
    service_code         varchar(32)  not null,
    code                 varchar(32)  not null,
    datatype             varchar(16)  not null check (datatype in ('string', 'number', 'datetime', 'text',
                                                                   'singlevaluelist', 'multivaluelist')),
    required             boolean      not null,
    description          varchar(200) not null,
    datatype_description varchar(200),
    sort_order           int          not null,
    primary key (service_code, code)
);

create table service_attribute_value (
    service_code    varchar(32)  not null,
    attribute_code  varchar(32)  not null,
    key             varchar(32)  not null,
    name            varchar(64)  not null,
    sort_order      int          not null,
    primary key (service_code, attribute_code, key),
    foreign key (service_code, attribute_code) references service_attribute (service_code, code)
);

insert into service_attribute (service_code, code, datatype, required, description, datatype_description, sort_order)
values
    ('MANHOLE_COVER', 'COVER_KIND', 'singlevaluelist', true, '井盖类型', '选择井盖上的标识', 1),
    ('MANHOLE_COVER', 'DAMAGE', 'singlevaluelist', false, '破损情况', null, 2),
    ('ILLEGAL_PARKING', 'VEHICLES', 'number', false, '车辆数量', '大约几辆', 1),
    ('HIGH_ALTITUDE_THROW', 'BUILDING', 'string', false, '疑似楼栋', '例如 3栋', 1);

insert into service_attribute_value (service_code, attribute_code, key, name, sort_order) values
    ('MANHOLE_COVER', 'COVER_KIND', 'RAIN', '雨水', 1),
    ('MANHOLE_COVER', 'COVER_KIND', 'SEWAGE', '污水', 2),
    ('MANHOLE_COVER', 'COVER_KIND', 'POWER', '电力', 3),
    ('MANHOLE_COVER', 'COVER_KIND', 'TELECOM', '通信', 4),
    ('MANHOLE_COVER', 'COVER_KIND', 'UNKNOWN', '看不清', 5),
    ('MANHOLE_COVER', 'DAMAGE', 'MISSING', '井盖缺失', 1),
    ('MANHOLE_COVER', 'DAMAGE', 'BROKEN', '破裂', 2),
    ('MANHOLE_COVER', 'DAMAGE', 'SUNKEN', '下沉或松动', 3);

-- What a client submitted under which Idempotency-Key: the token it was given and the service request it became.
create table submission (
    token               uuid         primary key,
    client_id           uuid         not null references api_client (id),
    idempotency_key     varchar(128) not null,
    service_request_id  uuid         not null,
    submitted_at        timestamptz  not null,
    unique (client_id, idempotency_key)
);

-- The public index of service requests, kept from the incident module's IncidentStepped events inside each step's
-- own transaction: GET requests filters here by date, status and service code, then reads each incident through
-- IncidentQueries. Only what the filters need; no reporter, no names.
create table request_index (
    incident_id    uuid         primary key,
    service_code   varchar(32)  not null,
    requested_at   timestamptz  not null,
    updated_at     timestamptz  not null,
    closed         boolean      not null
);

create index request_index_requested_idx on request_index (requested_at desc, incident_id desc);

-- Insert-only: every step of every incident as an Open311 service request update (servicerequestupdates).
create table request_update (
    id            uuid         primary key,
    incident_id   uuid         not null,
    action        varchar(16)  not null,
    to_state      varchar(16)  not null,
    occurred_at   timestamptz  not null,
    unique (incident_id, action, to_state, occurred_at)
);

create index request_update_occurred_idx on request_update (occurred_at, id);
