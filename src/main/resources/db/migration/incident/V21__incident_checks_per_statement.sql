-- The checks that stand in for foreign keys into the partitioned incident table (V18, V19) cost a plpgsql call per
-- row: measured on the intake's shape (issue 16), an incident with its first timeline entry took 0.30 ms of
-- PostgreSQL's CPU with them and 0.09 ms without, written twenty at a time. Two changes, neither weakening a check:
--
-- 1. incident.duplicate_of is null for every new report, but its row trigger ran — turning the whole row into JSON —
--    for every insert. It now fires only for a row that names a duplicate.
-- 2. The timeline checks its incidents once per statement, over the statement's new rows (a transition table): the
--    intake writes a group's first entries in one statement, a step writes one. The row-level trigger stays for an
--    update of incident_id — which timeline_entry_no_change refuses anyway. A statement-level trigger of a
--    partitioned table does not fire for a row written into one of its partitions directly; nothing does that (every
--    write names incident.timeline_entry).
-- Catalog-only; lock_timeout as in V18: a lock not granted within 10 s fails the migration rather than queueing the
-- requests behind it — run it again.

SET LOCAL lock_timeout = '10s';

DROP TRIGGER incident_duplicate_of ON incident;
CREATE TRIGGER incident_duplicate_of AFTER INSERT OR UPDATE OF duplicate_of ON incident
    FOR EACH ROW WHEN (new.duplicate_of IS NOT NULL) EXECUTE FUNCTION require_incident('duplicate_of');

-- One query for the whole statement: each new entry must find its incident in its district (the pair is the key, so
-- it finds at most one), locked FOR KEY SHARE as a foreign key would, so that refuse_referenced_delete cannot miss an
-- entry not yet committed. Only when one is missing does a second query name it.
CREATE FUNCTION require_incidents_of_timeline() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = incident, pg_temp AS $$
declare
    entries bigint;
    found_ bigint;
    missing record;
begin
    select count(*) into entries from new_entries;
    select count(*) into found_
      from (select 1 from incident.incident i join new_entries n on i.id = n.incident_id and i.district_id = n.district_id
            for key share of i) locked;
    if found_ <> entries then
        select n.incident_id, n.district_id into missing from new_entries n
         where not exists (select 1 from incident.incident i where i.id = n.incident_id and i.district_id = n.district_id)
         limit 1;
        raise foreign_key_violation using
            message = format('timeline_entry.incident_id %s names no incident of district %s', missing.incident_id,
                             missing.district_id);
    end if;
    return null;
end $$;

DROP TRIGGER timeline_entry_incident ON timeline_entry;
CREATE TRIGGER timeline_entry_incident AFTER UPDATE OF incident_id ON timeline_entry
    FOR EACH ROW EXECUTE FUNCTION require_incident_of_timeline();
CREATE TRIGGER timeline_entries_incident AFTER INSERT ON timeline_entry REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION require_incidents_of_timeline();
