-- The people tables partitioned by district (issue 16, docs/scaling.md "Partitioning by district"), step 2 of 2: the
-- swap, as incident/V18 swapped the incident tables. V7 did everything that reads a whole table (the validated district
-- checks, the unique indexes on (key, district), the account table); this one transaction only changes the catalog.
-- It takes ACCESS EXCLUSIVE locks on the five tables and commits within milliseconds; a lock it cannot get within
-- lock_timeout makes the migration fail rather than queue every request behind a long-running query — run it again.
--
-- Each table T becomes a table partitioned BY LIST (district_id); the table as it was is renamed T_before_partitioning
-- and, if it has rows, attached as the partition of the districts its validated check names (no scan). Every district
-- created later gets partitions of its own from add_district_partitions() below. On a new installation the tables are
-- empty here and are dropped.

SET LOCAL lock_timeout = '10s';

-- A unique key of a partitioned table must contain the partition key, so nothing can reference household(id) or
-- resident(id) alone any more: the four foreign keys into them are replaced by the triggers further down.
DO $$
declare
    r record;
begin
    for r in select conrelid::regclass as child, conname from pg_constraint
              where contype = 'f' and confrelid in ('people.household'::regclass, 'people.resident'::regclass) loop
        execute format('alter table %s drop constraint %I', r.child, r.conname);
    end loop;
end $$;

-- One account is one resident across districts: resident_account's primary key keeps it now (V7). The column's own
-- unique constraint cannot be carried over to a partitioned table.
ALTER TABLE resident DROP CONSTRAINT resident_account_id_key;

-- The tables' triggers go; the partitioned tables get them back below, for every partition (a partition attached with
-- a trigger of the parent's name already on it would be refused).
DROP TRIGGER resident_version_insert_only ON resident_version;
DROP TRIGGER household_event_insert_only ON household_event;
DROP TRIGGER ledger_role_insert_only ON ledger_role;
DROP TRIGGER resident_account_follows ON resident;

-- The swap of one table: incident/V18's, for this schema. key: the columns of its primary key before; unique_index:
-- the index on (key, district_id) that V7 built concurrently. A temporary function: it goes with the migration's
-- session. (district_id is NOT NULL since V1, so unlike incident's the swap has no NOT NULL to prove.)
CREATE FUNCTION pg_temp.partition_by_district(t text, key text, unique_index text) RETURNS void LANGUAGE plpgsql AS $$
declare
    legacy text := t || '_before_partitioning';
    known text;
    districts uuid[];
    r record;
begin
    execute format('alter table %I rename to %I', t, legacy);
    execute format('alter table %I drop constraint %I', legacy, t || '_pkey');
    execute format('alter table %I add constraint %I primary key using index %I', legacy, legacy || '_pkey',
                   unique_index);
    execute format('create table %I (like %I including defaults including constraints including storage '
                   'including comments) partition by list (district_id)', t, legacy);
    execute format('alter table %I drop constraint if exists %I', t, t || '_district_known');
    execute format('alter table %I add constraint %I primary key (%s, district_id)', t, t || '_pkey', key);
    -- the same indexes under their own names (the old table's are renamed, and matched to these when it is attached)
    for r in select c.relname as name, pg_get_indexdef(i.indexrelid) as def
               from pg_index i join pg_class c on c.oid = i.indexrelid
              where i.indrelid = format('people.%I', legacy)::regclass and not i.indisprimary loop
        execute format('alter index %I rename to %I', r.name, left(r.name, 55) || '_before');
        execute replace(r.def, format(' ON people.%I ', legacy), format(' ON people.%I ', t));
    end loop;
    select pg_get_constraintdef(c.oid) into known from pg_constraint c
     where c.conrelid = format('people.%I', legacy)::regclass and c.conname = t || '_district_known'
       and c.convalidated;
    if known is not null then
        select array_agg(m[1]::uuid) into districts
          from regexp_matches(known, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'g') as m;
    else
        -- empty when V7 looked: whatever came since is a few rows
        execute format('select array_agg(distinct district_id) from %I', legacy) into districts;
    end if;
    if districts is not null then
        execute format('alter table %I attach partition %I for values in (%s)', t, legacy,
                       (select string_agg(quote_literal(d), ', ') from unnest(districts) as d));
    end if;
end $$;

SELECT pg_temp.partition_by_district('household', 'id', 'household_id_district_idx');
SELECT pg_temp.partition_by_district('resident', 'id', 'resident_id_district_idx');
SELECT pg_temp.partition_by_district('resident_version', 'resident_id, version', 'resident_version_key_district_idx');
SELECT pg_temp.partition_by_district('household_event', 'id', 'household_event_id_district_idx');
SELECT pg_temp.partition_by_district('ledger_role', 'id', 'ledger_role_id_district_idx');

-- The second wall (V3) on the partitioned tables; it applies to every partition read through them (the old tables
-- keep their own policies, add_district_partitions gives each new partition one too).
ALTER TABLE household ENABLE ROW LEVEL SECURITY;
ALTER TABLE resident ENABLE ROW LEVEL SECURITY;
CREATE POLICY household_in_scope ON household
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));
CREATE POLICY resident_in_scope ON resident
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));

-- The histories stay insert-only (V1, V4), and the account table follows the residents (V7), on every partition.
CREATE TRIGGER resident_version_insert_only BEFORE UPDATE OR DELETE ON resident_version
    FOR EACH ROW EXECUTE FUNCTION refuse_version_change();
