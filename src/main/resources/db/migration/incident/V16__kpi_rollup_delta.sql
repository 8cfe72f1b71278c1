-- What each step adds to the KPI rollups, appended instead of added to the rollup row itself (issue 16). With the
-- rollup updated in the step's own transaction, every report of one grid waited for the lock on that grid's row of
-- the day (and of the month) through the commit of the report before it: a burst in one place — a burst water main,
-- a flood — queued one commit at a time. Deltas are only ever inserted; KpiRollups.fold() moves them into kpi_rollup
-- and kpi_rollup_month in the background, and every KPI read counts the deltas not yet folded, so the figures stay
-- exact at every moment. The same columns in the same order as kpi_rollup, without its key: many deltas may wait
-- for one grid and day.
create table kpi_rollup_delta (like kpi_rollup including defaults);

-- No index: the table holds about a second of steps, and an index would be one more write per step. Rows are deleted
-- as fast as they come, so vacuum it after a fixed number of dead rows rather than a fraction of a tiny table.
alter table kpi_rollup_delta set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
                                  autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 2000);
