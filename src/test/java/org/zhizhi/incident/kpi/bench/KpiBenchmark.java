package org.zhizhi.incident.kpi.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.zhizhi.ZhizhiApplication;
import org.zhizhi.incident.kpi.IncidentKpis;
import org.zhizhi.incident.kpi.KpiPeriod;
import org.zhizhi.incident.kpi.KpiReport;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;

/**
 * The KPI benchmark (not a test): starts the platform on a fresh embedded PostgreSQL with the demo district, generates
 * incidents over the last two years across the grids of 巴南区 with their timelines — straight into the tables with
 * two INSERT … SELECT statements, as a bulk load would — rebuilds the rollups, then times the KPI report of 巴南区 for
 * this month and this year (each with 环比, 同比 and the top and bottom grids) and the bare figures.
 * <p>
 * The life of each generated incident: 3 % rejected, 10 % closed at triage as private matters, the rest whistled,
 * claimed within minutes to hours, checked in, resolved within minutes to days, 5 % reworked once, verified and closed;
 * 70 % carry a deadline 72 h after the whistle, 80 % of the closed are rated, 7 % were escalated; steps that would
 * lie in the future have not happened yet.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
 * java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
 *     org.zhizhi.incident.kpi.bench.KpiBenchmark [incidents, default 1000000]
 * </pre>
 */
public final class KpiBenchmark {

	/** Timed runs of each measurement, after five warm-ups. */
	private static final int RUNS = 41;

	private KpiBenchmark() {
	}

