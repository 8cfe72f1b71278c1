-- Photos are the media module's since incidents, wishes and partnership all take them; the table incident's V2 and V9
-- created moves into media's own schema. Modules migrate in name order (incident before media), so the table is there
-- on a new database as on an old one. Its rows, constraints and indexes move with it, and incident_photo's foreign
-- key keeps pointing at it: a photo an incident names cannot be deleted from under it.
ALTER TABLE incident.photo SET SCHEMA media;
