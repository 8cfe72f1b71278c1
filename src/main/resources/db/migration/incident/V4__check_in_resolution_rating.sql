-- The loop after the claim: on-site check-in (its distance to the incident and whether it lay beyond the radius),
-- resolution, verification or rework, and the reporter's rating.
alter table incident
    add column check_in_distance_m double precision,
    add column check_in_flagged    boolean not null default false,
    add column rating              varchar(32) check (rating in ('SATISFIED', 'BASICALLY_SATISFIED', 'UNSATISFIED')),
    add column rating_comment      varchar(1000);

alter table timeline_entry
    add column distance_m double precision,
    add column flagged    boolean not null default false;
