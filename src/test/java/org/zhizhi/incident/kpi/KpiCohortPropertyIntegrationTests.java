package org.zhizhi.incident.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhizhi.ZhizhiIntegrationTest;
import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.TerritoryManagement;

/**
 * The cohort rule as a property over random histories (issue 18): incidents of a grid of their own, each with a random
 * life — whistled or not, handled (sometimes before its whistle), reworked, closed late or early or never, rejected,
 * closed twice, rated — are written straight into the tables and counted by the rebuild; then for random windows of
 * days every rate lies in 0..1 and every count the KPIs give equals the size of its set computed here from the
 * histories by the definitions of docs/kpis.md, each numerator's set taken inside its denominator's. The seed is in
 * the failure message.
 */
@ZhizhiIntegrationTest
class KpiCohortPropertyIntegrationTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TerritoryManagement territory;

	@Autowired
	IncidentKpis kpis;

	@Autowired
	Clock clock;

	@Test
	void everyRateIsAShareOfItsOwnCohortInEveryWindow() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		KpiGrid g = KpiGrid.create(port, jdbc, territory);
		Instant now = clock.instant().minusSeconds(60);
		LocalDate today = kpis.today();
		List<History> histories = new ArrayList<>();
		for (int n = 0; n < 160; n++) {
			History h = History.random(random, now, 120);
			h.write(jdbc, g);
			histories.add(h);
		}
		kpis.rebuild();

		SoftAssertions softly = new SoftAssertions();
		List<KpiPeriod> windows = new ArrayList<>(List.of(KpiPeriod.monthOf(today), KpiPeriod.yearOf(today),
				new KpiPeriod(today.minusMonths(1).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1))));
		for (int w = 0; w < 40; w++) {
			LocalDate from = today.minusDays(random.nextInt(130));
			LocalDate to = from.plusDays(random.nextInt(60));
			windows.add(new KpiPeriod(from, to.isAfter(today) ? today : to));
		}
		for (KpiPeriod window : windows) {
			for (DataScope scope : List.of(g.grid.scope(), g.community.scope())) {
				KpiFigures f = kpis.figures(scope, window, today);
				Oracle o = new Oracle(histories, window, today);
				String at = "seed " + seed + ", " + window + ", " + scope.path();
				for (Double rate : new Double[] { f.handlingRate(), f.handlingRateByEnd(), f.closureRate(),
						f.onTimeClosureRate(), f.satisfactionRate(), f.reworkRate(), f.selfHandledRate() }) {
					if (rate != null) {
						softly.assertThat(rate).as(at).isBetween(0.0, 1.0);
					}
				}
				// 处置率: whistled in the window; handled by now; handled by the window's end
				softly.assertThat(f.dispatched()).as("dispatched, " + at).isEqualTo(o.count(o.dispatched, h -> true));
				softly.assertThat(f.dispatchedHandled()).as("dispatched and handled, " + at)
					.isEqualTo(o.count(o.dispatched, h -> h.handled != null));
				softly.assertThat(f.dispatchedHandledByEnd()).as("handled by the end, " + at)
					.isEqualTo(o.count(o.dispatched, h -> h.handled != null && h.handled.isBefore(o.end)));
				// 结案率 and 按期结案率: due in the window (and by today)
				softly.assertThat(f.due()).as("due, " + at).isEqualTo(o.count(o.due, h -> true));
				softly.assertThat(f.dueClosed()).as("due and closed, " + at).isEqualTo(o.count(o.due, h -> h.closed() != null));
				softly.assertThat(f.closedOnTime()).as("closed on time, " + at).isEqualTo(o.count(o.due, History::onTime));
				// 返工率: first handled in the window
				softly.assertThat(f.handled()).as("handled, " + at).isEqualTo(o.count(o.handled, h -> true));
				softly.assertThat(f.handledReworked()).as("handled and reworked, " + at)
					.isEqualTo(o.count(o.handled, h -> h.reworked != null));
				// 满意率 and 自办率
				softly.assertThat(f.rated()).as("rated, " + at).isEqualTo(o.count(o.rated, h -> true));
				softly.assertThat(f.satisfied()).as("satisfied, " + at)
					.isEqualTo(o.count(o.rated, h -> "SATISFIED".equals(h.rating)));
				softly.assertThat(f.closed()).as("closed, " + at).isEqualTo(o.count(o.closed, h -> true));
				softly.assertThat(f.selfHandled()).as("self-handled, " + at)
					.isEqualTo(o.count(o.closed, h -> h.escalations == 0));
			}
		}
		softly.assertAll();
	}

	/** The sets of the definitions, for one window, computed from the histories themselves. */
	private static final class Oracle {

		final Instant end;

		final Predicate<History> dispatched;

		final Predicate<History> handled;

		final Predicate<History> due;

		final Predicate<History> rated;

		final Predicate<History> closed;

		private final List<History> histories;

		Oracle(List<History> histories, KpiPeriod window, LocalDate today) {
			this.histories = histories;
			this.end = window.to().plusDays(1).atStartOfDay(SHANGHAI).toInstant();
			Function<Function<History, Instant>, Predicate<History>> on = moment -> h -> {
				Instant at = moment.apply(h);
				return at != null && !day(at).isBefore(window.from()) && !day(at).isAfter(window.to());
			};
			this.dispatched = on.apply(h -> h.dispatched);
			this.handled = on.apply(h -> h.handled);
			this.rated = on.apply(h -> h.rating == null ? null : h.rated);
			this.closed = on.apply(History::closed);
			Predicate<History> dueInWindow = on.apply(History::dueMoment);
			this.due = h -> dueInWindow.test(h) && !day(h.dueMoment()).isAfter(today);
		}

		/** How many incidents are in the cohort, and of those how many meet the outcome. */
		long count(Predicate<History> cohort, Predicate<History> outcome) {
			return histories.stream().filter(cohort).filter(outcome).count();
		}
	}

	private static LocalDate day(Instant at) {
		return at.atZone(SHANGHAI).toLocalDate();
	}

	/** One incident's life: the moments of its steps (null: never), its deadline, rating and escalations. */
	private static final class History {

		final UUID id = UUID.randomUUID();

		Instant reported;

		Instant accepted;

		Instant dispatched;

		Instant handled;

		Instant reworked;

		Instant handledAgain;

		Instant firstClose;

		Instant lastClose;

		Instant rated;

		Instant due;

		String rating;

		boolean rejected;

		int escalations;

		/** The closure the KPIs count: the last one, unless the incident was rejected. */
		Instant closed() {
			return rejected ? null : lastClose;
		}

		boolean onTime() {
			return closed() != null && (due == null || !closed().isAfter(due));
		}

		/** The day it had to be closed by: the closure if in time or without deadline, else the deadline. */
		Instant dueMoment() {
			if (due == null) {
				return closed();
			}
			return closed() == null || closed().isAfter(due) ? due : closed();
		}

		static History random(Random random, Instant now, int days) {
			History h = new History();
			h.reported = now.minus(Duration.ofMinutes(random.nextInt(days * 24 * 60)));
			Instant at = h.reported;
			if (random.nextInt(10) == 0) {
				h.rejected = true;
				h.lastClose = later(random, at, now);
				return h;
			}
			h.due = random.nextInt(4) == 0 ? null : h.reported.plus(Duration.ofMinutes(60 + random.nextInt(10 * 24 * 60)));
			h.escalations = random.nextInt(4) == 0 ? 1 : 0;
			at = h.accepted = chance(random, 9, later(random, at, now));
			if (at == null) {
				return h;
			}
			boolean handledFirst = random.nextInt(12) == 0;
			if (!handledFirst) {
				at = h.dispatched = chance(random, 8, later(random, at, now));
			}
			if (at == null) {
				return h;
			}
			at = h.handled = chance(random, 7, later(random, at, now));
			if (at == null) {
				return h;
			}
			if (random.nextInt(5) == 0) {
				h.reworked = later(random, at, now);
				at = h.handledAgain = h.reworked == null ? null : later(random, h.reworked, now);
				if (at == null) {
					return h;
				}
			}
			if (handledFirst) {
				at = h.dispatched = later(random, at, now);
				if (at == null) {
					return h;
				}
			}
			at = h.firstClose = chance(random, 7, later(random, at, now));
			if (at == null) {
				return h;
			}
			h.lastClose = h.firstClose;
			if (random.nextInt(8) == 0) {
				Instant again = later(random, at, now);
				if (again != null) {
					h.lastClose = again;
				}
			}
			if (random.nextInt(3) > 0) {
				h.rated = later(random, h.lastClose, now);
				h.rating = h.rated == null ? null
						: List.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED").get(random.nextInt(3));
			}
			return h;
		}

		/** A moment after the given one — minutes to days later — or null when it would lie in the future. */
		private static Instant later(Random random, Instant after, Instant now) {
			Duration gap = switch (random.nextInt(3)) {
				case 0 -> Duration.ofMinutes(1 + random.nextInt(120));
				case 1 -> Duration.ofMinutes(120 + random.nextInt(24 * 60));
				default -> Duration.ofMinutes(24 * 60 + random.nextInt(12 * 24 * 60));
			};
			Instant at = after.plus(gap);
			return at.isBefore(now) ? at : null;
		}

		private static Instant chance(Random random, int outOfTen, Instant at) {
			return random.nextInt(10) < outOfTen ? at : null;
		}

		void write(JdbcClient jdbc, KpiGrid g) {
			String state = rejected ? "REJECTED" : lastClose != null ? "CLOSED" : handled != null ? "RESOLVED"
					: dispatched != null ? "WHISTLED" : accepted != null ? "ACCEPTED" : "REPORTED";
			jdbc.sql("""
					insert into incident.incident (id, channel, category_code, description, lat, lng, grid_id,
					       scope_path, district_id, state, reporter_id, reported_at, updated_at, owner_id, closed_at,
					       resolve_due_at, rating, escalations, tier)
					values (:id, 'PATROL', 'OTHER', '随机历史', :lat, :lng, :grid, :path, :district, :state, :grid,
					        :reported, :reported, :grid, :closed, :due, :rating, :escalations,
					        case when :escalations > 0 then 'STREET' else 'COMMUNITY' end)""")
				.param("id", id)
				.param("lat", g.lat)
				.param("lng", g.lng)
				.param("grid", g.grid.id())
				.param("path", g.grid.path())
				.param("district", g.grid.districtId())
				.param("state", state)
				.param("reported", time(reported))
				.param("closed", time(lastClose))
				.param("due", time(due))
				.param("rating", rating)
				.param("escalations", escalations)
				.update();
			entry(jdbc, g, accepted, "ACCEPT");
			entry(jdbc, g, dispatched, "WHISTLE");
			entry(jdbc, g, handled, "RESOLVE");
			entry(jdbc, g, reworked, "REWORK");
			entry(jdbc, g, handledAgain, "RESOLVE");
			entry(jdbc, g, rejected ? lastClose : null, "REJECT");
			entry(jdbc, g, rejected ? null : firstClose, "CLOSE");
			entry(jdbc, g, rejected || lastClose == firstClose ? null : lastClose, "CLOSE");
			entry(jdbc, g, rating == null ? null : rated, "RATE");
		}

		private void entry(JdbcClient jdbc, KpiGrid g, Instant at, String action) {
			if (at == null) {
				return;
			}
			jdbc.sql("""
					insert into incident.timeline_entry (id, incident_id, occurred_at, actor_id, actor_name,
					       actor_role, action, from_state, to_state, district_id)
					values (:entry, :id, :at, :id, '随机历史', 'COMMUNITY_STAFF', :action, 'REPORTED', 'REPORTED', :district)""")
				.param("entry", UUID.randomUUID())
				.param("id", id)
				.param("at", time(at))
				.param("action", action)
				.param("district", g.grid.districtId())
				.update();
		}

		private static OffsetDateTime time(Instant at) {
			return at == null ? null : at.atOffset(ZoneOffset.UTC);
		}
	}
}
