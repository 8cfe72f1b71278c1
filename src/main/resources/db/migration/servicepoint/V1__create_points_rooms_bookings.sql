-- Service points (党群服务中心/站/点, 驿站, 养老服务站, 新时代文明实践站, 物业服务站) with their position, opening hours and
-- the services each offers; their rooms; who is on duty when (a weekly roster, the 微孝热线's too); bookings of rooms.
-- The kinds of service are data: a community offers what it offers, and the 15-minute circle is computed per kind.
-- btree_gist lets one exclusion constraint hold "= room AND overlapping period": no double booking, even at the same
-- instant (it is a trusted extension: the schemas' owner may create it).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE service_kind (
    code       varchar(24) PRIMARY KEY,
    name_zh    varchar(40) NOT NULL,
    name_en    varchar(60) NOT NULL,
    sort_order integer     NOT NULL
);
INSERT INTO service_kind (code, name_zh, name_en, sort_order) VALUES
    ('REST', '歇脚休息', 'A rest, water, warmth', 1),
    ('CHARGING', '手机充电', 'Phone charging', 2),
    ('READING', '图书阅读', 'Reading room', 3),
    ('ELDER_CARE', '养老照料', 'Elder day care', 4),
    ('MEALS', '老年助餐', 'Meals for elders', 5),
    ('HEALTH', '健康义诊', 'Health checks', 6),
    ('ERRANDS', '便民代办', 'Errands', 7),
    ('LEGAL', '法律咨询', 'Legal advice', 8),
    ('SOCIAL_SECURITY', '社保医保办理', 'Social security', 9),
    ('CHILDREN', '儿童托管', 'Children''s care', 10),
    ('ACTIVITIES', '活动场地', 'Rooms for activities', 11);

CREATE TABLE point (
    id            uuid PRIMARY KEY,
    org_unit_id   uuid          NOT NULL,
    org_unit_name varchar(100)  NOT NULL,
    scope_path    varchar(400)  NOT NULL,
    district_id   uuid          NOT NULL,
    name          varchar(60)   NOT NULL,
    kind          varchar(16)   NOT NULL CHECK (kind IN ('CENTER', 'STATION', 'POINT', 'POST', 'ELDER_CARE',
                                                        'CIVILISATION', 'PROPERTY')),
    address       varchar(200)  NOT NULL,
    lat           double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lng           double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
    hours         varchar(100)  NOT NULL,
    phone         varchar(20),
    created_by    uuid          NOT NULL,
    created_at    timestamptz   NOT NULL,
    UNIQUE (org_unit_id, name)
);
CREATE INDEX point_scope_idx ON point (scope_path varchar_pattern_ops);
CREATE INDEX point_district_idx ON point (district_id);

CREATE TABLE point_service (
    point_id uuid        NOT NULL REFERENCES point (id),
    kind     varchar(24) NOT NULL REFERENCES service_kind (code),
    PRIMARY KEY (point_id, kind)
);

CREATE TABLE room (
    id       uuid PRIMARY KEY,
    point_id uuid         NOT NULL REFERENCES point (id),
    name     varchar(40)  NOT NULL,
    capacity integer      NOT NULL CHECK (capacity BETWEEN 1 AND 2000),
    purpose  varchar(200),
    UNIQUE (point_id, name)
);

-- the weekly roster: who sits at a point (or answers the community's hotline: point_id NULL) on which weekday when
CREATE TABLE duty (
    id           uuid PRIMARY KEY,
    point_id     uuid REFERENCES point (id),
    org_unit_id  uuid         NOT NULL,
    scope_path   varchar(400) NOT NULL,
    weekday      smallint     NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts       time         NOT NULL,
    ends         time         NOT NULL CHECK (ends > starts),
    person_name  varchar(100) NOT NULL,
    account_id   uuid,
    role_note    varchar(40)
);
CREATE INDEX duty_scope_idx ON duty (scope_path varchar_pattern_ops);

CREATE TABLE booking (
    id             uuid PRIMARY KEY,
    room_id        uuid          NOT NULL REFERENCES room (id),
    point_id       uuid          NOT NULL REFERENCES point (id),
    scope_path     varchar(400)  NOT NULL,
    district_id    uuid          NOT NULL,
    title          varchar(60)   NOT NULL,
    period         tstzrange     NOT NULL CHECK (NOT isempty(period)),
    expected       integer       NOT NULL CHECK (expected BETWEEN 1 AND 2000),
    attendance     integer       CHECK (attendance BETWEEN 0 AND 5000),
    state          varchar(10)   NOT NULL CHECK (state IN ('BOOKED', 'CANCELLED')),
    booked_by      uuid          NOT NULL,
    booked_by_name varchar(100)  NOT NULL,
    created_at     timestamptz   NOT NULL,
    -- one room, one activity at a time: the database refuses the second of two overlapping bookings, whoever is first
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room_id WITH =, period WITH &&) WHERE (state = 'BOOKED')
);
CREATE INDEX booking_point_idx ON booking (point_id, lower(period));
CREATE INDEX booking_booker_idx ON booking (booked_by);
