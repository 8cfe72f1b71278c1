-- Partitioning by district (issue 16, docs/scaling.md "Partitioning by district"), step 1 of 2: everything that takes
-- long is done here, on the tables as they are, under locks that let reads and writes go on; V18 then swaps in the
-- partitioned tables in one short transaction that only changes the catalog.
--
-- This script runs outside a transaction (V17__prepare_partitioning_by_district.sql.conf: executeInTransaction=false):
-- each statement commits on its own, so a lock one statement needs is released when it ends instead of being held
-- until the end of the script. CREATE INDEX CONCURRENTLY cannot run in a transaction at all. Every statement may run
-- again (IF NOT EXISTS, IS NULL filters, constraints added only when missing) should the script stop half-way.

-- The timeline learns its incident's district, its partition key. A column without a default is a change to the
-- catalog only (a moment's ACCESS EXCLUSIVE lock, no rewrite).
ALTER TABLE timeline_entry ADD COLUMN IF NOT EXISTS district_id uuid;

-- The timeline stays insert-only; the one update it allows for now is the backfill below giving an entry its
-- incident's district. V18 puts the strict rule back.
CREATE OR REPLACE FUNCTION timeline_entry_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
begin
    if tg_op = 'UPDATE' and old.district_id is null
       and to_jsonb(new) - 'district_id' = to_jsonb(old) - 'district_id' then
        return new;
    end if;
    raise exception 'timeline entries are insert-only';
end $$;

-- A node of the release before (still serving during a rolling update) writes entries without the district: until
-- V18, the entry takes it from its incident. After V18 the row is routed to its partition before any trigger could
-- fill it in, so this release names the district in its own inserts.
CREATE OR REPLACE FUNCTION timeline_entry_district() RETURNS trigger LANGUAGE plpgsql AS $$
begin
    if new.district_id is null then
        select i.district_id into new.district_id from incident.incident i where i.id = new.incident_id;
    end if;
    return new;
end $$;

DROP TRIGGER IF EXISTS timeline_entry_district ON timeline_entry;
CREATE TRIGGER timeline_entry_district BEFORE INSERT ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION timeline_entry_district();

-- The backfill: row locks on entries nobody else ever updates, so it blocks no one, however long it runs. (On a very
-- large timeline an operator may run it in slices of incidents before deploying; then this finds nothing left.)
UPDATE timeline_entry t SET district_id = i.district_id
  FROM incident i
 WHERE i.id = t.incident_id AND t.district_id IS NULL;

-- Each table's districts as they are now, as a CHECK constraint added NOT VALID: adding it is a catalog change (a
-- moment's ACCESS EXCLUSIVE lock); it holds for every row written from now on. The distinct scans come first and the
-- constraints after, so that no table stays locked while another is scanned. A table without rows gets none: V18
-- finds it empty and drops it instead of attaching it. A district created between the scan and the constraint would
-- have its first rows refused until V18 (its partitions come with it): a window of seconds, once.
DO $$
declare
    tables text[] := array['incident', 'timeline_entry', 'kpi_fact', 'kpi_rollup', 'kpi_rollup_month'];
    t text;
    districts uuid[];
begin
    create temporary table district_lists (table_name text primary key, districts uuid[]) on commit drop;
    foreach t in array tables loop
        if exists (select 1 from pg_constraint
                    where conrelid = format('incident.%I', t)::regclass and conname = t || '_district_known') then
            continue;
        end if;
        execute format('select array_agg(distinct district_id) from %I', t) into districts;
        if districts is not null then
            insert into district_lists values (t, districts);
        end if;
    end loop;
    for t, districts in select table_name, l.districts from district_lists l loop
        -- a row without a district has no partition to go to: the constraint names IS NOT NULL, so VALIDATE below
        -- stops the migration on it rather than V18 failing later
        execute format('alter table %I add constraint %I check (district_id is not null and district_id = any (%L::uuid[])) not valid',
                       t, t || '_district_known', array_remove(districts, null));
    end loop;
end $$;

-- VALIDATE scans each table under a SHARE UPDATE EXCLUSIVE lock: reads and writes go on, only other schema changes
-- and VACUUM wait until the block commits.
DO $$
declare
    t text;
begin
    foreach t in array array['incident', 'timeline_entry', 'kpi_fact', 'kpi_rollup', 'kpi_rollup_month'] loop
        if exists (select 1 from pg_constraint
                    where conrelid = format('incident.%I', t)::regclass and conname = t || '_district_known'
                      and not convalidated) then
            execute format('alter table %I validate constraint %I', t, t || '_district_known');
        end if;
    end loop;
end $$;

-- The keys of the partitioned tables must hold the partition key. Built here CONCURRENTLY (reads and writes go on),
-- V18 turns each into the table's primary key without building anything.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS incident_id_district_idx ON incident (id, district_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS timeline_entry_id_district_idx ON timeline_entry (id, district_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS kpi_fact_incident_district_idx ON kpi_fact (incident_id, district_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS kpi_rollup_grid_day_district_idx ON kpi_rollup (grid_id, day, district_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS kpi_rollup_month_grid_month_district_idx
    ON kpi_rollup_month (grid_id, month, district_id);
