-- A timeline entry keeps the person's own note and the step's choices as typed data (TimelineDetail as jsonb), so that
-- nothing reads them back out of the detail text. Entries written before keep their detail text only.
ALTER TABLE incident.timeline_entry ADD COLUMN note text, ADD COLUMN payload jsonb;
