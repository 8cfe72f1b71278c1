-- The account a member signs in with (an identity account's id; no foreign key across modules): through it an
-- in-service member reaches the community of his dual registration (双报到), e.g. its wish wall. One member record per
-- account.
ALTER TABLE member ADD COLUMN account_id uuid;
CREATE UNIQUE INDEX member_account_idx ON member (account_id) WHERE account_id IS NOT NULL;
