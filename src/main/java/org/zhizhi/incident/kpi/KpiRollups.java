package org.zhizhi.incident.kpi;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.shared.BeforeCommit;
import org.zhizhi.shared.DataScope;

/**
 * The SQL of the KPI rollups (tables and functions in V6__kpi_rollup.sql): one incident's fact recomputed and its
 * difference added to the rollup, the whole rollup rebuilt, and the sums that the KPIs are made of.
 */
@Repository
class KpiRollups {

	private static final List<String> COUNTERS = List.of("reported", "accepted", "dispatched", "claimed", "on_site",
			"handled", "reworks", "closed", "self_handled", "due", "closed_on_time", "rated", "satisfied",
			"basically_satisfied", "dispatched_handled", "handled_reworked", "due_closed");

	private static final String FACT_COLUMNS = """
			incident_id, grid_id, scope_path, district_id, reported_at, accepted_at, dispatched_at, claimed_at,
			on_site_at, handled_at, reworked_at, closed_at, resolve_due_at, rated_at, rating, self_handled""";

	/**
	 * An incident's fact from its row and its timeline: the first step of each milestone (the last closure, since a
	 * reopened incident closes again), the rating only once rated, closure only while the incident is closed, and
	 * self-handled when it never left the grid and community tiers (no escalation). The action-to-milestone pairs
	 * come from {@link Milestone#of}; the two placeholders take the incident filter.
	 */
	private static final String FACT_SELECT = """
			select i.id, i.grid_id, i.scope_path, i.district_id, i.reported_at,
			       t.accepted_at, t.dispatched_at, t.claimed_at, t.on_site_at, t.handled_at, t.reworked_at,
			       case when i.closed_at is not null and i.state <> 'REJECTED' then t.closed_at end,
			       i.resolve_due_at,
			       case when i.rating is not null then t.rated_at end,
			       case when t.rated_at is not null then i.rating end,
			       i.escalations = 0 and i.tier in ('GRID', 'COMMUNITY')
			  from incident.incident i
			  left join (select e.incident_id,
			                    min(e.occurred_at) filter (where m.milestone = 'ACCEPTED') as accepted_at,
			                    min(e.occurred_at) filter (where m.milestone = 'DISPATCHED') as dispatched_at,
			                    min(e.occurred_at) filter (where m.milestone = 'CLAIMED') as claimed_at,
			                    min(e.occurred_at) filter (where m.milestone = 'ON_SITE') as on_site_at,
			                    min(e.occurred_at) filter (where m.milestone = 'HANDLED') as handled_at,
			                    min(e.occurred_at) filter (where m.milestone = 'REWORKED') as reworked_at,
			                    max(e.occurred_at) filter (where m.milestone = 'CLOSED') as closed_at,
			                    min(e.occurred_at) filter (where m.milestone = 'RATED') as rated_at
			               from incident.timeline_entry e
			               join (values %s) as m (action, milestone) on m.action = e.action
			              where %s
			              group by e.incident_id) t on t.incident_id = i.id
			 where %s""".formatted(milestonePairs(), "%s", "%s");

	private static final String SIGNED_SUMS = sums("sign * ");

	/** The element-wise sums of the three histograms, one column per bucket: one pass, no unnesting. */
	private static final String HIST_SUMS = java.util.stream.Stream.of("claim_hist", "on_site_hist", "close_hist")
		.flatMap(h -> java.util.stream.IntStream.rangeClosed(1, KpiHistogram.BOUNDS_MINUTES.size())
			.mapToObj(k -> "sum(%s[%d])".formatted(h, k)))
		.collect(Collectors.joining(", "));

	/** The element-wise sums of the three histograms as three arrays again (days summed into months). */
	private static final String HIST_ARRAYS = java.util.stream.Stream.of("claim_hist", "on_site_hist", "close_hist")
		.map(h -> java.util.stream.IntStream.rangeClosed(1, KpiHistogram.BOUNDS_MINUTES.size())
			.mapToObj(k -> "sum(%s[%d])".formatted(h, k))
			.collect(Collectors.joining(", ", "array[", "]::int[]")))
		.collect(Collectors.joining(", "));

