-- The "4" of 1+4+X: joint meetings of a community with its partner units.
-- This migration stands alone: it references nothing of V1–V4 (partner units, list items), so it runs whether or not
-- they exist. Partner units (attendee/decision owner kind UNIT) and list items (agenda kind LIST_ITEM) are referenced
-- by uuid WITHOUT foreign keys; once both branches are merged a later migration may add
--   foreign key (ref_id) references partnership.<unit table>/(list item table)
-- on the rows of those kinds. Communities, accounts and incidents belong to other modules: by id, never an FK.

create table joint_meeting (
    id             uuid primary key,
    district_id    uuid        not null,
    community_id   uuid        not null,
    -- the community's materialised path: every read is filtered with community_path like <scope>%
    community_path text        not null,
    kind           text        not null check (kind in ('CLAIMING', 'QUARTERLY', 'HALF_YEAR', 'YEAR_END')),
    title          text        not null,
    scheduled_at   timestamptz not null,
    place          text,
    state          text        not null check (state in ('PLANNED', 'HELD', 'MINUTED', 'CANCELLED')),
    held_at        timestamptz,
    minutes        text,
    cancel_reason  text,
    created_by     uuid        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    check ((state in ('HELD', 'MINUTED')) = (held_at is not null)),
    check (state <> 'MINUTED' or minutes is not null),
    check (state <> 'CANCELLED' or cancel_reason is not null)
);

create index joint_meeting_scope on joint_meeting (community_path text_pattern_ops, scheduled_at);
-- the reminder job reads only the planned meetings
create index joint_meeting_planned on joint_meeting (scheduled_at) where state = 'PLANNED';

-- Insert-only: every step of a meeting (scheduled, rescheduled, held, minuted, cancelled) with who and when.
create table joint_meeting_step (
    id          uuid primary key,
    meeting_id  uuid        not null references joint_meeting (id),
    action      text        not null,
    from_state  text,
    to_state    text        not null,
    actor_id    uuid        not null,
    actor_name  text        not null,
    at          timestamptz not null,
    note        text
);

create index joint_meeting_step_meeting on joint_meeting_step (meeting_id, at);

create table joint_meeting_agenda_item (
    id          uuid primary key,
    meeting_id  uuid        not null references joint_meeting (id),
    position    int         not null,
    -- TEXT: free text; LIST_ITEM: an item of the community's three lists (partnership, no FK yet, see above);
    -- INCIDENT: an open incident of the community (incident module, by id)
    kind        text        not null check (kind in ('TEXT', 'LIST_ITEM', 'INCIDENT')),
    ref_id      uuid,
    title       text        not null,
    note        text,
    created_by  uuid        not null,
    created_at  timestamptz not null,
    check ((kind = 'TEXT') = (ref_id is null))
);

create index joint_meeting_agenda_meeting on joint_meeting_agenda_item (meeting_id, position);
-- the same list item or incident is on one meeting's agenda once
create unique index joint_meeting_agenda_ref on joint_meeting_agenda_item (meeting_id, kind, ref_id) where ref_id is not null;

create table joint_meeting_attendee (
    id          uuid primary key,
    meeting_id  uuid        not null references joint_meeting (id),
    -- UNIT: a partner unit (ref_id: partnership unit, no FK yet) or the community itself; PERSON: an account or a guest
    kind        text        not null check (kind in ('UNIT', 'PERSON')),
    ref_id      uuid,
    name        text        not null,
    present     boolean     not null,
    recorded_by uuid        not null,
    recorded_at timestamptz not null,
    unique (meeting_id, kind, name)
);

create table joint_meeting_decision (
    id           uuid primary key,
    meeting_id   uuid        not null references joint_meeting (id),
    district_id  uuid        not null,
    community_path text      not null,
    text         text        not null,
    owner_kind   text        not null check (owner_kind in ('UNIT', 'PERSON')),
    owner_id     uuid,
    owner_name   text        not null,
    due_on       date        not null,
    done_at      timestamptz,
    done_by      uuid,
    created_by   uuid        not null,
    created_at   timestamptz not null
);

create index joint_meeting_decision_meeting on joint_meeting_decision (meeting_id, created_at);
create index joint_meeting_decision_open on joint_meeting_decision (community_path text_pattern_ops, due_on) where done_at is null;

-- One row per meeting and threshold (days before) once its reminder went out: the primary key makes a reminder go
-- out once, however many passes or nodes run the job.
create table joint_meeting_reminder (
    meeting_id  uuid        not null references joint_meeting (id),
    days_before int         not null,
    sent_at     timestamptz not null,
    primary key (meeting_id, days_before)
);