	public static void main(String[] args) {
		int incidents = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
		try (ConfigurableApplicationContext app = SpringApplication.run(ZhizhiApplication.class,
				"--zhizhi.database.embedded.ephemeral=true", "--zhizhi.demo.enabled=true", "--server.port=0",
				"--logging.level.root=WARN")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			// the platform's own role may not create tables (DatabaseRoles): the bulk load runs as the embedded server's
			// superuser, as an operator's load would
			SingleConnectionDataSource load = new SingleConnectionDataSource(
					"jdbc:postgresql://localhost:" + jdbc.sql("select inet_server_port()").query(Integer.class).single()
							+ "/" + jdbc.sql("select current_database()").query(String.class).single(),
					"postgres", "", true);
			JdbcClient superuser = JdbcClient.create(load);
			// as pg_restore --disable-triggers: the rows are made consistent by construction, and the timeline's check
			// of its incident (a look-up per entry) would take most of the load's time
			superuser.sql("set session_replication_role = replica").update();
			IncidentKpis kpis = app.getBean(IncidentKpis.class);
			Map<String, Object> banan = jdbc.sql("select id, path from territory.org_unit where name = '巴南区'")
				.query()
				.singleRow();
			UUID bananId = (UUID) banan.get("id");
			String bananPath = (String) banan.get("path");
			long started = System.nanoTime();
			int grids = generate(superuser, bananPath, incidents);
			long timeline = jdbc.sql("select count(*) from incident.timeline_entry").query(Long.class).single();
			System.out.printf(Locale.ROOT, "generated %,d incidents with %,d timeline entries over %d grids in %.1f s%n",
					incidents, timeline, grids, seconds(started));
			superuser.sql("set session_replication_role = origin").update();
			superuser.sql("analyze incident.incident").update();
			superuser.sql("analyze incident.timeline_entry").update();

			started = System.nanoTime();
			int counted = kpis.rebuild();
			System.out.printf(Locale.ROOT, "rebuild: %,d incidents into %,d rollup rows in %.1f s%n", counted,
					jdbc.sql("select count(*) from incident.kpi_rollup").query(Long.class).single(), seconds(started));
			superuser.sql("analyze incident.kpi_rollup").update();
			superuser.sql("analyze incident.kpi_rollup_month").update();
			superuser.sql("analyze incident.kpi_fact").update();

			Actor actor = new Actor(UUID.randomUUID(), "banan", "巴南区", Set.of(Role.DISTRICT_ADMIN),
					new DataScope(bananId, bananPath));
			LocalDate today = kpis.today();
			KpiPeriod month = KpiPeriod.monthOf(today);
			KpiPeriod year = KpiPeriod.yearOf(today);
			KpiPeriod lastMonth = new KpiPeriod(today.withDayOfMonth(1).minusMonths(1),
					today.withDayOfMonth(1).minusDays(1));
			time("figures, 巴南区, this month " + month.from() + "…" + month.to(),
					() -> kpis.figures(actor.scope(), month, today));
			time("figures, 巴南区, last month " + lastMonth.from() + "…" + lastMonth.to(),
					() -> kpis.figures(actor.scope(), lastMonth, today));
			time("figures, 巴南区, this year " + year.from() + "…" + year.to(), () -> kpis.figures(actor.scope(), year, today));
			KpiReport monthReport = time("report (figures + 环比 + 同比 + top/bottom 5), 巴南区, this month",
					() -> kpis.report(actor, bananId, month));
			KpiReport yearReport = time("report (figures + 环比 + 同比 + top/bottom 5), 巴南区, this year",
					() -> kpis.report(actor, bananId, year));
			time("figures, 巴南区, this year's 环比 " + year.previous().from() + "…" + year.previous().to(),
					() -> kpis.figures(actor.scope(), year.previous(), today));
			time("figures, 巴南区, this year's 同比 " + year.yearEarlier().from() + "…" + year.yearEarlier().to(),
					() -> kpis.figures(actor.scope(), year.yearEarlier(), today));
			time("figures, 巴南区, each month of the last year (12 periods)", () -> {
				for (int m = 11; m >= 0; m--) {
					LocalDate first = today.withDayOfMonth(1).minusMonths(m);
					LocalDate last = m == 0 ? today : first.plusMonths(1).minusDays(1);
					kpis.figures(actor.scope(), new KpiPeriod(first, last), today);
				}
				return null;
			});
			System.out.println("this month: " + monthReport.figures());
			System.out.println("this year:  " + yearReport.figures());
			System.out.println("top: " + yearReport.top());
			if (Boolean.getBoolean("kpi.bench.hold")) {
				// for EXPLAIN in psql on the generated data: psql -h localhost -p <port> -U postgres
				System.out.println("holding PostgreSQL on port "
						+ jdbc.sql("select inet_server_port()").query(Integer.class).single()
						+ " until /tmp/kpi-bench.stop exists");
				java.nio.file.Path stop = java.nio.file.Path.of("/tmp/kpi-bench.stop");
				while (!java.nio.file.Files.exists(stop)) {
					try {
						Thread.sleep(1000);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						break;
					}
				}
			}
		}
	}

