-- Deliberation meetings (逢四说事, 院坝会, 居民代表议事协商会议 …): a series schedules each month's meeting of a monthly
-- format by itself; a meeting's agenda items and attendees are rows whose keys decide a double add or sign-in.
CREATE TABLE meeting_series (
    id            uuid PRIMARY KEY,
    format        text NOT NULL CHECK (format IN ('FOURTH_DAY_TALK', 'SECRETARY_TEA', 'COURTYARD', 'RIDERS_ROUNDTABLE',
                                                  'PARTY_MASSES_COUNCIL', 'TRIPARTITE', 'REPRESENTATIVES')),
    place_kind    text NOT NULL,
    place_id      uuid NOT NULL,
    place_name    text NOT NULL,
    building_id   uuid,
    estate_id     uuid,
    community_id  uuid NOT NULL,
    district_id   uuid NOT NULL,
    scope_path    text NOT NULL,
    title         text NOT NULL,
    location      text NOT NULL,
    day_of_month  integer NOT NULL CHECK (day_of_month BETWEEN 1 AND 31),
    time_of_day   time NOT NULL,
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    created_by    uuid NOT NULL
);
CREATE INDEX meeting_series_scope_idx ON meeting_series (scope_path text_pattern_ops);

CREATE TABLE meeting (
    id            uuid PRIMARY KEY,
    series_id     uuid REFERENCES meeting_series (id),
    format        text NOT NULL,
    place_kind    text NOT NULL,
    place_id      uuid NOT NULL,
    place_name    text NOT NULL,
    building_id   uuid,
    estate_id     uuid,
    community_id  uuid NOT NULL,
    district_id   uuid NOT NULL,
    scope_path    text NOT NULL,
    title         text NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
    sign_in_code  text NOT NULL,
    location      text NOT NULL,
    scheduled_at  timestamptz NOT NULL,
    state         text NOT NULL CHECK (state IN ('SCHEDULED', 'HELD', 'CANCELLED')),
    minutes       text,
    held_at       timestamptz,
    held_by_name  text,
    cancel_reason text,
    updated_at    timestamptz NOT NULL,
    version       integer NOT NULL DEFAULT 0
);
CREATE INDEX meeting_scope_idx ON meeting (scope_path text_pattern_ops, scheduled_at);
CREATE INDEX meeting_community_idx ON meeting (community_id, scheduled_at);
-- a series' month has one meeting: two sweeps on two nodes compute the same moment and schedule it once
CREATE UNIQUE INDEX meeting_series_moment_idx ON meeting (series_id, scheduled_at) WHERE series_id IS NOT NULL;

CREATE TABLE meeting_agenda (
    meeting_id  uuid NOT NULL REFERENCES meeting (id),
    topic_id    uuid NOT NULL REFERENCES topic (id),
    added_at    timestamptz NOT NULL,
    added_by    uuid NOT NULL,
    PRIMARY KEY (meeting_id, topic_id)
);

CREATE TABLE meeting_attendee (
    meeting_id    uuid NOT NULL REFERENCES meeting (id),
    -- the household that signed in with the code, or the name the desk ticked
    attendee_key  text NOT NULL,
    name          text NOT NULL,
    household_id  uuid,
    how           text NOT NULL CHECK (how IN ('CODE', 'DESK')),
    signed_at     timestamptz NOT NULL,
    PRIMARY KEY (meeting_id, attendee_key)
);
