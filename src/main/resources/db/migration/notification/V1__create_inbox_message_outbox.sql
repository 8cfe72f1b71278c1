-- Notifications: every message lands in its recipient's in-app inbox and, for each other channel (log today, SMS or
-- WeChat later), in the outbox that a dispatcher drains at least once. Both rows are written in the transaction of
-- the step that caused them, so a step that rolls back leaves no message and a committed step always has its own.

CREATE TABLE inbox_message (
    id           uuid PRIMARY KEY,
    -- identity.account, referenced by id only (no foreign keys across modules)
    recipient_id uuid NOT NULL,
    -- the district the message concerns, when it concerns one: the unit of partitioning (DESIGN.md)
    district_id  uuid,
    kind         text NOT NULL CHECK (kind ~ '^[A-Z][A-Z0-9_]{1,63}$'),
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body         text NOT NULL CHECK (length(body) <= 2000),
    -- a path inside the platform, never an address elsewhere: pages render it as a link
    link         text CHECK (link IS NULL OR link ~ '^/(?![/\\])[^\s\\]*$'),
    created_at   timestamptz NOT NULL,
    read_at      timestamptz
);
-- the inbox page and API: one recipient's messages, newest first
CREATE INDEX inbox_message_recipient_idx ON inbox_message (recipient_id, created_at DESC, id DESC);
-- the unread badge on every page
CREATE INDEX inbox_message_unread_idx ON inbox_message (recipient_id) WHERE read_at IS NULL;

-- One row per message and channel. A claimed row's next_attempt_at is pushed one lease ahead, so a row whose
-- dispatcher died mid-delivery falls due again by itself: delivered at least once, never lost.
CREATE TABLE outbox (
    id              uuid PRIMARY KEY,
    message_id      uuid NOT NULL REFERENCES inbox_message (id),
    channel         text NOT NULL CHECK (channel ~ '^[a-z][a-z0-9-]{0,31}$'),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    claimed_at      timestamptz,
    delivered_at    timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL,
    UNIQUE (message_id, channel)
);
-- what the dispatcher polls: the undelivered rows by due time
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE delivered_at IS NULL;
