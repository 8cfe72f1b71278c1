-- A tamper-evident audit trail (等保 level 3): every entry from now on carries its place in one chain (chain_seq) and an
-- HMAC over its content and the previous entry's HMAC (chain_mac), keyed outside the database (zhizhi.audit.key).
-- Changing, removing or inserting an entry — even as the superuser, past the append-only triggers — breaks the chain
-- at that place, and the auditor's check names it. The head row is what each insert locks: entries join the chain
-- one at a time, and a chain cut short at its end is told by the head's sequence.
-- Entries from before the chain stay as they were (chain_seq null): nothing vouches for them, and the check says so.
ALTER TABLE audit_entry ADD COLUMN chain_seq bigint UNIQUE, ADD COLUMN chain_mac text,
    ADD CONSTRAINT audit_entry_chained CHECK ((chain_seq IS NULL) = (chain_mac IS NULL));

CREATE TABLE audit_chain_head (
    id  smallint PRIMARY KEY CHECK (id = 1),
    seq bigint   NOT NULL CHECK (seq >= 0),
    mac text     NOT NULL
);
INSERT INTO audit_chain_head (id, seq, mac) VALUES (1, 0, '');