	/**
	 * The rollup rows of a period under a path prefix: whole past months from the monthly table, the days at the edges
	 * (and of the current month) from the daily one; a month row stands on its first day. The deltas not yet folded
	 * count on their day, whichever table they will be folded into. The days are two ranges — before and after the
	 * whole months — rather than the period without the months: a prepared statement's generic plan finds two ranges
	 * in the day index, but for "not within the months" it read every day of a year and dropped eleven months of them.
	 */
	private static final String ROWS = """
			(select * from incident.kpi_rollup
			  where scope_path like :prefix and ((day between :from and :to and day < :mfrom)
			                                     or (day between :from and :to and day >= :mend))
			 union all
			 select * from incident.kpi_rollup_month
			  where scope_path like :prefix and month >= :mfrom and month < :mend
			 union all
			 select * from incident.kpi_rollup_delta
			  where scope_path like :prefix and day between :from and :to) as r""";

	private static final String ADD_EXCLUDED = COUNTERS.stream()
		.map(c -> "%s = r.%s + excluded.%s".formatted(c, c, c))
		.collect(Collectors.joining(", "));

	private static final String HIST_PLUS = """
			claim_hist = incident.kpi_hist_plus(r.claim_hist, excluded.claim_hist),
			on_site_hist = incident.kpi_hist_plus(r.on_site_hist, excluded.on_site_hist),
			close_hist = incident.kpi_hist_plus(r.close_hist, excluded.close_hist)""";

	private static final String ROLLUP_INSERT = "insert into incident.kpi_rollup as r (grid_id, day, scope_path, "
			+ "district_id, " + String.join(", ", COUNTERS) + ", claim_hist, on_site_hist, close_hist)\n";

	private static final String DELTA_INSERT = ROLLUP_INSERT.replace("kpi_rollup as r", "kpi_rollup_delta");

	/**
	 * Moves every committed delta into the daily and the monthly rollup in one transaction: deleted and added at once,
	 * so a reader sees each delta either pending or folded, never both or neither. Deltas appended while it runs are
	 * not visible to it and wait for the next fold; two folds at once (two nodes) cannot count one delta twice — the
	 * second waits for the first's deleted rows and then finds them gone. Rows in (grid, day) order, so that a fold
	 * and a rebuild wait for each other rather than deadlock.
	 */
	private static final String FOLD = "with d as (delete from incident.kpi_rollup_delta returning *),\n"
			+ "months as (" + ROLLUP_INSERT.replace("kpi_rollup as r (grid_id, day,", "kpi_rollup_month as r (grid_id, month,")
			+ "select grid_id, date_trunc('month', day)::date, scope_path, district_id, " + sums("") + ", " + HIST_ARRAYS
			+ "\n from d group by grid_id, 2, scope_path, district_id order by grid_id, 2\n"
			+ " on conflict (grid_id, month, district_id) do update set " + ADD_EXCLUDED + ", " + HIST_PLUS + "),\n"
			+ "days as (" + ROLLUP_INSERT + "select grid_id, day, scope_path, district_id, " + sums("") + ", "
			+ HIST_ARRAYS + "\n from d group by grid_id, day, scope_path, district_id order by grid_id, day\n"
			+ " on conflict (grid_id, day, district_id) do update set " + ADD_EXCLUDED + ", " + HIST_PLUS + ")\n"
			+ "select count(*) from d";

	/**
	 * Only what has fallen due by today is due: an open incident with a deadline later this month is not counted
	 * against the month before its day comes — nor is whether it was closed, so that the numerators stay inside it.
	 */
	private static final UnaryOperator<String> DUE_SO_FAR = sums -> sums
		.replace("sum(due)", "sum(due) filter (where day <= :today)")
		.replace("sum(closed_on_time)", "sum(closed_on_time) filter (where day <= :today)")
		.replace("sum(due_closed)", "sum(due_closed) filter (where day <= :today)");

