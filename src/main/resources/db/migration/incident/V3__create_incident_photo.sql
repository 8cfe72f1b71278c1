-- Photos attached to an incident (at the report now; check-in and resolution photos later). The photo itself and its
-- metadata live in incident.photo and the photo store; this only links them, insert-only.
create table incident_photo (
    incident_id uuid        not null references incident (id),
    photo_id    uuid        not null references photo (id),
    added_at    timestamptz not null,
    added_by    uuid        not null,
    primary key (incident_id, photo_id)
);
