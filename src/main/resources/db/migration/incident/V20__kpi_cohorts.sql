-- KPIs by cohort (issue 18, docs/kpis.md). Until now every counter counted on the day of its own moment, and a rate
-- divided two such counts: an incident whistled last month and handled this month counted as handled this month but
-- not as dispatched, so 处置率 could pass 100 % (100.4 % for 巴南区 over a month of the benchmark). Now each rate
-- counts one cohort against itself, both on the cohort's day:
--   处置率   of the incidents first whistled on a day, those handled (first 办结) — dispatched_handled;
--   结案率   of the incidents due on a day (the day kpi_contributions gives `due`), those closed — due_closed;
--   返工率   of the incidents first handled on a day, those sent back at least once — handled_reworked;
-- 按期结案率 (closed_on_time on the due day), 满意率 (satisfied on the rating day) and 自办率 (self_handled on the
-- closure day) were cohorts already. A numerator counts only incidents its denominator counts, so no rate passes 1.
-- When an incident is handled, closed or reworked later, the step recomputes its fact and the delta lands on the
-- cohort's (earlier) day, as any change of a fact does.

alter table kpi_rollup add column dispatched_handled int not null default 0,
                       add column handled_reworked int not null default 0,
                       add column due_closed int not null default 0;
alter table kpi_rollup_month add column dispatched_handled int not null default 0,
                             add column handled_reworked int not null default 0,
                             add column due_closed int not null default 0;
alter table kpi_rollup_delta add column dispatched_handled int not null default 0,
                             add column handled_reworked int not null default 0,
                             add column due_closed int not null default 0;

drop function kpi_contributions(kpi_fact);

-- What one fact adds to the rollup, one row per day it touches (V6's definitions, and the three cohort counters).
create function kpi_contributions(f kpi_fact)
    returns table (day date, reported int, accepted int, dispatched int, claimed int, on_site int, handled int,
                   reworks int, closed int, self_handled int, due int, closed_on_time int, rated int, satisfied int,
                   basically_satisfied int, dispatched_handled int, handled_reworked int, due_closed int,
                   claim_bucket int, on_site_bucket int, close_bucket int)
    language sql immutable as $$
    select c.* from (values
        (incident.kpi_day(f.reported_at),   1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            null::int, null::int, null::int),
        (incident.kpi_day(f.accepted_at),   0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null),
        (incident.kpi_day(f.dispatched_at), 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            (f.handled_at is not null)::int, 0, 0, null, null, null),
        (incident.kpi_day(f.claimed_at),    0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            incident.kpi_bucket(f.claimed_at - f.reported_at), null, null),
        (incident.kpi_day(f.on_site_at),    0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            null, incident.kpi_bucket(f.on_site_at - f.reported_at), null),
        (incident.kpi_day(f.handled_at),    0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
            0, (f.reworked_at is not null)::int, 0, null, null, null),
        (incident.kpi_day(f.reworked_at),   0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null),
        (incident.kpi_day(f.closed_at),     0, 0, 0, 0, 0, 0, 0, 1, f.self_handled::int, 0, 0, 0, 0, 0, 0, 0, 0,
            null, null, incident.kpi_bucket(f.closed_at - f.reported_at)),
        (incident.kpi_day(case when f.resolve_due_at is null then f.closed_at
                      when f.closed_at is null then f.resolve_due_at
                      else least(f.closed_at, f.resolve_due_at) end),
                                   0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
            (f.closed_at is not null and (f.resolve_due_at is null or f.closed_at <= f.resolve_due_at))::int,
            0, 0, 0, 0, 0, (f.closed_at is not null)::int, null, null, null),
        (incident.kpi_day(f.rated_at),      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
            (f.rating = 'SATISFIED')::int, (f.rating = 'BASICALLY_SATISFIED')::int, 0, 0, 0, null, null, null)
    ) as c (day, reported, accepted, dispatched, claimed, on_site, handled, reworks, closed, self_handled, due,
            closed_on_time, rated, satisfied, basically_satisfied, dispatched_handled, handled_reworked, due_closed,
            claim_bucket, on_site_bucket, close_bucket)
    where c.day is not null
$$;

-- 处置率 by the window's end: of the incidents whistled in a window that ended before today, those handled by its
-- end. The rollups give those handled by now; the ones handled only after the window's end are the incidents whose
-- span from whistle to handling contains that moment — an interval stabbing query, as many rows as were in hand at
-- the time, whatever the window's length. New reports are neither whistled nor handled: the partial index costs the
-- intake nothing.
create index kpi_fact_dispatch_to_handling_idx on kpi_fact
    using gist (tstzrange(dispatched_at, greatest(handled_at, dispatched_at), '(]'))
    where dispatched_at is not null and handled_at is not null;

-- The rollups counted the old way: emptied, and counted again from the incidents and their timelines when the
-- platform starts (KpiRollupListener.rebuildIfMissing, one pass; steps wait for it).
truncate kpi_fact, kpi_rollup, kpi_rollup_month, kpi_rollup_delta;
