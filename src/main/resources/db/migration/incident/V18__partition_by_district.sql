-- Partitioning by district (issue 16, docs/scaling.md "Partitioning by district"), step 2 of 2: the swap. V17 did
-- everything that reads a whole table (the timeline's districts, the validated district checks, the unique indexes on
-- (key, district)); this one transaction only changes the catalog. It takes ACCESS EXCLUSIVE locks on the five tables
-- (and on the tables whose foreign keys it replaces) and commits within milliseconds; a lock it cannot get within
-- lock_timeout makes the migration fail rather than queue every request behind a long-running query — run it again.
--
-- Each table T becomes a table partitioned BY LIST (district_id). The table as it was is renamed
-- T_before_partitioning and, if it has rows, attached as the partition of the districts it holds: its validated
-- CHECK (district_id IS NOT NULL AND district_id = ANY (…)) proves the partition bound, so ATTACH does not scan it,
-- SET NOT NULL does not scan it either, and its primary key becomes the index V17 built. Every district created later
-- gets a partition of its own from add_district_partitions() below, called when territory creates the district. On a
-- new installation the tables are empty here and are dropped; every district then has its own partitions.

SET LOCAL lock_timeout = '10s';

-- A unique key on a partitioned table must contain the partition key, so nothing can reference incident(id) alone any
-- more: the foreign keys into incident are replaced by the triggers further down.
DO $$
declare
    r record;
begin
    for r in select conrelid::regclass as child, conname from pg_constraint
              where contype = 'f' and confrelid = 'incident.incident'::regclass loop
        execute format('alter table %s drop constraint %I', r.child, r.conname);
    end loop;
end $$;

-- The timeline's own triggers go; the partitioned table gets the insert-only one back below, and the district filler
-- of V17 cannot work on a partitioned table (a row is routed before any trigger sees it).
DROP TRIGGER timeline_entry_no_change ON timeline_entry;
DROP TRIGGER timeline_entry_district ON timeline_entry;
DROP FUNCTION timeline_entry_district();

-- The swap of one table. key: the columns of its primary key before; unique_index: the index on (key, district_id)
-- that V17 built concurrently. Dropped at the end of this migration.
CREATE FUNCTION partition_by_district(t text, key text, unique_index text) RETURNS void LANGUAGE plpgsql AS $$
declare
    legacy text := t || '_before_partitioning';
    known text;
    districts uuid[];
    r record;
