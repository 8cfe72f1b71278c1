-- 党建引领·物业矛盾纠纷防范处置 (seeds 003, 004): a dispute in an estate mediated by the three parties — the residents'
-- committee or the estate's party branch, the owners' committee and the property company (三方联动) — in sessions, to an
-- agreement (the amount and terms) whose keeping is followed up, or to a referral when none is reached; linked to the
-- incident it came from and the deliberation topic it raised, if any.
CREATE TABLE dispute (
    id              uuid PRIMARY KEY,
    estate_id       uuid          NOT NULL,
    estate_name     varchar(100)  NOT NULL,
    scope_path      varchar(400)  NOT NULL,
    district_id     uuid          NOT NULL,
    title           varchar(80)   NOT NULL,
    kind            varchar(16)   NOT NULL CHECK (kind IN ('NEIGHBOUR', 'PROPERTY_SERVICE', 'FEES', 'DAMAGE',
                                                           'PARKING', 'OTHER')),
    parties         varchar(300)  NOT NULL,
    account         varchar(2000) NOT NULL,
    claimed_cents   bigint CHECK (claimed_cents >= 0),
    incident_id     uuid,
    topic_id        uuid,
    state           varchar(10)   NOT NULL CHECK (state IN ('OPEN', 'SETTLED', 'REFERRED', 'CLOSED')),
    agreed_cents    bigint CHECK (agreed_cents >= 0),
    terms           varchar(1000),
    settled_on      date,
    referral        varchar(300),
    closed_on       date,
    recorded_by     uuid          NOT NULL,
    recorded_by_name varchar(100) NOT NULL,
    recorded_at     timestamptz   NOT NULL,
    version         integer       NOT NULL DEFAULT 0
);
CREATE INDEX dispute_scope_idx ON dispute (scope_path varchar_pattern_ops, recorded_at DESC);

-- a mediation session, or a follow-up of the agreement: what happened, who sat at the table; never changed
CREATE TABLE dispute_step (
    id          uuid PRIMARY KEY,
    dispute_id  uuid          NOT NULL REFERENCES dispute (id),
    kind        varchar(10)   NOT NULL CHECK (kind IN ('SESSION', 'FOLLOW_UP')),
    held_on     date          NOT NULL,
    present     varchar(300),
    note        varchar(1000) NOT NULL,
    by_id       uuid          NOT NULL,
    by_name     varchar(100)  NOT NULL,
    at          timestamptz   NOT NULL
);
CREATE INDEX dispute_step_idx ON dispute_step (dispute_id, held_on);

CREATE FUNCTION refuse_dispute_step_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a dispute''s record is insert-only';
END;
$$;
CREATE TRIGGER dispute_step_insert_only BEFORE UPDATE OR DELETE ON dispute_step
    FOR EACH ROW EXECUTE FUNCTION refuse_dispute_step_change();
