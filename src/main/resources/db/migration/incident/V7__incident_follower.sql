-- 我也遇到: residents and workers who follow an existing open incident instead of reporting it again. One row per
-- incident and account; the primary key decides a race, so joining twice (or twice at once) leaves one row.
create table incident_follower (
    incident_id  uuid        not null references incident (id),
    account_id   uuid        not null,
    joined_at    timestamptz not null,
    primary key (incident_id, account_id)
);

-- Possible duplicates: open incidents of one category inside a small latitude band (the bounding box's prefilter),
-- with longitude and report time checked inside the index.
create index incident_open_category_position_idx on incident (category_code, lat, lng, reported_at)
    where closed_at is null;
