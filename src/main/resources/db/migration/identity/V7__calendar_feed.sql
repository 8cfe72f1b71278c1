-- A private calendar feed per account (issue 19): the subscription URL carries a random token that a phone's calendar
-- app sends without signing in. Like API tokens only its SHA-256 is kept; a new one replaces the old (the old URL
-- stops working), and deleting the row revokes it.
CREATE TABLE calendar_feed (
    account_id  uuid PRIMARY KEY REFERENCES account (id),
    token_hash  bytea NOT NULL UNIQUE,
    issued_at   timestamptz NOT NULL
);
