-- A missed monthly meeting is flagged to the community's staff once, whichever node's round gets there first.
ALTER TABLE meeting ADD COLUMN missed_flagged_at timestamptz;
