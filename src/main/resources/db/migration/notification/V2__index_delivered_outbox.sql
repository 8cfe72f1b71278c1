-- what the retention clean-up looks for: the delivered rows by delivery time (the due index covers only undelivered)
CREATE INDEX outbox_delivered_idx ON outbox (delivered_at) WHERE delivered_at IS NOT NULL;
