package org.zhizhi.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;
import org.zhizhi.incident.IncidentArchive;
import org.zhizhi.incident.IncidentArchive.HistoricIncident;
import org.zhizhi.incident.Unit;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.PlatformZone;
import org.zhizhi.territory.Boundaries;

/**
 * The demo district's incident history, imported through {@link IncidentArchive} as a district moving onto the
 * platform would import its own: for 东城社区 the seed's figures (seed 002) over the thirteen months before today —
 * 85 problems found and all of them handled, 250 opinions and requests collected of which 248 are done and 2 still
 * open, 满意率 above 98 % — so that this month has 环比 and 同比 at once; a smaller history for 金银桥社区; and a handful
 * of incidents open in today's queue in every state the desk and the phone pages show. Deterministic: a fixed seed,
 * every moment relative to the load's clock.
 * <p>
 * What each part builds: {@link DemoIncidentHistory} 东城社区's thirteen months and its two open requests,
 * {@link DemoJinyinqiaoIncidents} 金银桥社区's, {@link DemoTodaysQueue} today's queue; all of them draw from the one
 * {@link DemoIncidentDraws}, in that order.
 */
final class DemoIncidents {

	static final ZoneId ZONE = PlatformZone.DEFAULT;

	/** Seed 002: problems found and solved through the whistle (处理率 100 %). */
	static final int PROBLEMS = 85;

	/** Seed 002: opinions and requests collected (社情民意 250 条), of which {@link #REQUESTS_OPEN} are still open. */
	static final int REQUESTS = 250;

	static final int REQUESTS_OPEN = 2;

	/** 金银桥社区's smaller history. */
	static final int JINYINQIAO_HISTORY = 24;

	/** Unsatisfied ratings in 东城社区's history (each followed up); all others satisfied or basically satisfied. */
	static final int UNSATISFIED = 2;

	/** No history step lies later than this before the load: the last days belong to the live queue. */
	static final Duration QUIET = Duration.ofDays(2);

	/** Who the demo's people are: account ids by username, the units by code, the grids' places and teams. */
	record Context(Instant now, Map<String, UUID> accounts, Map<String, Unit> units, Map<String, Geometry> grids) {
	}

	private final Context context;

	private final DemoIncidentDraws draws;

	private DemoIncidents(Context context) {
		this.context = context;
		this.draws = new DemoIncidentDraws(context);
	}

	/** Imports the whole demo history and today's queue in one batch; answers how many incidents it wrote. */
	static int load(IncidentArchive archive, Actor loader, Context context) {
		List<HistoricIncident> all = new DemoIncidents(context).all();
		return archive.importAll(loader, all).incidentIds().size();
	}

	/** The grid boundaries the generator places incidents in, by node key. */
	static Geometry boundary(DemoDistrict.Node node) {
		return Boundaries.parse(node.boundary());
	}

	List<HistoricIncident> all() {
		List<HistoricIncident> all = new ArrayList<>();
		LocalDate today = LocalDate.ofInstant(context.now(), ZONE);
		// from the first day of this month a year ago: this month has its 同比 and every month its 环比
		LocalDate first = today.withDayOfMonth(1).minusMonths(12);
		int days = (int) ChronoUnit.DAYS.between(first, today.minusDays(5));
		// the order of the parts is the order of their draws from the one random stream: keep it
		DemoIncidentHistory dongcheng = new DemoIncidentHistory(draws);
		all.addAll(dongcheng.history(first, days));
		all.addAll(dongcheng.openRequests(today));
		all.addAll(new DemoJinyinqiaoIncidents(draws).all(first, days));
		all.addAll(new DemoTodaysQueue(draws).all());
		return all;
	}
}