	/**
	 * Of the incidents first whistled in [:start, :end), those first handled after :end: the facts whose span from
	 * whistle to handling contains :end (V20's GiST index: as many rows as were in hand at that moment).
	 */
	private static final String HANDLED_AFTER_END = """
			select count(*) from incident.kpi_fact f
			 where f.dispatched_at is not null and f.handled_at is not null
			   and tstzrange(f.dispatched_at, greatest(f.handled_at, f.dispatched_at), '(]') @> cast(:end as timestamptz)
			   and f.dispatched_at >= :start and f.scope_path like :prefix""";

	/** The zone whose days the rollups count (incident.kpi_day). */
	private static final ZoneId KPI_ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	KpiRollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Recomputes the incidents' facts and appends exactly what changed to the pending deltas: the contributions of the
	 * new fact that the old one did not make, minus those of the old fact that the new one no longer makes, per grid
	 * and day. One statement, and an append only: a burst of reports in one grid no longer queues for the lock on its
	 * rollup row through each report's commit (issue 16) — {@link #fold()} adds the deltas to the rollups in the
	 * background, and every read counts the deltas not yet folded, so the figures move exactly with the steps that
	 * commit. Steps of one incident are serialised by the lock on its row. At a transaction's hand-over it is sent with
	 * the other listeners' statements ({@link BeforeCommit}).
	 */
	void recompute(Collection<UUID> incidentIds) {
		BeforeCommit.statement(("with old_fact as (select * from incident.kpi_fact where incident_id = any(:ids)),\n"
				+ "new_fact as (insert into incident.kpi_fact (" + FACT_COLUMNS + ")\n"
				+ FACT_SELECT.formatted("e.incident_id = any(:ids)", "i.id = any(:ids)") + "\n"
				+ " on conflict (incident_id, district_id) do update set "
				+ Arrays.stream(FACT_COLUMNS.split(","))
					.map(String::strip)
					.filter(c -> !c.equals("incident_id"))
					.map(c -> c + " = excluded." + c)
					.collect(Collectors.joining(", "))
				+ " returning *),\n" + """
						old_c as (select o.grid_id, o.scope_path, o.district_id, c.*
						            from old_fact o cross join incident.kpi_contributions(o::incident.kpi_fact) c),
						new_c as (select n.grid_id, n.scope_path, n.district_id, c.*
						            from new_fact n cross join incident.kpi_contributions(n::incident.kpi_fact) c),
						delta as (select 1 as sign, a.* from (select * from new_c except all select * from old_c) a
						          union all
						          select -1 as sign, b.* from (select * from old_c except all select * from new_c) b)
						""" + DELTA_INSERT + """
						select grid_id, day, scope_path, district_id, %1$s,
						       incident.kpi_hist(claim_bucket, sign), incident.kpi_hist(on_site_bucket, sign),
						       incident.kpi_hist(close_bucket, sign)
						  from delta group by grid_id, day, scope_path, district_id""")
			.formatted(SIGNED_SUMS))
			.param("ids", incidentIds.toArray(UUID[]::new))
			.send(jdbc);
	}

	/** Folds the pending deltas into the rollups; answers how many delta rows it folded. */
	int fold() {
		return jdbc.sql(FOLD).query(Integer.class).single();
	}

