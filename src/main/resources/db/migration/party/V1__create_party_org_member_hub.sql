-- The party tree, its members and hub households. Each organisation is attached to the place it serves (a node of the
-- management tree, an estate or a building, referenced by id — no foreign keys across modules) and copies that
-- place's scope path, which every read binds as a LIKE prefix. Members and hubs copy their organisation's path.
-- Status changes of a member are kept insert-only in member_status_change.

CREATE TABLE party_org (
    id           uuid PRIMARY KEY,
    parent_id    uuid REFERENCES party_org (id),
    name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    level        text NOT NULL CHECK (level IN ('WORKING_COMMITTEE', 'COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP')),
    functional   boolean NOT NULL DEFAULT false,
    temporary    boolean NOT NULL DEFAULT false,
    place_kind   text NOT NULL CHECK (place_kind IN ('STREET', 'COMMUNITY', 'GRID', 'MICRO_GRID', 'ESTATE', 'BUILDING')),
    place_id     uuid NOT NULL,
    place_name   text NOT NULL,
    estate_id    uuid,
    building_id  uuid,
    scope_path   text NOT NULL,
    district_id  uuid NOT NULL,
    created_at   timestamptz NOT NULL,
    created_by   uuid
);
CREATE INDEX party_org_scope_idx ON party_org (scope_path text_pattern_ops);
CREATE INDEX party_org_parent_idx ON party_org (parent_id);
CREATE INDEX party_org_place_idx ON party_org (place_id);
CREATE INDEX party_org_estate_idx ON party_org (estate_id);

CREATE TABLE member (
    id                     uuid PRIMARY KEY,
    org_id                 uuid NOT NULL REFERENCES party_org (id),
    name                   text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    gender                 text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    joined_on              date,
    status                 text NOT NULL CHECK (status IN ('ACTIVE', 'TRANSFERRED_OUT', 'DECEASED', 'EXPELLED')),
    kind                   text NOT NULL CHECK (kind IN ('REGULAR', 'IN_SERVICE', 'INCOMING', 'ACTIVIST', 'APPLICANT')),
    employer               text,
    dual_community_id      uuid,
    dual_estate_id         uuid,
    resident_id            uuid,
    scope_path             text NOT NULL,
    district_id            uuid NOT NULL,
    created_at             timestamptz NOT NULL,
    created_by             uuid
);
CREATE INDEX member_scope_idx ON member (scope_path text_pattern_ops);
CREATE INDEX member_org_idx ON member (org_id);

CREATE TABLE member_status_change (
    member_id    uuid NOT NULL REFERENCES member (id),
    status       text NOT NULL,
    changed_on   date NOT NULL,
    note         text,
    district_id  uuid NOT NULL,
    recorded_at  timestamptz NOT NULL,
    recorded_by  uuid
);
CREATE INDEX member_status_change_member_idx ON member_status_change (member_id);

CREATE TABLE hub_household (
    id            uuid PRIMARY KEY,
    member_id     uuid NOT NULL REFERENCES member (id),
    household_id  uuid,
    scope_path    text NOT NULL,
    district_id   uuid NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    uuid
);
CREATE INDEX hub_household_scope_idx ON hub_household (scope_path text_pattern_ops);
CREATE UNIQUE INDEX hub_household_member_idx ON hub_household (member_id);

CREATE TABLE hub_building (
    hub_id       uuid NOT NULL REFERENCES hub_household (id),
    building_id  uuid NOT NULL,
    estate_id    uuid NOT NULL,
    district_id  uuid NOT NULL,
    PRIMARY KEY (hub_id, building_id)
);
CREATE INDEX hub_building_estate_idx ON hub_building (estate_id);
