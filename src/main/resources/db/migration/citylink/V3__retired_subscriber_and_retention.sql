-- A subscriber the district no longer sends to is retired (停用), not deleted: its delivery log stays readable until
-- the retention sweep removes it with everyone else's, and a retired subscriber never receives again.
ALTER TABLE subscriber DROP CONSTRAINT subscriber_state_check;
ALTER TABLE subscriber ADD CONSTRAINT subscriber_state_check CHECK (state IN ('ACTIVE', 'PAUSED', 'RETIRED'));
ALTER TABLE subscriber ADD COLUMN retired_at timestamptz;
ALTER TABLE subscriber ADD CONSTRAINT subscriber_retired_at_check CHECK ((state = 'RETIRED') = (retired_at IS NOT NULL));

-- What the retention sweep walks: settled deliveries by age, and events by age.
CREATE INDEX delivery_settled_idx ON delivery (created_at) WHERE state <> 'PENDING';
CREATE INDEX feed_event_recorded_idx ON feed_event (recorded_at);
