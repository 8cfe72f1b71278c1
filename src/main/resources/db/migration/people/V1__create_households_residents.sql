-- Households and residents. The current state lives in household and resident; every change to a resident is also a
-- new row of resident_version and every move a row of household_event — both insert-only, so nothing is ever
-- silently overwritten. ID numbers and phones are AES-GCM cipher text with an HMAC-SHA256 hash for exact search and
-- a masked copy for lists. scope_path is the path of the dwelling's micro-grid; every read binds it as a LIKE prefix.

CREATE TABLE household (
    id               uuid PRIMARY KEY,
    dwelling_id      uuid NOT NULL,
    dwelling_label   text NOT NULL,
    building_id      uuid NOT NULL,
    grid_id          uuid NOT NULL,
    micro_grid_id    uuid NOT NULL,
    registered       boolean NOT NULL,
    tenure           text NOT NULL CHECK (tenure IN ('OWNER', 'RENTER')),
    moved_in         date NOT NULL,
    moved_out        date,
    head_resident_id uuid,
    scope_path       text NOT NULL,
    district_id      uuid NOT NULL,
    version          integer NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    created_by       uuid,
    CHECK (moved_out IS NULL OR moved_out >= moved_in)
);
CREATE INDEX household_scope_idx ON household (scope_path text_pattern_ops);
CREATE INDEX household_dwelling_idx ON household (dwelling_id);

CREATE TABLE resident (
    id                  uuid PRIMARY KEY,
    household_id        uuid NOT NULL REFERENCES household (id),
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    gender              text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
    birth_date          date NOT NULL,
    id_card_cipher      bytea NOT NULL,
    id_card_hash        bytea NOT NULL,
    id_card_masked      text NOT NULL,
    phone_cipher        bytea,
    phone_hash          bytea,
    phone_masked        text,
    relation            text NOT NULL,
    tags                text[] NOT NULL DEFAULT '{}',
    new_employment_kind text CHECK (new_employment_kind IN ('RIDER', 'COURIER', 'RIDE_HAILING')),
    active              boolean NOT NULL DEFAULT true,
    building_id         uuid NOT NULL,
    grid_id             uuid NOT NULL,
    scope_path          text NOT NULL,
    district_id         uuid NOT NULL,
    version             integer NOT NULL,
    updated_at          timestamptz NOT NULL,
    updated_by          uuid
);
CREATE UNIQUE INDEX resident_id_card_idx ON resident (district_id, id_card_hash);
CREATE INDEX resident_phone_idx ON resident (phone_hash);
CREATE INDEX resident_scope_idx ON resident (scope_path text_pattern_ops);
CREATE INDEX resident_household_idx ON resident (household_id);
CREATE INDEX resident_tags_idx ON resident USING gin (tags);
CREATE INDEX resident_name_idx ON resident (name text_pattern_ops);

CREATE TABLE resident_version (
    resident_id         uuid NOT NULL REFERENCES resident (id),
    version             integer NOT NULL,
    reason              text NOT NULL CHECK (reason IN ('CREATED', 'IMPORTED', 'CORRECTED', 'MOVED_HOUSE', 'MOVED_OUT')),
    household_id        uuid NOT NULL,
    name                text NOT NULL,
    gender              text NOT NULL,
    birth_date          date NOT NULL,
    id_card_cipher      bytea NOT NULL,
    id_card_hash        bytea NOT NULL,
    phone_cipher        bytea,
    phone_hash          bytea,
    relation            text NOT NULL,
    tags                text[] NOT NULL,
    new_employment_kind text,
    active              boolean NOT NULL,
    scope_path          text NOT NULL,
    district_id         uuid NOT NULL,
    recorded_at         timestamptz NOT NULL,
    recorded_by         uuid,
    recorded_by_name    text,
    PRIMARY KEY (resident_id, version)
);

CREATE TABLE household_event (
    id                 uuid PRIMARY KEY,
    household_id       uuid NOT NULL REFERENCES household (id),
    kind               text NOT NULL CHECK (kind IN ('MOVED_IN', 'MOVED_OUT', 'MOVED_HOUSE', 'MEMBER_ADDED')),
    occurred_on        date NOT NULL,
    from_dwelling_id   uuid,
    from_label         text,
    to_dwelling_id     uuid,
    to_label           text,
    resident_id        uuid,
    scope_path         text NOT NULL,
    district_id        uuid NOT NULL,
    recorded_at        timestamptz NOT NULL,
    recorded_by        uuid,
    recorded_by_name   text
);
CREATE INDEX household_event_household_idx ON household_event (household_id, recorded_at);

-- The second of the two ledgers: what part a new-employment worker plays. Insert-only; an ended part is a new row.
CREATE TABLE ledger_role (
    id               uuid PRIMARY KEY,
    resident_id      uuid NOT NULL REFERENCES resident (id),
    role             text NOT NULL CHECK (role IN ('VOLUNTEER', 'PART_TIME_GRID_WORKER', 'PIONEER_RIDER')),
    started_on       date NOT NULL,
    note             text CHECK (length(note) <= 200),
    scope_path       text NOT NULL,
    district_id      uuid NOT NULL,
    recorded_at      timestamptz NOT NULL,
    recorded_by      uuid,
    recorded_by_name text
);
CREATE INDEX ledger_role_resident_idx ON ledger_role (resident_id);
CREATE INDEX ledger_role_scope_idx ON ledger_role (scope_path text_pattern_ops);

CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is insert-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER resident_version_insert_only BEFORE UPDATE OR DELETE ON resident_version
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER household_event_insert_only BEFORE UPDATE OR DELETE ON household_event
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER ledger_role_insert_only BEFORE UPDATE OR DELETE ON ledger_role
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
