-- 便民代办: an errand asked by an elder (or for him by the hotline, a guardian, a grid worker), assigned by the desk
-- to an errand-runner, done with proof and the money it handled, and confirmed by the resident. The kinds of errand
-- are data. errand_step is the errand's history, insert-only.
CREATE TABLE errand_kind (
    code       varchar(24) PRIMARY KEY,
    name_zh    varchar(40) NOT NULL,
    name_en    varchar(60) NOT NULL,
    sort_order integer     NOT NULL
);
INSERT INTO errand_kind (code, name_zh, name_en, sort_order) VALUES
    ('UTILITY_BILL', '水电气费代缴', 'Paying water, power and gas bills', 1),
    ('PENSION_CHECK', '退休人员资格认证', 'Pension qualification check', 2),
    ('BUS_CARD', '公交卡年审', 'Bus-card renewal', 3),
    ('MEDICINE', '代买药品', 'Buying medicine', 4),
    ('SHOPPING', '代购生活用品', 'Buying groceries', 5),
    ('PAPERS', '证件材料代办', 'Papers and certificates', 6),
    ('OTHER', '其他代办', 'Other errands', 7);

CREATE TABLE errand (
    id                uuid PRIMARY KEY,
    kind              varchar(24)   NOT NULL REFERENCES errand_kind (code),
    channel           varchar(12)   NOT NULL CHECK (channel IN ('SELF', 'GUARDIAN', 'HOTLINE', 'GRID_WORKER', 'DESK')),
    details           varchar(500)  NOT NULL,
    resident_id       uuid          NOT NULL,
    resident_name     varchar(100)  NOT NULL,
    household_id      uuid,
    dwelling_label    varchar(200),
    org_unit_id       uuid          NOT NULL,
    org_unit_name     varchar(100)  NOT NULL,
    scope_path        varchar(400)  NOT NULL,
    district_id       uuid          NOT NULL,
    requested_by      uuid          NOT NULL,
    requested_by_name varchar(100)  NOT NULL,
    requested_at      timestamptz   NOT NULL,
    runner_id         uuid,
    runner_name       varchar(100),
    assigned_at       timestamptz,
    done_at           timestamptz,
    proof_note        varchar(500),
    proof_photo_id    uuid,
    money_received    numeric(10, 2) CHECK (money_received >= 0),
    money_spent       numeric(10, 2) CHECK (money_spent >= 0),
    confirmed_at      timestamptz,
    confirmed_by_name varchar(100),
    cancel_reason     varchar(200),
    state             varchar(10)   NOT NULL CHECK (state IN ('REQUESTED', 'ASSIGNED', 'DONE', 'CONFIRMED',
                                                            'CANCELLED')),
    version           integer       NOT NULL DEFAULT 0
);
CREATE INDEX errand_scope_idx ON errand (scope_path varchar_pattern_ops, state);
CREATE INDEX errand_runner_idx ON errand (runner_id, state);
CREATE INDEX errand_household_idx ON errand (household_id);
CREATE INDEX errand_requester_idx ON errand (requested_by);

CREATE TABLE errand_step (
    id         uuid PRIMARY KEY,
    errand_id  uuid          NOT NULL REFERENCES errand (id),
    action     varchar(10)   NOT NULL,
    state      varchar(10)   NOT NULL,
    at         timestamptz   NOT NULL,
    by_id      uuid          NOT NULL,
    by_name    varchar(100)  NOT NULL,
    note       varchar(500)
);
CREATE INDEX errand_step_errand_idx ON errand_step (errand_id, at);

CREATE FUNCTION refuse_errand_step_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'an errand''s history is never changed';
END;
$$;
CREATE TRIGGER errand_step_insert_only BEFORE UPDATE OR DELETE ON errand_step
    FOR EACH ROW EXECUTE FUNCTION refuse_errand_step_change();