	private static <T> T time(String what, Supplier<T> work) {
		T result = null;
		for (int i = 0; i < 5; i++) {
			result = work.get(); // warm-up: plans, caches, JIT
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long started = System.nanoTime();
			result = work.get();
			millis.add((System.nanoTime() - started) / 1e6);
		}
		Collections.sort(millis);
		// the 95th percentile by nearest rank: the 39th of 41
		System.out.printf(Locale.ROOT, "%-75s median %6.1f ms, p95 %6.1f ms, min %6.1f ms, max %6.1f ms%n", what,
				millis.get(RUNS / 2), millis.get((int) Math.ceil(0.95 * RUNS) - 1), millis.get(0),
				millis.get(RUNS - 1));
		return result;
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	/** Writes the incidents and their timelines; answers the number of grids they were spread over. */
	public static int generate(JdbcClient jdbc, String districtPath, int incidents) {
		jdbc.sql("drop table if exists bench_grid").update();
		jdbc.sql("""
				create unlogged table bench_grid as
				select row_number() over (order by id) as n, id, path, district_id
				  from territory.org_unit where level = 'GRID' and path like :path""")
			.param("path", districtPath + "%")
			.update();
		int grids = jdbc.sql("select count(*) from bench_grid").query(Integer.class).single();
		jdbc.sql("drop table if exists bench_incident").update();
		// every moment of an incident's life, null where the step never happens or lies in the future
		jdbc.sql("""
				create unlogged table bench_incident as
				with r as (
				  select s.i, gen_random_uuid() as id, g.id as grid_id, g.path, g.district_id,
				         now() - random() * interval '730 days' as reported_at,
				         random() as u1, random() as u2, random() as u3, random() as u4, random() as u5,
				         random() as u6, random() as u7
				    from generate_series(1, :n) as s (i)
				    join bench_grid g on g.n = 1 + (s.i::bigint * 7919) % :grids),
				t as (
				  select r.*,
				         r.reported_at + (1 + r.u2 * 60) * interval '1 minute' as accept_at,
				         r.u1 < 0.03 as rejected, r.u1 >= 0.03 and r.u1 < 0.13 as private,
				         r.u2 < 0.05 as reworked
				    from r),
				w as (
				  select t.*,
				         case when not rejected and not private
				              then accept_at + (1 + u3 * 30) * interval '1 minute' end as whistle_at
				    from t),
				c as (
				  select w.*, whistle_at + (5 + u4 * u4 * 600) * interval '1 minute' as claim_at from w),
				o as (
				  select c.*, claim_at + (10 + u5 * 120) * interval '1 minute' as on_site_at from c),
				v as (
				  select o.*, on_site_at + (20 + u6 * u6 * u6 * 4000) * interval '1 minute' as resolve_at from o),
				k as (
				  select v.*,
				         case when reworked then resolve_at + interval '60 minutes' end as rework_at,
				         case when reworked then resolve_at + interval '120 minutes' end as on_site2_at,
				         case when reworked then resolve_at + interval '240 minutes' end as resolve2_at
				    from v),
				z as (
				  select k.*,
				         case when private then accept_at + interval '10 minutes'
				              else coalesce(resolve2_at, resolve_at) + (10 + u3 * 600) * interval '1 minute'
				         end as close_at
				    from k)
				select z.i, z.id, z.grid_id, z.path, z.district_id, z.reported_at, z.u4, z.u7,
				       case when rejected then accept_at end as reject_at,
				       case when not rejected and accept_at <= now() then accept_at end as accept_at,
				       case when not rejected and not private and accept_at <= now()
				            then accept_at + interval '1 second' end as triage_at,
				       case when whistle_at <= now() then whistle_at end as whistle_at,
				       case when claim_at <= now() then claim_at end as claim_at,
				       case when on_site_at <= now() then on_site_at end as on_site_at,
				       case when resolve_at <= now() then resolve_at end as resolve_at,
				       case when rework_at <= now() then rework_at end as rework_at,
				       case when on_site2_at <= now() then on_site2_at end as on_site2_at,
				       case when resolve2_at <= now() then resolve2_at end as resolve2_at,
				       case when not rejected and close_at <= now() then close_at end as close_at,
				       private,
				       case when not private and u5 < 0.7 then whistle_at + interval '72 hours' end as resolve_due_at,
				       case when not rejected and close_at + interval '1 day' <= now() and u4 < 0.8
				            then close_at + interval '1 day' end as rated_at
				  from z""")
			.param("n", incidents)
			.param("grids", grids)
			.update();
		jdbc.sql("""
				insert into incident.incident (id, channel, category_code, description, lat, lng, grid_id, scope_path,
				       district_id, state, triage, whistle_type, reject_reason, claimed_by, reporter_id, reported_at,
				       updated_at, owner_id, rating, resolve_due_at, closed_at, escalations, tier)
				select b.id, 'PATROL', (array['MANHOLE_COVER', 'ROAD_POTHOLE', 'SANITATION_BLACKSPOT', 'TREE_PRUNING',
				       'ILLEGAL_ADVERTISING', 'ILLEGAL_PARKING', 'PUBLIC_SPACE_CLUTTER', 'NEIGHBOUR_DISPUTE',
				       'ELDERLY_ALONE_HELP', 'MESSY_WIRING', 'FIRE_LANE_BLOCKED', 'OTHER'])[1 + b.i % 12],
				       'bench', 29.5, 106.5, b.grid_id, b.path, b.district_id,
				       case when b.reject_at is not null then 'REJECTED'
				            when b.rated_at is not null then 'RATED'
				            when b.close_at is not null then 'CLOSED'
				            when b.resolve2_at is not null then 'RESOLVED'
				            when b.on_site2_at is not null then 'CHECKED_IN'
				            when b.rework_at is not null then 'REWORK'
				            when b.resolve_at is not null then 'RESOLVED'
				            when b.on_site_at is not null then 'CHECKED_IN'
				            when b.claim_at is not null then 'CLAIMED'
				            when b.whistle_at is not null then 'WHISTLED'
				            when b.triage_at is not null then 'TRIAGED'
				            when b.accept_at is not null then 'ACCEPTED'
				            else 'REPORTED' end,
				       case when b.private then 'PRIVATE' when b.triage_at is not null then 'COMMUNITY' end,
				       case when b.whistle_at is not null then 'QUICK' end,
				       case when b.reject_at is not null then 'DUPLICATE' end,
				       case when b.claim_at is not null then b.grid_id end,
				       b.grid_id, b.reported_at,
				       coalesce(b.rated_at, b.close_at, b.resolve2_at, b.on_site2_at, b.rework_at, b.resolve_at,
				                b.on_site_at, b.claim_at, b.whistle_at, b.triage_at, b.accept_at, b.reject_at,
				                b.reported_at),
				       b.grid_id,
				       case when b.rated_at is null then null when b.u7 < 0.85 then 'SATISFIED'
				            when b.u7 < 0.95 then 'BASICALLY_SATISFIED' else 'UNSATISFIED' end,
				       b.resolve_due_at, coalesce(b.close_at, b.reject_at),
				       case when b.u4 > 0.93 and b.whistle_at is not null then 1 else 0 end,
				       case when b.u4 > 0.93 and b.whistle_at is not null then 'STREET' else 'GRID' end
				  from bench_incident b""").update();
		jdbc.sql("""
				insert into incident.timeline_entry (id, incident_id, occurred_at, actor_id, actor_name, actor_role,
				       action, from_state, to_state, district_id)
				select gen_random_uuid(), b.id, s.at, b.grid_id, 'bench', 'GRID_WORKER', s.action, s.from_state,
				       s.to_state, b.district_id
				  from bench_incident b
				 cross join lateral (values
				       ('REPORT', null, 'REPORTED', b.reported_at),
				       ('REJECT', 'REPORTED', 'REJECTED', b.reject_at),
				       ('ACCEPT', 'REPORTED', 'ACCEPTED', b.accept_at),
				       ('CLOSE', 'ACCEPTED', 'CLOSED', case when b.private then b.close_at end),
				       ('TRIAGE', 'ACCEPTED', 'TRIAGED', b.triage_at),
				       ('WHISTLE', 'TRIAGED', 'WHISTLED', b.whistle_at),
				       ('CLAIM', 'WHISTLED', 'CLAIMED', b.claim_at),
				       ('CHECK_IN', 'CLAIMED', 'CHECKED_IN', b.on_site_at),
				       ('RESOLVE', 'CHECKED_IN', 'RESOLVED', b.resolve_at),
				       ('REWORK', 'RESOLVED', 'REWORK', b.rework_at),
				       ('CHECK_IN', 'REWORK', 'CHECKED_IN', b.on_site2_at),
				       ('RESOLVE', 'CHECKED_IN', 'RESOLVED', b.resolve2_at),
				       ('VERIFY', 'RESOLVED', 'VERIFIED', case when not b.private then b.close_at end),
				       ('CLOSE', 'VERIFIED', 'CLOSED',
				        case when not b.private then b.close_at + interval '1 microsecond' end),
				       ('RATE', 'CLOSED', 'RATED', b.rated_at)) as s (action, from_state, to_state, at)
				 where s.at is not null""").update();
		jdbc.sql("drop table bench_incident").update();
		jdbc.sql("drop table bench_grid").update();
		return grids;
	}
}
