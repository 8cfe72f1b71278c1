-- Incident KPIs read from rollups kept as incidents move, never from a scan of the incidents (DESIGN.md: dashboards
-- cost O(grids x days)).
--
-- kpi_fact holds, per incident, the moments the KPIs count (first acceptance, first whistle, first claim, ...),
-- recomputed from the incident row and its timeline after every step. kpi_rollup holds, per grid and day in
-- Asia/Shanghai, the sum of what every fact contributes to that day. After a step the listener turns the incident's
-- old fact and its new one into contributions and adds only the difference to the rollup, in one statement; the
-- rebuild turns all facts into contributions at once. Both go through kpi_contributions, so they cannot disagree.

create table kpi_fact (
    incident_id     uuid        primary key,
    grid_id         uuid        not null,
    scope_path      text        not null,
    district_id     uuid,
    reported_at     timestamptz not null,
    accepted_at     timestamptz,
    dispatched_at   timestamptz,
    claimed_at      timestamptz,
    on_site_at      timestamptz,
    handled_at      timestamptz,
    reworked_at     timestamptz,
    closed_at       timestamptz,
    resolve_due_at  timestamptz,
    rated_at        timestamptz,
    rating          varchar(32),
    self_handled    boolean     not null
);

-- Histograms count durations in minutes in the buckets [b(k), b(k+1)) of these bounds (the last one open-ended);
-- KpiHistogram.BOUNDS_MINUTES in Java holds the same list, and a test keeps the two equal.
create function kpi_bucket(d interval) returns int language sql immutable parallel safe as $$
    select greatest(1, width_bucket(extract(epoch from d) / 60.0,
        array[0, 1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1080, 1440, 2160, 2880, 4320,
              5760, 7200, 10080, 14400, 20160, 30240, 43200]::float8[]))
$$;

create function kpi_day(t timestamptz) returns date language sql immutable parallel safe as $$
    select (t at time zone 'Asia/Shanghai')::date
$$;

-- adds a weight to one bucket of a histogram (the state of the kpi_hist aggregate)
create function kpi_hist_add(h int[], bucket int, weight int) returns int[] language plpgsql immutable as $$
begin
    if bucket is not null then
        h[bucket] := h[bucket] + weight;
    end if;
    return h;
end $$;

create aggregate kpi_hist(int, int) (
    sfunc = kpi_hist_add,
    stype = int[],
    initcond = '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}'
);

-- the element-wise sum of two histograms of the same length
create function kpi_hist_plus(a int[], b int[]) returns int[] language sql immutable parallel safe as $$
    select array_agg(a[i] + b[i] order by i) from generate_subscripts(a, 1) as i
$$;

create table kpi_rollup (
    grid_id              uuid    not null,
    day                  date    not null,
    scope_path           text    not null,
    district_id          uuid,
    reported             int     not null default 0,
    accepted             int     not null default 0,
    dispatched           int     not null default 0,
    claimed              int     not null default 0,
    on_site              int     not null default 0,
    handled              int     not null default 0,
    reworks              int     not null default 0,
    closed               int     not null default 0,
    self_handled         int     not null default 0,
    due                  int     not null default 0,
    closed_on_time       int     not null default 0,
    rated                int     not null default 0,
    satisfied            int     not null default 0,
    basically_satisfied  int     not null default 0,
    claim_hist           int[]   not null,
    on_site_hist         int[]   not null,
    close_hist           int[]   not null,
    primary key (grid_id, day)
);

create index kpi_rollup_scope_day_idx on kpi_rollup (scope_path text_pattern_ops, day);
create index kpi_rollup_day_idx on kpi_rollup (day);

-- The same sums per grid and calendar month (month = its first day), kept by the same statements: a year of a
-- district reads its grids x 12 rows instead of grids x 365. Periods read whole past months here, the days at their
-- edges (and the current month) from kpi_rollup.
create table kpi_rollup_month (like kpi_rollup including defaults);
alter table kpi_rollup_month rename column day to month;
alter table kpi_rollup_month add primary key (grid_id, month);
create index kpi_rollup_month_scope_idx on kpi_rollup_month (scope_path text_pattern_ops, month);

-- Bodies name the schema: functions run under the caller's search_path.
-- What one fact adds to the rollup, one row per day it touches. The definitions (README "Incident KPIs"):
--   reported on the report day; accepted, dispatched, claimed, on site, handled, reworked on the day of the first such
--   step; closed (with self-handled and the time to close) on the day of the closure; rated, satisfied and basically
--   satisfied on the day of the rating; due on the day the incident had to be closed by: the closure if it came in
--   time or there is no deadline, otherwise the deadline itself (closed on time counts on that same day).
create function kpi_contributions(f kpi_fact)
    returns table (day date, reported int, accepted int, dispatched int, claimed int, on_site int, handled int,
                   reworks int, closed int, self_handled int, due int, closed_on_time int, rated int, satisfied int,
                   basically_satisfied int, claim_bucket int, on_site_bucket int, close_bucket int)
    language sql immutable as $$
    select c.* from (values
        (incident.kpi_day(f.reported_at),   1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null::int, null::int, null::int),
        (incident.kpi_day(f.accepted_at),   0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null),
        (incident.kpi_day(f.dispatched_at), 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null),
        (incident.kpi_day(f.claimed_at),    0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            incident.kpi_bucket(f.claimed_at - f.reported_at), null, null),
        (incident.kpi_day(f.on_site_at),    0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            null, incident.kpi_bucket(f.on_site_at - f.reported_at), null),
        (incident.kpi_day(f.handled_at),    0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null),
        (incident.kpi_day(f.reworked_at),   0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, null, null, null),
        (incident.kpi_day(f.closed_at),     0, 0, 0, 0, 0, 0, 0, 1, f.self_handled::int, 0, 0, 0, 0, 0,
            null, null, incident.kpi_bucket(f.closed_at - f.reported_at)),
        (incident.kpi_day(case when f.resolve_due_at is null then f.closed_at
                      when f.closed_at is null then f.resolve_due_at
                      else least(f.closed_at, f.resolve_due_at) end),
                                   0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
            (f.closed_at is not null and (f.resolve_due_at is null or f.closed_at <= f.resolve_due_at))::int,
            0, 0, 0, null, null, null),
        (incident.kpi_day(f.rated_at),      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
            (f.rating = 'SATISFIED')::int, (f.rating = 'BASICALLY_SATISFIED')::int, null, null, null)
    ) as c (day, reported, accepted, dispatched, claimed, on_site, handled, reworks, closed, self_handled, due,
            closed_on_time, rated, satisfied, basically_satisfied, claim_bucket, on_site_bucket, close_bucket)
    where c.day is not null
$$;

-- a histogram from sparse (bucket, count) pairs: the rebuild counts durations per bucket first and builds each
-- grid-day's histogram once, instead of adding to an array for every incident
create function kpi_hist_of(buckets int[], counts bigint[]) returns int[] language plpgsql immutable as $$
declare
    h int[] := '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}';
begin
    for i in 1 .. coalesce(array_length(buckets, 1), 0) loop
        h[buckets[i]] := h[buckets[i]] + counts[i];
    end loop;
    return h;
end $$;