	/**
	 * Recomputes every fact and the whole rollup from the incidents and their timelines in one pass: for repair, and
	 * after data was loaded in bulk around the life cycle. Concurrent steps wait for it (the tables are locked).
	 *
	 * @return how many incidents it counted
	 */
	int rebuild() {
		jdbc.sql("lock table incident.kpi_fact, incident.kpi_rollup, incident.kpi_rollup_month, "
				+ "incident.kpi_rollup_delta in exclusive mode")
			.update();
		jdbc.sql("truncate incident.kpi_fact, incident.kpi_rollup, incident.kpi_rollup_month, incident.kpi_rollup_delta")
			.update();
		// durations are counted per (grid, day, measure, bucket) first, and each grid-day's three histograms built
		// once from those few counts
		jdbc.sql("with f as (insert into incident.kpi_fact (" + FACT_COLUMNS + ")\n"
				+ FACT_SELECT.formatted("true", "true") + "\n returning *),\n" + """
						c as (select f.grid_id, f.scope_path, f.district_id, x.*
						        from f cross join incident.kpi_contributions(f::incident.kpi_fact) x),
						counters as (select grid_id, day, scope_path, district_id, %s
						               from c group by grid_id, day, scope_path, district_id),
						durations as (select grid_id, day, m.measure, m.bucket, count(*) as n
						                from c cross join lateral (values (1, c.claim_bucket), (2, c.on_site_bucket),
						                                                  (3, c.close_bucket)) as m (measure, bucket)
						               where m.bucket is not null
						               group by grid_id, day, m.measure, m.bucket),
						hists as (select grid_id, day,
						                 incident.kpi_hist_of(array_agg(bucket) filter (where measure = 1),
						                                      array_agg(n) filter (where measure = 1)) as claim,
						                 incident.kpi_hist_of(array_agg(bucket) filter (where measure = 2),
						                                      array_agg(n) filter (where measure = 2)) as on_site,
						                 incident.kpi_hist_of(array_agg(bucket) filter (where measure = 3),
						                                      array_agg(n) filter (where measure = 3)) as close
						            from durations group by grid_id, day)
						""".formatted(sums("")) + ROLLUP_INSERT + """
						select k.*, coalesce(h.claim, incident.kpi_hist_of(null, null)),
						       coalesce(h.on_site, incident.kpi_hist_of(null, null)),
						       coalesce(h.close, incident.kpi_hist_of(null, null))
						  from counters k left join hists h on h.grid_id = k.grid_id and h.day = k.day""")
			.update();
		jdbc.sql(ROLLUP_INSERT.replace("kpi_rollup as r (grid_id, day,", "kpi_rollup_month as r (grid_id, month,")
				+ "select grid_id, date_trunc('month', day)::date, scope_path, district_id, " + sums("") + ", "
				+ HIST_ARRAYS + " from incident.kpi_rollup group by grid_id, 2, scope_path, district_id")
			.update();
		return jdbc.sql("select count(*) from incident.kpi_fact").query(Integer.class).single();
	}

	/** The sums of every counter and histogram of the rollup rows in the scope, over days from..to. */
	KpiSums sums(DataScope scope, LocalDate from, LocalDate to, LocalDate today) {
		LocalDate[] months = wholeMonths(from, to, today);
		// counters, histograms and — for a window that ended before today — those of its whistled incidents handled
		// only after its end, in one statement: one pass over the rows, and one snapshot for a cohort and its parts
		String handledAfterEnd = to.isBefore(today) ? HANDLED_AFTER_END : "0";
		withoutParallelWorkers();
		int counted = COUNTERS.size();
		int buckets = KpiHistogram.BOUNDS_MINUTES.size();
		long[] values = jdbc
			.sql("select " + DUE_SO_FAR.apply(sums("")) + ", (" + handledAfterEnd + "), " + HIST_SUMS + " from " + ROWS)
			.param("prefix", scope.likePattern())
			.param("from", from)
			.param("to", to)
			.param("mfrom", months[0])
			.param("mend", months[1])
			.param("today", today)
			.param("start", from.atStartOfDay(KPI_ZONE).toOffsetDateTime())
			.param("end", to.plusDays(1).atStartOfDay(KPI_ZONE).toOffsetDateTime())
			.query((rs, n) -> {
				long[] all = new long[counted + 1 + 3 * buckets];
				for (int k = 0; k < all.length; k++) {
					all[k] = rs.getLong(k + 1);
				}
				return all;
			})
			.single();
		KpiHistogram[] hists = new KpiHistogram[3];
		for (int h = 0; h < 3; h++) {
			int first = counted + 1 + h * buckets;
			hists[h] = new KpiHistogram(Arrays.copyOfRange(values, first, first + buckets));
		}
		return new KpiSums(Arrays.copyOf(values, counted), values[counted], hists[0], hists[1], hists[2]);
	}

