-- Who last reset an account's password or second factor, until its holder has taken the credential back (changed the
-- password, enrolled an app). No one person may hold both resets of one account at once: a security admin who set a
-- password he knows and then reset the second factor would sign in as its holder (issue 11, 三员分立).
CREATE TABLE credential_reset (
    account_id  uuid NOT NULL REFERENCES account (id),
    kind        text NOT NULL CHECK (kind IN ('PASSWORD', 'TWO_FACTOR')),
    reset_by    uuid NOT NULL REFERENCES account (id),
    reset_at    timestamptz NOT NULL,
    PRIMARY KEY (account_id, kind)
);
