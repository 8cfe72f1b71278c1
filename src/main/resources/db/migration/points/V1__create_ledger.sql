-- 积分: the schemes of a place (党员积分, 道德积分银行, 先锋骑士积分) with their rules as data, the accounts that hold
-- points, and one double-entry ledger for all of them: every movement is entries that sum to zero, written once and
-- never changed (a correction is a reversing movement). An account's balance is a cache of its entries' sum, kept in
-- the same transaction; PointsAudit proves it.
CREATE TABLE scheme (
    id             uuid PRIMARY KEY,
    code           varchar(40)  NOT NULL UNIQUE,
    kind           varchar(10)  NOT NULL CHECK (kind IN ('MEMBER', 'VIRTUE', 'RIDER')),
    name           varchar(60)  NOT NULL,
    -- the node that runs it (a district's member points, a community's virtue bank); it covers that node's subtree
    org_unit_id    uuid         NOT NULL,
    org_unit_name  varchar(100) NOT NULL,
    scope_path     varchar(400) NOT NULL,
    district_id    uuid         NOT NULL,
    -- what one point is worth when redeemed, for the scheme's figures in yuan
    yuan_per_point numeric(8, 2) NOT NULL CHECK (yuan_per_point >= 0),
    -- earned points lapse this many months after they were earned, oldest first; null: never
    expiry_months  integer CHECK (expiry_months BETWEEN 1 AND 120),
    -- days a vetted claim stays on public notice (公示) before it is credited
    notice_days    integer      NOT NULL DEFAULT 7 CHECK (notice_days BETWEEN 0 AND 30),
    created_at     timestamptz  NOT NULL
);
CREATE INDEX scheme_scope_idx ON scheme (scope_path varchar_pattern_ops);

-- A rule has versions: a version once used is frozen; a change is a new version from a date, and the version before
-- it ends that day.
CREATE TABLE rule (
    id          uuid PRIMARY KEY,
    scheme_id   uuid        NOT NULL REFERENCES scheme (id),
    code        varchar(40) NOT NULL,
    version     integer     NOT NULL CHECK (version >= 1),
    name        varchar(60) NOT NULL,
    dimension   varchar(12) CHECK (dimension IN ('SELF', 'FAMILY', 'NEIGHBOURS', 'CITY')),
    source      varchar(24) NOT NULL CHECK (source IN ('WISH_FULFILLED', 'INCIDENT_RESOLVED', 'REPORT_CONFIRMED',
                                                       'CLAIM', 'HOURS', 'ATTENDANCE')),
    points      integer     NOT NULL CHECK (points BETWEEN 1 AND 1000),
    daily_cap   integer CHECK (daily_cap BETWEEN 1 AND 100000),
    monthly_cap integer CHECK (monthly_cap BETWEEN 1 AND 1000000),
    valid_from  date        NOT NULL,
    valid_until date,
    in_use      boolean     NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    UNIQUE (scheme_id, code, version),
    CHECK (valid_until IS NULL OR valid_until > valid_from)
);

CREATE TABLE account (
    id          uuid PRIMARY KEY,
    scheme_id   uuid         NOT NULL REFERENCES scheme (id),
    kind        varchar(10)  NOT NULL CHECK (kind IN ('PERSON', 'TEAM', 'SPONSOR', 'POOL', 'HELD')),
    -- the person's platform account, the team, the sponsor; null for the scheme's pool and its held points
    holder_id   uuid,
    holder_name varchar(100) NOT NULL,
    scope_path  varchar(400) NOT NULL,
    district_id uuid         NOT NULL,
    balance     bigint       NOT NULL DEFAULT 0,
    -- everything ever earned, what the boards rank by
    earned      bigint       NOT NULL DEFAULT 0,
    opened_at   timestamptz  NOT NULL,
    -- only the pool issues points: nobody else spends what he has not got
    CHECK (kind = 'POOL' OR balance >= 0),
    CHECK ((holder_id IS NULL) = (kind IN ('POOL', 'HELD')))
);
CREATE UNIQUE INDEX account_holder_idx ON account (scheme_id, kind, holder_id) WHERE holder_id IS NOT NULL;
CREATE UNIQUE INDEX account_scheme_own_idx ON account (scheme_id, kind) WHERE holder_id IS NULL;
CREATE INDEX account_ranking_idx ON account (scheme_id, earned DESC, id) WHERE kind = 'PERSON';
CREATE INDEX account_scope_idx ON account (scope_path varchar_pattern_ops);

CREATE TABLE movement (
    id          uuid PRIMARY KEY,
    scheme_id   uuid         NOT NULL REFERENCES scheme (id),
    kind        varchar(10)  NOT NULL CHECK (kind IN ('EARN', 'HOLD', 'CONFIRM', 'RELEASE', 'REVERSAL', 'EXPIRY')),
    -- what caused it, once: a redelivered event, a second press, a replayed job finds the movement made already
    source_key  varchar(200) NOT NULL UNIQUE,
    rule_id     uuid REFERENCES rule (id),
    reason      varchar(200) NOT NULL,
    reverses    uuid REFERENCES movement (id),
    -- earned points lapse on this day (the scheme's expiry from the day they were earned)
    expires_on  date,
    by_account  uuid,
    by_name     varchar(100),
    at          timestamptz  NOT NULL,
    district_id uuid         NOT NULL,
    CHECK ((kind = 'REVERSAL') = (reverses IS NOT NULL))
);
CREATE UNIQUE INDEX movement_reversed_once_idx ON movement (reverses) WHERE reverses IS NOT NULL;
CREATE INDEX movement_rule_idx ON movement (rule_id, at) WHERE rule_id IS NOT NULL;

CREATE TABLE entry (
    movement_id uuid        NOT NULL REFERENCES movement (id),
    account_id  uuid        NOT NULL REFERENCES account (id),
    amount      bigint      NOT NULL CHECK (amount <> 0),
    at          timestamptz NOT NULL,
    PRIMARY KEY (movement_id, account_id)
);
CREATE INDEX entry_account_idx ON entry (account_id, at);

CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is insert-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER movement_insert_only BEFORE UPDATE OR DELETE ON movement
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER entry_insert_only BEFORE UPDATE OR DELETE ON entry
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- a movement's entries sum to zero: checked when the transaction commits, after all of them are written
CREATE FUNCTION entries_sum_to_zero() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT sum(amount) FROM points.entry WHERE movement_id = NEW.movement_id) <> 0 THEN
        RAISE EXCEPTION 'the entries of movement % do not sum to zero', NEW.movement_id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER entry_sums_to_zero AFTER INSERT ON entry
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION entries_sum_to_zero();
