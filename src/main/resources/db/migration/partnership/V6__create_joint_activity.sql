-- The "X" of 1+4+X: joint activities (四同) of a community with its partner units, logged with their participants.
-- Stands alone like V5: partner units are referenced by uuid without a foreign key (see V5).

create table joint_activity (
    id             uuid primary key,
    district_id    uuid        not null,
    community_id   uuid        not null,
    community_path text        not null,
    kind           text        not null check (kind in ('THEME_PARTY_DAY', 'PARTY_LESSON', 'JOINT_STUDY', 'RESOURCE_SHARING')),
    title          text        not null,
    held_on        date        not null,
    place          text,
    summary        text,
    headcount      int         not null check (headcount >= 0),
    created_by     uuid        not null,
    created_at     timestamptz not null
);

create index joint_activity_scope on joint_activity (community_path text_pattern_ops, held_on);

create table joint_activity_participant (
    id          uuid primary key,
    activity_id uuid not null references joint_activity (id),
    kind        text not null check (kind in ('UNIT', 'PERSON')),
    ref_id      uuid,
    name        text not null,
    unique (activity_id, kind, name)
);
