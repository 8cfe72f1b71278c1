-- The people tables partitioned by district (issue 16, docs/scaling.md "Partitioning by district"), step 1 of 2, the
-- way incident/V17 prepared the incident tables: everything that reads a whole table is done here, under locks that
-- let reads and writes go on; V8 swaps in the partitioned tables in one short transaction that only changes the
-- catalog.
--
-- This script runs outside a transaction (V7__prepare_partitioning_by_district.sql.conf: executeInTransaction=false):
-- each statement commits on its own and releases its lock when it ends; CREATE INDEX CONCURRENTLY cannot run in a
-- transaction at all. Every statement may run again should the script stop half-way.

-- One account is one resident across the whole installation (V5), but a unique index of a partitioned table must
-- contain the partition key, so resident.account_id can only be unique within a district once V8 has run. The account
-- → resident pairs get a small table of their own, not partitioned, whose primary key keeps the rule: the unique
-- index decides between two binds at once, as the column's did, with no lock and no look into every district. (A
-- trigger checking the other partitions would need a lock per account to be safe against two binds at once, and a
-- look-up by account would still probe every partition.) The table also answers "whose account is this" with one
-- index probe.
CREATE TABLE IF NOT EXISTS resident_account (
    account_id  uuid PRIMARY KEY,
    resident_id uuid NOT NULL UNIQUE,
    district_id uuid NOT NULL
);

-- Kept by a trigger on resident, not by the application: every writer keeps it — a node of the release before during
-- a rolling update, a bind, and a resident moving to another district, which an UPDATE does as a delete from the old
-- partition and an insert into the new one (the AFTER DELETE fires first, then the AFTER INSERT). An account another
-- resident holds is refused by the primary key with a unique violation, as the column's constraint refused it.
CREATE OR REPLACE FUNCTION resident_account_follows() RETURNS trigger LANGUAGE plpgsql AS $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.account_id is not null then
        delete from people.resident_account
         where account_id = old.account_id and resident_id = old.id and district_id = old.district_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.account_id is not null then
        insert into people.resident_account (account_id, resident_id, district_id)
        values (new.account_id, new.id, new.district_id);
    end if;
    return null;
end $$;

DROP TRIGGER IF EXISTS resident_account_follows ON resident;
CREATE TRIGGER resident_account_follows AFTER INSERT OR UPDATE OF account_id, district_id OR DELETE ON resident
    FOR EACH ROW EXECUTE FUNCTION resident_account_follows();

-- The accounts bound before the trigger: what the trigger wrote since is there already.
INSERT INTO resident_account (account_id, resident_id, district_id)
SELECT account_id, id, district_id FROM resident WHERE account_id IS NOT NULL
    ON CONFLICT DO NOTHING;

-- Each table's districts as they are now, as a CHECK constraint added NOT VALID (a moment's lock), then validated by a
-- scan under SHARE UPDATE EXCLUSIVE (reads and writes go on). V8 attaches each table as the partition of exactly these
-- districts, which the validated check proves without a scan. An empty table gets none: V8 drops it. The distinct
-- scans come first, and each constraint is then added and committed on its own (a DO block outside a transaction may
-- commit): the ACCESS EXCLUSIVE lock of one is released before the next is asked for. Holding one while waiting for
-- another deadlocks with a writer that holds the second and checks a row of the first (a resident's insert checking
-- his household), as bench/people-partitioning.sh found; a failed migration outside a transaction would then stop
-- every later start until it is repaired by hand.
DO $$
declare
    t text;
    districts uuid[];
    additions text[] := '{}';
    addition text;
begin
    foreach t in array array['household', 'resident', 'resident_version', 'household_event', 'ledger_role'] loop
        if exists (select 1 from pg_constraint
                    where conrelid = format('people.%I', t)::regclass and conname = t || '_district_known') then
            continue;
        end if;
        execute format('select array_agg(distinct district_id) from %I', t) into districts;
        if districts is not null then
            additions := additions || format('alter table %I add constraint %I check (district_id is not null and '
                                             'district_id = any (%L::uuid[])) not valid', t, t || '_district_known',
                                             array_remove(districts, null));
        end if;
    end loop;
    commit;
    foreach addition in array additions loop
        execute addition;
        commit;
    end loop;
end $$;

DO $$
declare
    t text;
begin
    foreach t in array array['household', 'resident', 'resident_version', 'household_event', 'ledger_role'] loop
        if exists (select 1 from pg_constraint
                    where conrelid = format('people.%I', t)::regclass and conname = t || '_district_known'
                      and not convalidated) then
            execute format('alter table %I validate constraint %I', t, t || '_district_known');
            commit;
        end if;
    end loop;
end $$;

-- The keys of the partitioned tables hold the partition key: built here CONCURRENTLY, V8 makes each the primary key.
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS household_id_district_idx ON household (id, district_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS resident_id_district_idx ON resident (id, district_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS resident_version_key_district_idx
    ON resident_version (resident_id, version, district_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS household_event_id_district_idx ON household_event (id, district_id);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ledger_role_id_district_idx ON ledger_role (id, district_id);