CREATE TRIGGER household_event_insert_only BEFORE UPDATE OR DELETE ON household_event
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER ledger_role_insert_only BEFORE UPDATE OR DELETE ON ledger_role
    FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER resident_account_follows AFTER INSERT OR UPDATE OF account_id, district_id OR DELETE ON resident
    FOR EACH ROW EXECUTE FUNCTION resident_account_follows();

-- A table that was empty (every new installation) was not attached: it goes.
DO $$
declare
    t text;
begin
    foreach t in array array['household', 'resident', 'resident_version', 'household_event', 'ledger_role'] loop
        if not exists (select 1 from pg_inherits
                        where inhrelid = format('people.%I', t || '_before_partitioning')::regclass) then
            execute format('drop table %I', t || '_before_partitioning');
        end if;
    end loop;
end $$;

-- What the foreign keys did, as triggers (incident/V18's way): a row naming a household or resident that does not
-- exist in its district is refused, and the one it names is locked FOR KEY SHARE, as a foreign key's check locks it.
-- The child names the district it is written in, which is its parent's: the check reads one partition. A resident
-- moving to another district is checked against his household there. SECURITY DEFINER: like a foreign key's check,
-- it sees the row whatever the caller's scope (row-level security).
CREATE FUNCTION require_household() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = people, pg_temp AS $$
begin
    perform 1 from people.household h where h.id = new.household_id and h.district_id = new.district_id
        for key share;
    if not found then
        raise foreign_key_violation using
            message = format('%s.household_id %s names no household of district %s', tg_table_name,
                             new.household_id, new.district_id);
    end if;
    return null;
end $$;

CREATE FUNCTION require_resident() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = people, pg_temp AS $$
begin
    perform 1 from people.resident r where r.id = new.resident_id and r.district_id = new.district_id
        for key share;
    if not found then
        raise foreign_key_violation using
            message = format('%s.resident_id %s names no resident of district %s', tg_table_name,
                             new.resident_id, new.district_id);
    end if;
    return null;
end $$;

CREATE TRIGGER resident_household AFTER INSERT OR UPDATE OF household_id, district_id ON resident
    FOR EACH ROW EXECUTE FUNCTION require_household();
CREATE TRIGGER household_event_household AFTER INSERT ON household_event
    FOR EACH ROW EXECUTE FUNCTION require_household();
CREATE TRIGGER resident_version_resident AFTER INSERT ON resident_version
    FOR EACH ROW EXECUTE FUNCTION require_resident();
CREATE TRIGGER ledger_role_resident AFTER INSERT ON ledger_role
    FOR EACH ROW EXECUTE FUNCTION require_resident();

-- The other half: a household or resident something refers to is not deleted (the platform deletes neither). It runs
-- AFTER the delete, at the end of the statement, because a row moving to another district's partition is deleted from
-- the old one and inserted into the new one by the same UPDATE: a row whose id is still there has moved, and keeps
-- everything that refers to it. Arguments: the table itself, then the table.column pairs that refer to it.
CREATE FUNCTION refuse_referenced_delete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = people, pg_temp AS $$
declare
    target text;
    found_ boolean;
begin
    execute format('select exists (select 1 from people.%I where id = $1)', tg_argv[0]) into found_ using old.id;
    if found_ then
        return null;
    end if;
    foreach target in array tg_argv[1:] loop
        execute format('select exists (select 1 from people.%I where %I = $1)', split_part(target, '.', 1),
                       split_part(target, '.', 2)) into found_ using old.id;
        if found_ then
            raise foreign_key_violation using
                message = format('%s %s is still referenced from %s', tg_argv[0], old.id, target);
        end if;
    end loop;
    return null;
end $$;

CREATE TRIGGER household_keep_referenced AFTER DELETE ON household
    FOR EACH ROW EXECUTE FUNCTION refuse_referenced_delete('household', 'resident.household_id',
        'household_event.household_id');
CREATE TRIGGER resident_keep_referenced AFTER DELETE ON resident
    FOR EACH ROW EXECUTE FUNCTION refuse_referenced_delete('resident', 'resident_version.resident_id',
        'ledger_role.resident_id');

-- A district's partitions of the people tables, made when territory creates the district (people.PeoplePartitions
-- listens to it) and for every district at start-up. incident/V18's add_district_partitions for this schema:
-- idempotent, serialised by an advisory lock, each partition created apart and then attached (a SHARE UPDATE EXCLUSIVE
-- lock on the partitioned table: the other districts' reads and writes go on), SECURITY DEFINER because the platform's
-- role may not create tables.
CREATE FUNCTION add_district_partitions(district uuid) RETURNS int LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = people, pg_temp AS $$
declare
    t text;
    part text;
    made int := 0;
begin
    if district is null then
        raise exception 'a district partition needs a district';
    end if;
    perform pg_advisory_xact_lock(hashtext('people.add_district_partitions'));
    foreach t in array array['household', 'resident', 'resident_version', 'household_event', 'ledger_role'] loop
        if exists (select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                    where i.inhparent = format('people.%I', t)::regclass
                      and pg_get_expr(c.relpartbound, c.oid) like '%''' || district || '''%') then
            continue;
        end if;
        part := t || '_' || replace(district::text, '-', '');
        execute format('create table %I (like %I including defaults including constraints including storage)', part, t);
        if t in ('household', 'resident') then
            -- read through the partitioned table, the parent's policy applies; this one covers a direct read
            execute format('alter table %I enable row level security', part);
            execute format('create policy %I on %I using (coalesce(current_setting(''zhizhi.scope'', true), '''') = '''' '
                           'or scope_path like current_setting(''zhizhi.scope'', true))', t || '_in_scope', part);
        end if;
        execute format('alter table %I attach partition %I for values in (%L)', t, part, district);
        made := made + 1;
    end loop;
    return made;
end $$;
