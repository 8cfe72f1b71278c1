-- The version a step saves against (UPDATE … WHERE id = ? AND version = ?): no row means someone else moved it first.
-- list_item has had its version since V1; a take still decides by what is left (claimed + amount <= quantity).
alter table claim add column version integer not null default 0;
alter table agreement add column version integer not null default 0;
alter table joint_meeting add column version integer not null default 0;
