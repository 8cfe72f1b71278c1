-- the version a step saves against (UPDATE … WHERE id = ? AND version = ?): no row means someone else moved it first
ALTER TABLE wish.wish ADD COLUMN version integer NOT NULL DEFAULT 0;
