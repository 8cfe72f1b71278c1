-- A meeting's reminder is sent once, whichever node's round gets there first: the UPDATE that sets this decides.
ALTER TABLE meeting ADD COLUMN reminded_at timestamptz;