begin
    execute format('alter table %I rename to %I', t, legacy);
    -- the old table's key becomes (key, district_id): the old primary key goes (nothing references it any more),
    -- NOT NULL is proven by the validated check without a scan, and the index V17 built becomes the key
    execute format('alter table %I drop constraint %I', legacy, t || '_pkey');
    execute format('alter table %I alter column district_id set not null', legacy);
    execute format('alter table %I add constraint %I primary key using index %I', legacy, legacy || '_pkey',
                   unique_index);
    -- the partitioned table: the same columns, defaults and checks (but not the list of districts the old table holds)
    execute format('create table %I (like %I including defaults including constraints including storage '
                   'including comments) partition by list (district_id)', t, legacy);
    execute format('alter table %I drop constraint if exists %I', t, t || '_district_known');
    execute format('alter table %I add constraint %I primary key (%s, district_id)', t, t || '_pkey', key);
    -- the same indexes under their own names (the old table's are renamed, and matched to these when it is attached)
    for r in select c.relname as name, pg_get_indexdef(i.indexrelid) as def
               from pg_index i join pg_class c on c.oid = i.indexrelid
              where i.indrelid = format('incident.%I', legacy)::regclass and not i.indisprimary loop
        execute format('alter index %I rename to %I', r.name, left(r.name, 55) || '_before');
        execute replace(r.def, format(' ON incident.%I ', legacy), format(' ON incident.%I ', t));
    end loop;
    -- the foreign keys it has to other tables (categories, units): added to the empty partitioned table at once, and
    -- the old table's own are taken over when it is attached, without checking its rows again
    for r in select conname, pg_get_constraintdef(oid) as def from pg_constraint
              where conrelid = format('incident.%I', legacy)::regclass and contype = 'f' loop
        execute format('alter table %I add constraint %I %s', t, r.conname, r.def);
    end loop;
    select pg_get_constraintdef(c.oid) into known from pg_constraint c
     where c.conrelid = format('incident.%I', legacy)::regclass and c.conname = t || '_district_known'
       and c.convalidated;
    if known is not null then
        -- the districts of the validated check, in its order: the bound is then proven by it and nothing is scanned
        select array_agg(m[1]::uuid) into districts
          from regexp_matches(known, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'g') as m;
    else
        -- empty when V17 looked: whatever came since is a few rows
        execute format('select array_agg(distinct district_id) from %I', legacy) into districts;
    end if;
    if districts is not null then
        execute format('alter table %I attach partition %I for values in (%s)', t, legacy,
                       (select string_agg(quote_literal(d), ', ') from unnest(districts) as d));
    end if;
end $$;

SELECT partition_by_district('incident', 'id', 'incident_id_district_idx');
SELECT partition_by_district('timeline_entry', 'id', 'timeline_entry_id_district_idx');
SELECT partition_by_district('kpi_fact', 'incident_id', 'kpi_fact_incident_district_idx');
SELECT partition_by_district('kpi_rollup', 'grid_id, day', 'kpi_rollup_grid_day_district_idx');
SELECT partition_by_district('kpi_rollup_month', 'grid_id, month', 'kpi_rollup_month_grid_month_district_idx');
DROP FUNCTION partition_by_district(text, text, text);

-- The second wall (V14) on the partitioned table: queries go through it, and its policy applies to every partition
-- read through it. (The old table keeps its own policy; add_district_partitions gives each new partition one too.)
ALTER TABLE incident ENABLE ROW LEVEL SECURITY;
CREATE POLICY incident_in_scope ON incident
    USING (coalesce(current_setting('zhizhi.scope', true), '') = ''
           OR scope_path LIKE current_setting('zhizhi.scope', true));

-- Insert-only again, strictly (V17 allowed the district's backfill), on every partition.
CREATE OR REPLACE FUNCTION timeline_entry_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
begin
    raise exception 'timeline entries are insert-only';
end $$;

CREATE TRIGGER timeline_entry_no_change BEFORE UPDATE OR DELETE ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION timeline_entry_insert_only();

-- kpi_contributions takes a kpi_fact row: the one for the old table's row type is made again, word for word, for the
-- partitioned table's (whatever version of it the earlier migrations left).
DO $$
begin
    execute replace(pg_get_functiondef(
                        'incident.kpi_contributions(incident.kpi_fact_before_partitioning)'::regprocedure),
                    'kpi_fact_before_partitioning', 'kpi_fact');
    drop function kpi_contributions(kpi_fact_before_partitioning);
end $$;

-- A table that was empty (every new installation) was not attached: it goes.
DO $$
declare
    t text;
begin
    foreach t in array array['incident', 'timeline_entry', 'kpi_fact', 'kpi_rollup', 'kpi_rollup_month'] loop
        if not exists (select 1 from pg_inherits
                        where inhrelid = format('incident.%I', t || '_before_partitioning')::regclass) then
            execute format('drop table %I', t || '_before_partitioning');
        end if;
    end loop;
end $$;

-- What the foreign keys into incident did, as triggers: a row naming an incident that does not exist is refused, and
-- the incident is locked FOR KEY SHARE as a foreign key's check locks it, so that it cannot be deleted meanwhile.
-- SECURITY DEFINER: like a foreign key's check, it sees the incident whatever the caller's scope (row-level security).
-- The timeline names the district too, so its check reads one partition.
CREATE FUNCTION require_incident() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = incident, pg_temp
AS $$
declare
    row_ jsonb := to_jsonb(new);
    incident_id uuid := (row_ ->> tg_argv[0])::uuid;
    district uuid := (row_ ->> 'district_id')::uuid;
begin
    if incident_id is null then
        return null;
    end if;
    if tg_table_name like 'timeline_entry%' then
        perform 1 from incident.incident i where i.id = incident_id and i.district_id = district for key share;
    else
        perform 1 from incident.incident i where i.id = incident_id for key share;
    end if;
    if not found then
        raise foreign_key_violation using
            message = format('%s.%s %s names no incident', tg_table_name, tg_argv[0], incident_id);
    end if;
    return null;
end $$;

CREATE TRIGGER timeline_entry_incident AFTER INSERT OR UPDATE OF incident_id ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION require_incident('incident_id');
CREATE TRIGGER incident_photo_incident AFTER INSERT OR UPDATE OF incident_id ON incident_photo
    FOR EACH ROW EXECUTE FUNCTION require_incident('incident_id');
CREATE TRIGGER incident_part_incident AFTER INSERT OR UPDATE OF incident_id ON incident_part
    FOR EACH ROW EXECUTE FUNCTION require_incident('incident_id');
CREATE TRIGGER extension_request_incident AFTER INSERT OR UPDATE OF incident_id ON extension_request
    FOR EACH ROW EXECUTE FUNCTION require_incident('incident_id');
CREATE TRIGGER incident_follower_incident AFTER INSERT OR UPDATE OF incident_id ON incident_follower
    FOR EACH ROW EXECUTE FUNCTION require_incident('incident_id');
CREATE TRIGGER incident_duplicate_of AFTER INSERT OR UPDATE OF duplicate_of ON incident
    FOR EACH ROW EXECUTE FUNCTION require_incident('duplicate_of');

-- The other half of those foreign keys: an incident something still refers to is not deleted (the platform never
-- deletes one; this keeps it so for anyone with the rights to). Arguments: table.column pairs that refer to it.
CREATE FUNCTION refuse_referenced_delete() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = incident, pg_temp AS $$
declare
    target text;
    referenced boolean;
begin
    foreach target in array tg_argv loop
        execute format('select exists (select 1 from incident.%I where %I = $1)', split_part(target, '.', 1),
                       split_part(target, '.', 2)) into referenced using old.id;
        if referenced then
            raise foreign_key_violation using
                message = format('incident %s is still referenced from %s', old.id, target);
        end if;
    end loop;
    return old;
end $$;

CREATE TRIGGER incident_keep_referenced BEFORE DELETE ON incident
    FOR EACH ROW EXECUTE FUNCTION refuse_referenced_delete('timeline_entry.incident_id', 'incident_photo.incident_id',
        'incident_part.incident_id', 'extension_request.incident_id', 'incident_follower.incident_id',
        'incident.duplicate_of');

-- A district's partitions, made when territory creates the district (incident.DistrictPartitions listens to it) and
-- for every district at start-up (one an earlier release created, or one made while this installation was down).
-- Idempotent: a table whose partitions already hold the district (its own partition, or the table from before the
-- partitioning, which holds the districts that had rows then) gets nothing. The partition is created apart and then
-- attached: ATTACH PARTITION takes only a SHARE UPDATE EXCLUSIVE lock on the partitioned table, so reports and steps
-- in every other district go on while the district is created (CREATE TABLE … PARTITION OF would take ACCESS
-- EXCLUSIVE until the district's transaction commits). SECURITY DEFINER: the platform's role may not create tables;
-- this function, owned by the owner role, creates these and nothing else.
CREATE FUNCTION add_district_partitions(district uuid) RETURNS int LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = incident, pg_temp AS $$
declare
    t text;
    part text;
    made int := 0;
begin
    if district is null then
        raise exception 'a district partition needs a district';
    end if;
    -- two nodes starting at once make each partition once
    perform pg_advisory_xact_lock(hashtext('incident.add_district_partitions'));
    foreach t in array array['incident', 'timeline_entry', 'kpi_fact', 'kpi_rollup', 'kpi_rollup_month'] loop
        if exists (select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                    where i.inhparent = format('incident.%I', t)::regclass
                      and pg_get_expr(c.relpartbound, c.oid) like '%''' || district || '''%') then
            continue;
        end if;
        part := t || '_' || replace(district::text, '-', '');
        execute format('create table %I (like %I including defaults including constraints including storage)', part, t);
        if t = 'incident' then
            -- read through the partitioned table, the parent's policy applies; this one covers a direct read
            execute format('alter table %I enable row level security', part);
            execute format('create policy incident_in_scope on %I using (coalesce(current_setting(''zhizhi.scope'', '
                           'true), '''') = '''' or scope_path like current_setting(''zhizhi.scope'', true))', part);
        end if;
        execute format('alter table %I attach partition %I for values in (%L)', t, part, district);
        made := made + 1;
    end loop;
    return made;
end $$;

-- The district of an incident, for writing its timeline entries (the timeline's partition key) with the entry alone in
-- hand. SECURITY DEFINER: whoever takes a step on an incident has it, even where row-level security would hide it from
-- his connection's scope (a resident's report outside his own grid); it answers one uuid and nothing else.
CREATE FUNCTION incident_district(incident uuid) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = incident, pg_temp AS $$
    select i.district_id from incident.incident i where i.id = $1
$$;
