-- A message that asks its recipient to act on something (an incident to accept, an order to answer) names it and the
-- state it was in when the message was sent; once the thing has moved on, the task is done and the message is marked
-- done (and read) by the module that owns the thing, so the inbox does not keep asking for what somebody already did.
ALTER TABLE notification.inbox_message
    ADD COLUMN subject_type  text CHECK (subject_type IS NULL OR subject_type ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    ADD COLUMN subject_id    uuid,
    ADD COLUMN subject_state text,
    ADD COLUMN done_at       timestamptz,
    ADD CONSTRAINT inbox_message_subject CHECK ((subject_type IS NULL) = (subject_id IS NULL));

CREATE INDEX inbox_message_open_subject ON notification.inbox_message (subject_type, subject_id)
    WHERE subject_type IS NOT NULL AND done_at IS NULL;
