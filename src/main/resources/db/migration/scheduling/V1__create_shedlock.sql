-- One row per schedule (the overdue sweep, the KPI fold, reminders …): a node runs a scheduled pass only while it holds
-- the row's lock, so that two nodes on one database run each pass once (issue 20). ShedLock's table, as its
-- JdbcTemplateLockProvider expects it; times are the database's own (usingDbTime), never a node's clock.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamptz  not null,
    locked_at  timestamptz  not null,
    locked_by  varchar(255) not null
);
