-- Deliberation (议事): topics of a building, an estate or a community moving through 提事 → 议事 → 决事 → 执事 → 评事.
-- The topic row is the aggregate (versioned save); what many households do at once — co-signs, votes, ratings — are
-- rows of their own, one per household, whose primary key decides between two submissions at once.
CREATE TABLE topic (
    id                     uuid PRIMARY KEY,
    district_id            uuid NOT NULL,
    community_id           uuid NOT NULL,
    place_kind             text NOT NULL CHECK (place_kind IN ('BUILDING', 'ESTATE', 'COMMUNITY')),
    place_id               uuid NOT NULL,
    place_name             text NOT NULL,
    building_id            uuid,
    estate_id              uuid,
    -- the place's own path (a building: its micro-grid; an estate or community: the community): staff are scoped by it
    scope_path             text NOT NULL,
    title                  text NOT NULL CHECK (length(title) BETWEEN 1 AND 60),
    description            text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
    raised_through         text NOT NULL CHECK (raised_through IN ('RESIDENT_APP', 'GROUP_CHAT', 'VISIT', 'MEETING', 'INCIDENT')),
    raised_by              uuid NOT NULL,
    raised_by_name         text NOT NULL,
    raised_by_household    uuid,
    source_incident_id     uuid,
    raised_at              timestamptz NOT NULL,
    cosign_threshold       integer NOT NULL CHECK (cosign_threshold >= 1),
    state                  text NOT NULL CHECK (state IN ('RAISED', 'DELIBERATING', 'VOTING', 'PASSED', 'FAILED',
                                                          'EXECUTING', 'EVALUATING', 'CLOSED', 'WITHDRAWN', 'MERGED')),
    round                  integer NOT NULL DEFAULT 0,
    vote_rule              text CHECK (vote_rule IN ('SIMPLE_MAJORITY', 'HOUSEHOLD_MAJORITY', 'DOUBLE_MAJORITY',
                                                      'REPRESENTATIVES', 'BRANCH')),
    electorate_households  integer,
    electorate_owners      integer,
    electorate_owner_area  numeric(12, 2),
    voting_opened_at       timestamptz,
    voting_closes_on       date,
    decision_passed        boolean,
    decision_note          text,
    decided_by             uuid,
    decided_by_name        text,
    decided_at             timestamptz,
    final_yes              integer,
    final_no               integer,
    final_abstain          integer,
    final_owners_yes       integer,
    final_owners_yes_area  numeric(12, 2),
    merged_into            uuid REFERENCES topic (id),
    updated_at             timestamptz NOT NULL,
    version                integer NOT NULL DEFAULT 0
);
CREATE INDEX topic_scope_idx ON topic (scope_path text_pattern_ops, raised_at DESC);
CREATE INDEX topic_building_idx ON topic (building_id) WHERE building_id IS NOT NULL;
CREATE INDEX topic_estate_idx ON topic (estate_id) WHERE estate_id IS NOT NULL;
CREATE INDEX topic_community_idx ON topic (community_id);
-- a public matter is turned into one topic at most
CREATE UNIQUE INDEX topic_incident_idx ON topic (source_incident_id) WHERE source_incident_id IS NOT NULL;

-- The households concerned, frozen when the vote opens: who may vote, and the denominators of every rule.
CREATE TABLE elector (
    topic_id       uuid NOT NULL REFERENCES topic (id),
    household_id   uuid NOT NULL,
    dwelling_label text NOT NULL,
    owner          boolean NOT NULL,
    area_m2        numeric(9, 2) NOT NULL DEFAULT 0 CHECK (area_m2 >= 0),
    PRIMARY KEY (topic_id, household_id)
);

-- One vote per household, changeable until the vote closes: the primary key makes two submissions at once one vote.
CREATE TABLE vote (
    topic_id        uuid NOT NULL,
    household_id    uuid NOT NULL,
    choice          text NOT NULL CHECK (choice IN ('YES', 'NO', 'ABSTAIN')),
    channel         text NOT NULL CHECK (channel IN ('ONLINE', 'PAPER')),
    ballot_photo_id uuid,
    cast_by         uuid NOT NULL,
    cast_by_name    text NOT NULL,
    cast_at         timestamptz NOT NULL,
    changes         integer NOT NULL DEFAULT 0,
    PRIMARY KEY (topic_id, household_id),
    FOREIGN KEY (topic_id, household_id) REFERENCES elector (topic_id, household_id),
    CHECK (channel = 'ONLINE' OR ballot_photo_id IS NOT NULL)
);

-- Every vote as cast, the changed ones too: insert-only.
CREATE TABLE vote_entry (
    topic_id        uuid NOT NULL,
    household_id    uuid NOT NULL,
    choice          text NOT NULL,
    channel         text NOT NULL,
    ballot_photo_id uuid,
    cast_by         uuid NOT NULL,
    cast_at         timestamptz NOT NULL
);
CREATE INDEX vote_entry_topic_idx ON vote_entry (topic_id, cast_at);

CREATE TABLE cosign (
    topic_id     uuid NOT NULL REFERENCES topic (id),
    household_id uuid NOT NULL,
    account_id   uuid NOT NULL,
    signed_at    timestamptz NOT NULL,
    PRIMARY KEY (topic_id, household_id)
);

CREATE TABLE comment (
    id           uuid PRIMARY KEY,
    topic_id     uuid NOT NULL REFERENCES topic (id),
    reply_to     uuid REFERENCES comment (id),
    round        integer NOT NULL,
    stance       text NOT NULL CHECK (stance IN ('SUPPORT', 'OPPOSE', 'NEUTRAL')),
    text         text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    household_id uuid,
    author_id    uuid NOT NULL,
    author_name  text NOT NULL,
    posted_at    timestamptz NOT NULL
);
CREATE INDEX comment_topic_idx ON comment (topic_id, posted_at);

CREATE TABLE task (
    id           uuid PRIMARY KEY,
    topic_id     uuid NOT NULL REFERENCES topic (id),
    title        text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    owner        text NOT NULL CHECK (length(owner) BETWEEN 1 AND 60),
    due_on       date NOT NULL,
    added_by     uuid NOT NULL,
    added_at     timestamptz NOT NULL,
    done_at      timestamptz,
    done_by      uuid,
    done_by_name text,
    note         text
);
CREATE INDEX task_topic_idx ON task (topic_id, added_at);

CREATE TABLE rating (
    topic_id     uuid NOT NULL REFERENCES topic (id),
    household_id uuid NOT NULL,
    stars        integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
    comment      text,
    account_id   uuid NOT NULL,
    rated_at     timestamptz NOT NULL,
    PRIMARY KEY (topic_id, household_id)
);

-- The topic's history, written from its events in the step's transaction: insert-only.
CREATE TABLE timeline (
    topic_id   uuid NOT NULL REFERENCES topic (id),
    action     text NOT NULL,
    state      text NOT NULL,
    actor_id   uuid,
    actor_name text,
    at         timestamptz NOT NULL,
    note       text
);
CREATE INDEX timeline_topic_idx ON timeline (topic_id, at);

CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is insert-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER vote_entry_insert_only BEFORE UPDATE OR DELETE ON vote_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER timeline_insert_only BEFORE UPDATE OR DELETE ON timeline
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER comment_insert_only BEFORE UPDATE OR DELETE ON comment
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
