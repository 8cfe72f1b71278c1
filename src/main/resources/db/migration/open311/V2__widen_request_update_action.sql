-- The incident's step names grew longer (EXTENSION_REQUEST, EXTENSION_APPROVE: 17 characters) than this column, so
-- every such step failed in the listener that records it here; as wide as the timeline's own action column.
alter table request_update
    alter column action type varchar(32);
