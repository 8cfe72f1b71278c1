-- 三会一课 and 主题党日: the organisational life of a party organisation. The rhythm of each kind of meeting per level
-- of organisation is data (中国共产党支部工作条例（试行）第十七、十八条: 支部党员大会 quarterly, 支部委员会 monthly,
-- 党小组会 monthly, 党课 at least quarterly, 主题党日 monthly); warn_days is how close to a period's end a kind still
-- without a meeting flags the organisation. A community committee that leads grid party groups itself (东城社区党委)
-- keeps the branch's rhythm.
CREATE TABLE meeting_rhythm (
    kind       text NOT NULL CHECK (kind IN ('MEMBERS_MEETING', 'COMMITTEE_MEETING', 'GROUP_MEETING', 'LECTURE',
                                             'THEME_DAY')),
    org_level  text NOT NULL CHECK (org_level IN ('WORKING_COMMITTEE', 'COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GROUP')),
    months     smallint NOT NULL CHECK (months IN (1, 2, 3, 4, 6, 12)),
    warn_days  smallint NOT NULL CHECK (warn_days BETWEEN 0 AND 90),
    PRIMARY KEY (kind, org_level)
);
INSERT INTO meeting_rhythm (kind, org_level, months, warn_days) VALUES
    ('MEMBERS_MEETING', 'BRANCH', 3, 15), ('COMMITTEE_MEETING', 'BRANCH', 1, 7), ('LECTURE', 'BRANCH', 3, 15),
    ('THEME_DAY', 'BRANCH', 1, 7),
    ('MEMBERS_MEETING', 'GENERAL_BRANCH', 3, 15), ('COMMITTEE_MEETING', 'GENERAL_BRANCH', 1, 7),
    ('LECTURE', 'GENERAL_BRANCH', 3, 15), ('THEME_DAY', 'GENERAL_BRANCH', 1, 7),
    ('MEMBERS_MEETING', 'COMMITTEE', 3, 15), ('COMMITTEE_MEETING', 'COMMITTEE', 1, 7), ('LECTURE', 'COMMITTEE', 3, 15),
    ('THEME_DAY', 'COMMITTEE', 1, 7),
    ('GROUP_MEETING', 'GROUP', 1, 7);

-- A meeting of an organisation: scheduled with its topic, time and place; held with its minutes, or cancelled with a
-- reason. Saved against its version. Attendance is a row per member: his sign-in on his phone or the secretary's
-- record, present (final: it earned his points) or absent with a reason; the key decides two sign-ins at once.
CREATE TABLE branch_meeting (
    id             uuid PRIMARY KEY,
    org_id         uuid NOT NULL REFERENCES party_org (id),
    kind           text NOT NULL CHECK (kind IN ('MEMBERS_MEETING', 'COMMITTEE_MEETING', 'GROUP_MEETING', 'LECTURE',
                                                 'THEME_DAY')),
    topic          text NOT NULL CHECK (length(topic) BETWEEN 2 AND 100),
    place          text NOT NULL CHECK (length(place) BETWEEN 2 AND 100),
    starts_at      timestamptz NOT NULL,
    state          text NOT NULL CHECK (state IN ('SCHEDULED', 'HELD', 'CANCELLED')),
    minutes        text,
    held_at        timestamptz,
    held_by        uuid,
    cancel_reason  text,
    scope_path     text NOT NULL,
    district_id    uuid NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     uuid,
    version        integer NOT NULL DEFAULT 0,
    CHECK (state <> 'HELD' OR (minutes IS NOT NULL AND held_at IS NOT NULL)),
    CHECK (state <> 'CANCELLED' OR cancel_reason IS NOT NULL)
);
CREATE INDEX branch_meeting_scope_idx ON branch_meeting (scope_path text_pattern_ops);
CREATE INDEX branch_meeting_org_idx ON branch_meeting (org_id, starts_at);

CREATE TABLE attendance (
    meeting_id      uuid NOT NULL REFERENCES branch_meeting (id),
    member_id       uuid NOT NULL REFERENCES member (id),
    present         boolean NOT NULL,
    absence_reason  text,
    signed_in_self  boolean NOT NULL,
    recorded_at     timestamptz NOT NULL,
    recorded_by     uuid,
    district_id     uuid NOT NULL,
    PRIMARY KEY (meeting_id, member_id),
    CHECK (present OR absence_reason IS NOT NULL)
);
CREATE INDEX attendance_member_idx ON attendance (member_id);

ALTER TABLE branch_meeting ENABLE ROW LEVEL SECURITY;
ALTER TABLE attendance ENABLE ROW LEVEL SECURITY;

CREATE POLICY branch_meeting_in_scope ON branch_meeting
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));

CREATE POLICY attendance_in_scope ON attendance
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR EXISTS (SELECT 1 FROM branch_meeting b WHERE b.id = meeting_id));
