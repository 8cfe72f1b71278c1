-- 道德红黑榜: people a virtue bank holds up as examples (红榜) or names for what harmed the place (黑榜). A black-list
-- entry only by a decision (its note says who decided and on what) and only until its expiry; both written once.
CREATE TABLE honour (
    id            uuid PRIMARY KEY,
    scheme_id     uuid         NOT NULL REFERENCES scheme (id),
    board         varchar(5)   NOT NULL CHECK (board IN ('RED', 'BLACK')),
    person_id     uuid         NOT NULL,
    person_name   varchar(100) NOT NULL,
    reason        varchar(200) NOT NULL,
    decision      varchar(500),
    expires_on    date,
    decided_by    uuid         NOT NULL,
    decided_by_name varchar(100) NOT NULL,
    decided_at    timestamptz  NOT NULL,
    CHECK (board = 'RED' OR (decision IS NOT NULL AND expires_on IS NOT NULL))
);
CREATE INDEX honour_scheme_idx ON honour (scheme_id, board, decided_at DESC);
CREATE TRIGGER honour_insert_only BEFORE UPDATE OR DELETE ON honour
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