	/** Per grid in the scope: what was closed and what was due in the period, for grids with enough due. */
	List<GridClosure> closureByGrid(DataScope scope, LocalDate from, LocalDate to, LocalDate today, int minDue) {
		LocalDate[] months = wholeMonths(from, to, today);
		withoutParallelWorkers();
		return jdbc.sql("""
				select grid_id, sum(due_closed) filter (where day <= :today) as closed,
				       sum(due) filter (where day <= :today) as due,
				       sum(closed_on_time) filter (where day <= :today) as closed_on_time
				  from """ + ROWS + """

				 group by grid_id
				having coalesce(sum(due) filter (where day <= :today), 0) >= :minDue""")
			.param("prefix", scope.likePattern())
			.param("from", from)
			.param("to", to)
			.param("mfrom", months[0])
			.param("mend", months[1])
			.param("today", today)
			.param("minDue", minDue)
			.query((rs, n) -> new GridClosure(rs.getObject("grid_id", UUID.class), rs.getLong("closed"),
					rs.getLong("due"), rs.getLong("closed_on_time")))
			.list();
	}

	/**
	 * A KPI read adds up a few hundred rollup rows: starting parallel workers for it costs more than they save (on two
	 * cores they made a year's read two to three times slower), so the reads of this transaction go without. Outside a transaction nothing
	 * changes.
	 */
	private void withoutParallelWorkers() {
		jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true)").query(String.class).single();
	}

	/**
	 * The whole months of a period that lie before the current month, as [first day of the first, first day after the
	 * last); an empty range when there is none.
	 */
	static LocalDate[] wholeMonths(LocalDate from, LocalDate to, LocalDate today) {
		LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate end = to.plusDays(1).withDayOfMonth(1);
		LocalDate current = today.withDayOfMonth(1);
		if (end.isAfter(current)) {
			end = current;
		}
		return end.isAfter(first) ? new LocalDate[] { first, end } : new LocalDate[] { first, first };
	}

	/**
	 * Every rollup row that counts anything, in key order, as text: for comparing the incremental rollup with a rebuilt
	 * one, of the rows in the scope. A row whose counts all went back to zero (a backdated report moved to the day
	 * before) counts nothing.
	 */
	List<String> snapshot(DataScope scope) {
		fold();
		String counting = "scope_path like :prefix and (" + String.join(" + ", COUNTERS) + ") <> 0";
		return jdbc.sql("select r::text from incident.kpi_rollup r where " + counting + " union all "
				+ "select 'month ' || m::text from incident.kpi_rollup_month m where " + counting + " order by 1")
			.param("prefix", scope.likePattern())
			.query(String.class)
			.list();
	}

	/** What the database's bucket function makes of a duration in minutes (kept equal to the Java bounds). */
	int bucketOf(double minutes) {
		return jdbc.sql("select incident.kpi_bucket(make_interval(secs => :m * 60))")
			.param("m", minutes)
			.query(Integer.class)
			.single() - 1;
	}

	boolean empty() {
		return jdbc.sql("select not exists (select 1 from incident.kpi_fact)").query(Boolean.class).single();
	}

	boolean incidentsExist() {
		return jdbc.sql("select exists (select 1 from incident.incident)").query(Boolean.class).single();
	}

	record GridClosure(UUID gridId, long closed, long due, long closedOnTime) {
	}

	/**
	 * The counters in the order of {@link #COUNTERS}; of the incidents whistled in the window, how many were handled
	 * only after its end (0 for a window that has not ended); and the three histograms.
	 */
	record KpiSums(long[] counters, long handledAfterEnd, KpiHistogram claim, KpiHistogram onSite,
			KpiHistogram close) {

		long get(String counter) {
			return counters[COUNTERS.indexOf(counter)];
		}
	}

	private static String milestonePairs() {
		return Arrays.stream(IncidentAction.values())
			.filter(a -> Milestone.of(a) != null)
			.map(a -> "('%s', '%s')".formatted(a.name(), Milestone.of(a).name()))
			.collect(Collectors.joining(", "));
	}

	private static String sums(String prefix) {
		return COUNTERS.stream()
			.map(c -> "sum(%s%s)::int as %s".formatted(prefix, c, c))
			.collect(Collectors.joining(", "));
	}
}
