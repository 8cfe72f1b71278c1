-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.1, schema "v2"): one row per event and
-- @ApplicationModuleListener, written in the publishing transaction, so that a reaction in another module is neither
-- lost by a failure nor by a restart. The registry's schema is configurable (spring.modulith.events.jdbc.schema=events),
-- so Flyway creates it here like every other schema instead of the registry's own schema initialization; the columns
-- are exactly those of the library's schema-postgresql.sql. Completed rows are deleted at once
-- (spring.modulith.events.completion-mode=delete), so no archive table: what stays here is what is still owed.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);

-- the registry finds a publication by its event and listener when it completes or fails it
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
