-- Links to the city platform (141, 12345). Outbound: every feed event (an incident step; alerts later) is written once
-- under a stable id, and for each subscriber whose district and kinds it matches one delivery row, which workers on
-- any node lease, POST signed and retry on a schedule: delivered at least once, never lost, never two senders at once.
-- Inbound: a work order of the city platform becomes one incident; (district, source, external id) is its key, so a
-- redelivered order answers the incident it made and never makes a second.

-- A subscriber: a webhook of a district. Its secret is sealed (shared.crypto, context bound to the row); a callback
-- subscriber (source set) hears only the steps of incidents that came from that source's orders.
CREATE TABLE subscriber (
    id                uuid PRIMARY KEY,
    district_id       uuid NOT NULL,
    -- the territory node it serves and everything below it (the district admin's scope)
    scope_path        text NOT NULL CHECK (scope_path ~ '^/.*/$'),
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    url               text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 500),
    -- patterns of feed kinds: an exact kind ('incident.closed') or a family ('incident.*')
    kinds             text[] NOT NULL CHECK (cardinality(kinds) BETWEEN 1 AND 50),
    source            text CHECK (source IN ('HOTLINE_12345', 'TASK_141')),
    secret            bytea NOT NULL,
    state             text NOT NULL CHECK (state IN ('ACTIVE', 'PAUSED')),
    created_by        uuid NOT NULL,
    created_at        timestamptz NOT NULL,
    secret_rotated_at timestamptz NOT NULL,
    version           integer NOT NULL DEFAULT 0
);
CREATE INDEX subscriber_scope_idx ON subscriber (scope_path text_pattern_ops);

-- What happened, once per step: the id is derived from the step itself, so a step heard twice is written once.
CREATE TABLE feed_event (
    id          uuid PRIMARY KEY,
    kind        text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$'),
    district_id uuid NOT NULL,
    scope_path  text NOT NULL,
    -- the incident (or alert) it is about
    subject_id  uuid NOT NULL,
    -- the city platform's order the subject came from, if any: callback subscribers of that source hear it
    source      text CHECK (source IN ('HOTLINE_12345', 'TASK_141')),
    external_id text,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL,
    -- the body every subscriber receives, byte for byte the same on every attempt
    payload     text NOT NULL
);

-- One event to one subscriber. A claimed row's next_attempt_at is pushed one lease ahead, so a row whose worker died
-- falls due again by itself; attempts counts the claims and guards every write of a result.
CREATE TABLE delivery (
    id              uuid PRIMARY KEY,
    event_id        uuid NOT NULL REFERENCES feed_event (id),
    subscriber_id   uuid NOT NULL REFERENCES subscriber (id),
    district_id     uuid NOT NULL,
    scope_path      text NOT NULL,
    state           text NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz,
    claimed_at      timestamptz,
    delivered_at    timestamptz,
    last_status     integer,
    last_error      text CHECK (length(last_error) <= 500),
    created_at      timestamptz NOT NULL,
    version         integer NOT NULL DEFAULT 0,
    UNIQUE (event_id, subscriber_id),
    CHECK (state <> 'PENDING' OR next_attempt_at IS NOT NULL)
);
-- what the workers poll
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE state = 'PENDING';
-- the delivery log of a subscriber, newest first
CREATE INDEX delivery_subscriber_idx ON delivery (subscriber_id, created_at DESC, id DESC);

-- Every attempt, insert-only: the log shows what each answered and how long it took.
CREATE TABLE delivery_attempt (
    id           uuid PRIMARY KEY,
    delivery_id  uuid NOT NULL REFERENCES delivery (id),
    attempt      integer NOT NULL CHECK (attempt >= 1),
    attempted_at timestamptz NOT NULL,
    status_code  integer,
    latency_ms   integer NOT NULL CHECK (latency_ms >= 0),
    error        text CHECK (length(error) <= 500),
    outcome      text NOT NULL CHECK (outcome IN ('DELIVERED', 'RETRY', 'FAILED'))
);
CREATE INDEX delivery_attempt_delivery_idx ON delivery_attempt (delivery_id, attempted_at, id);

-- The key a city platform sends its orders with: given once, kept only as a SHA-256 hash, bound to a district.
CREATE TABLE platform_link (
    id          uuid PRIMARY KEY,
    district_id uuid NOT NULL,
    scope_path  text NOT NULL CHECK (scope_path ~ '^/.*/$'),
    source      text NOT NULL CHECK (source IN ('HOTLINE_12345', 'TASK_141')),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    key_hash    text NOT NULL UNIQUE,
    created_by  uuid NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX platform_link_scope_idx ON platform_link (scope_path text_pattern_ops);

-- An order of the city platform and the incident it made. The primary key is what makes a redelivery, even two at
-- once, answer the first's incident: the second insert waits for the first's commit and then finds its row.
CREATE TABLE city_order (
    district_id      uuid NOT NULL,
    source           text NOT NULL CHECK (source IN ('HOTLINE_12345', 'TASK_141')),
    external_id      text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 64),
    scope_path       text NOT NULL,
    link_id          uuid NOT NULL REFERENCES platform_link (id),
    -- written in the transaction that inserts the row: never seen empty by anyone else
    incident_id      uuid UNIQUE,
    address          text CHECK (length(address) <= 200),
    -- the caller's name and phone, sealed like the residents' (shared.crypto, context bound to the order)
    contact_name     bytea,
    contact_phone    bytea,
    deadline         timestamptz,
    received_at      timestamptz NOT NULL,
    redeliveries     integer NOT NULL DEFAULT 0,
    last_received_at timestamptz NOT NULL,
    PRIMARY KEY (district_id, source, external_id)
);
