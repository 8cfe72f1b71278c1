-- Co-funding (共筹): a decided topic's money — pledges and payments per household and from foundations, the street or
-- partner units, and what was spent — on an append-only ledger with numbered receipts and vouchers. The accounts are
-- public to the households concerned (dwellings and organisations, never a person's name).
CREATE TABLE fund (
    topic_id            uuid PRIMARY KEY REFERENCES topic (id),
    target              numeric(12, 2) NOT NULL CHECK (target > 0),
    per_household       numeric(10, 2) CHECK (per_household > 0),
    opened_at           timestamptz NOT NULL,
    opened_by           uuid NOT NULL
);

CREATE SEQUENCE receipt_seq;

CREATE TABLE fund_entry (
    id            uuid PRIMARY KEY,
    topic_id      uuid NOT NULL REFERENCES fund (topic_id),
    kind          text NOT NULL CHECK (kind IN ('PLEDGE', 'PAYMENT', 'SPENDING')),
    source_kind   text CHECK (source_kind IN ('HOUSEHOLD', 'FOUNDATION', 'STREET', 'PARTNER_UNIT', 'OTHER')),
    household_id  uuid,
    source_name   text NOT NULL CHECK (length(source_name) BETWEEN 1 AND 60),
    amount        numeric(12, 2) NOT NULL CHECK (amount > 0),
    receipt_no    bigint,
    voucher_id    uuid,
    note          text CHECK (length(note) <= 200),
    recorded_by   uuid NOT NULL,
    recorded_at   timestamptz NOT NULL,
    CHECK ((kind = 'SPENDING') = (source_kind IS NULL)),
    CHECK (kind <> 'PAYMENT' OR receipt_no IS NOT NULL),
    CHECK (kind <> 'SPENDING' OR voucher_id IS NOT NULL),
    CHECK (source_kind IS DISTINCT FROM 'HOUSEHOLD' OR household_id IS NOT NULL)
);
CREATE INDEX fund_entry_topic_idx ON fund_entry (topic_id, recorded_at);
-- a household pledges once; it may pay in instalments
CREATE UNIQUE INDEX fund_pledge_household_idx ON fund_entry (topic_id, household_id) WHERE kind = 'PLEDGE';
CREATE TRIGGER fund_entry_insert_only BEFORE UPDATE OR DELETE ON fund_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
