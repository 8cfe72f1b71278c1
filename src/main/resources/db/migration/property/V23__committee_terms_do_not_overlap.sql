-- One owners' committee at a time per estate: the terms of an estate's committees may not overlap (a second
-- committee registered for a running term is a mistake at the desk, or two desks pressing at once). The unique
-- (estate, start) key only caught the same start date. btree_gist gives uuid its "=" in a GiST index; the extension
-- may already exist (servicepoint creates it too), and a default operator class is found whatever schema holds it.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE committee
    ADD CONSTRAINT committee_terms_do_not_overlap
    EXCLUDE USING gist (estate_id WITH =, daterange(term_starts, term_ends, '[]') WITH &&);
