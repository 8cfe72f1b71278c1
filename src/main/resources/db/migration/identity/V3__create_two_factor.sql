-- Two-factor sign-in for staff (issue 11, 等保 level 3): one TOTP secret per account (RFC 6238) and its one-time
-- recovery codes.

-- Demo accounts sign in with the password alone, but only while the installation runs in demo mode: the flag says
-- which accounts were loaded as the demo district's, so that a staff account opened by hand in demo mode still needs
-- its second factor. Accounts that were loaded without anyone granting them and kept their password unchanged are
-- the demo district's on an existing demo database (the first start's administrators must change theirs).
ALTER TABLE account ADD COLUMN demo_account boolean NOT NULL DEFAULT false;
UPDATE account SET demo_account = true WHERE created_by IS NULL AND NOT password_change_required
    AND password_changed_at IS NULL;

CREATE TABLE two_factor (
    account_id      uuid PRIMARY KEY REFERENCES account (id),
    -- AES-256-GCM (nonce in front), never the plain secret: a copy of the table lets nobody make codes
    secret          bytea NOT NULL,
    enrolled_at     timestamptz NOT NULL,
    -- the time step of the last code accepted: a code of this step or an earlier one is refused (no replay);
    -- an UPDATE … WHERE last_step < :step decides between two requests with the same code
    last_step       bigint NOT NULL
);

-- Only SHA-256 hashes of the 80-bit recovery codes; a used one keeps its row with used_at set.
CREATE TABLE recovery_code (
    account_id  uuid NOT NULL REFERENCES account (id),
    code_hash   bytea NOT NULL,
    used_at     timestamptz,
    PRIMARY KEY (account_id, code_hash)
);
