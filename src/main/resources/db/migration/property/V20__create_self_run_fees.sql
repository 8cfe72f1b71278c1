-- 居民自管 and 社区自管中心 (seeds 001, 003): a self-run body of an estate — a residents' self-management group or a
-- community's non-profit centre — with the buildings it covers and the guardian (守护楼员) of each, its service list,
-- and its money: a fee schedule decided by the residents (a deliberation topic), monthly bills per household, payments
-- with receipts, spending with vouchers, all on an insert-only book whose monthly totals are public.
-- (Versions from 20 on: the property supervision half of the module numbers its migrations below.)
CREATE TABLE self_run (
    id                  uuid PRIMARY KEY,
    estate_id           uuid         NOT NULL UNIQUE,
    estate_name         varchar(100) NOT NULL,
    org_unit_id         uuid         NOT NULL,
    scope_path          varchar(400) NOT NULL,
    district_id         uuid         NOT NULL,
    name                varchar(60)  NOT NULL,
    kind                varchar(8)   NOT NULL CHECK (kind IN ('GROUP', 'CENTRE')),
    -- a building whose month's collection falls below this share is flagged (a risk signal)
    threshold_percent   integer      NOT NULL DEFAULT 80 CHECK (threshold_percent BETWEEN 1 AND 100),
    created_at          timestamptz  NOT NULL
);
CREATE INDEX self_run_scope_idx ON self_run (scope_path varchar_pattern_ops);

CREATE TABLE self_run_building (
    self_run_id    uuid         NOT NULL REFERENCES self_run (id),
    building_id    uuid         NOT NULL,
    building_name  varchar(100) NOT NULL,
    guardian_id    uuid,
    guardian_name  varchar(100),
    PRIMARY KEY (self_run_id, building_id)
);
CREATE INDEX self_run_building_guardian_idx ON self_run_building (guardian_id);

-- the service list (seed 003: 6 classes, 23 basic services, 5 value-added ones)
CREATE TABLE self_run_service (
    self_run_id  uuid         NOT NULL REFERENCES self_run (id),
    position     integer      NOT NULL,
    class_name   varchar(30)  NOT NULL,
    name         varchar(60)  NOT NULL,
    provider     varchar(60)  NOT NULL,
    standard     varchar(200) NOT NULL,
    value_added  boolean      NOT NULL DEFAULT false,
    PRIMARY KEY (self_run_id, position)
);

-- what a household pays a month, from a month on, as the residents decided it
CREATE TABLE fee_schedule (
    id             uuid PRIMARY KEY,
    self_run_id    uuid         NOT NULL REFERENCES self_run (id),
    monthly_cents  integer      NOT NULL CHECK (monthly_cents BETWEEN 0 AND 10000000),
    from_month     date         NOT NULL CHECK (extract(day FROM from_month) = 1),
    topic_id       uuid,
    decided_on     date         NOT NULL,
    note           varchar(200),
    UNIQUE (self_run_id, from_month)
);

-- a household's bill of a month: issued once (the key), paid once or exempted by the group
CREATE TABLE fee_bill (
    id              uuid PRIMARY KEY,
    self_run_id     uuid         NOT NULL REFERENCES self_run (id),
    household_id    uuid         NOT NULL,
    dwelling_label  varchar(200) NOT NULL,
    building_id     uuid         NOT NULL,
    month           date         NOT NULL CHECK (extract(day FROM month) = 1),
    amount_cents    integer      NOT NULL CHECK (amount_cents >= 0),
    state           varchar(8)   NOT NULL CHECK (state IN ('OPEN', 'PAID', 'EXEMPT')),
    settled_at      timestamptz,
    settled_by      uuid,
    settled_by_name varchar(100),
    exempt_reason   varchar(200),
    version         integer      NOT NULL DEFAULT 0,
    UNIQUE (self_run_id, household_id, month)
);
CREATE INDEX fee_bill_month_idx ON fee_bill (self_run_id, month, building_id);

-- the book: every yuan in (a payment, with its receipt) and out (spending, with its voucher); never changed
CREATE TABLE fee_entry (
    id             uuid PRIMARY KEY,
    self_run_id    uuid         NOT NULL REFERENCES self_run (id),
    month          date         NOT NULL CHECK (extract(day FROM month) = 1),
    kind           varchar(8)   NOT NULL CHECK (kind IN ('INCOME', 'SPENDING')),
    amount_cents   integer      NOT NULL CHECK (amount_cents > 0),
    description    varchar(200) NOT NULL,
    bill_id        uuid UNIQUE REFERENCES fee_bill (id),
    method         varchar(8) CHECK (method IN ('CASH', 'TRANSFER')),
    receipt_no     varchar(24) UNIQUE,
    voucher        varchar(60),
    recorded_by    uuid         NOT NULL,
    recorded_by_name varchar(100) NOT NULL,
    recorded_at    timestamptz  NOT NULL,
    CHECK ((kind = 'INCOME') = (bill_id IS NOT NULL AND receipt_no IS NOT NULL AND method IS NOT NULL)),
    CHECK (kind = 'INCOME' OR voucher IS NOT NULL)
);
CREATE INDEX fee_entry_month_idx ON fee_entry (self_run_id, month);
CREATE SEQUENCE fee_receipt_seq;

CREATE FUNCTION refuse_fee_entry_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the fee book is insert-only';
END;
$$;
CREATE TRIGGER fee_entry_insert_only BEFORE UPDATE OR DELETE ON fee_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_fee_entry_change();
