-- A resident who signs in (居民账号) is one of the residents of the register: his household is who votes, co-signs
-- and rates in deliberation (one household, one vote). One account is one resident, and one resident has one account.
ALTER TABLE resident ADD COLUMN account_id uuid UNIQUE;
