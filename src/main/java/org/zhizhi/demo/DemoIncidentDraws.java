package org.zhizhi.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.IncidentArchive.HistoricActor;
import org.zhizhi.incident.IncidentArchive.HistoricIncident;
import org.zhizhi.incident.IncidentArchive.HistoricStep;
import org.zhizhi.incident.Unit;
import org.zhizhi.territory.NewTeamMember;
import org.zhizhi.territory.TeamPosition;

/**
 * The one random stream behind the demo's incidents, and what is drawn from it: who reports and handles, where, and
 * how long each step takes. A single {@link Random} with a fixed seed, shared by the history, 金银桥社区 and today's
 * queue in that order — every draw moved or added changes the data the demo's figures and tests are built on.
 */
final class DemoIncidentDraws {

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "罗", "高", "林" };

	final DemoIncidents.Context context;

	final Random random = new Random(20_260_002L);

	private final GeometryFactory geometries = new GeometryFactory();

	DemoIncidentDraws(DemoIncidents.Context context) {
		this.context = context;
	}

	// --- people ------------------------------------------------------------------------------------------------------

	HistoricActor account(String username, String name, String role) {
		return new HistoricActor(context.accounts().get(username), name, role);
	}

	HistoricActor staff() {
		return account("dongcheng", "东城社区工作站", "COMMUNITY_STAFF");
	}

	/** The grid leader of a 东城社区 grid: the demo account where there is one, else the team's leader by name. */
	HistoricActor gridWorker(int grid) {
		if (grid == 1) {
			return account("dongcheng-g01", "李网格长", "GRID_WORKER");
		}
		if (grid == 2) {
			return account("dongcheng-g02", "王网格员", "GRID_WORKER");
		}
		NewTeamMember leader = DemoGridTeams.of(grid, Map.of()).get(TeamPosition.GRID_LEADER.ordinal());
		return person("dongcheng-g" + grid + "-leader", leader.name(), "GRID_WORKER");
	}

	HistoricActor member(int n) {
		String[] names = { "陈党员", "刘党员", "赵党员", "孙党员" };
		return account("dangyuan0" + (n + 1), names[n], "PARTY_MEMBER");
	}

	HistoricActor resident(int grid) {
		if (grid == 1 && random.nextInt(4) == 0) {
			return account("jumin01", "张居民", "RESIDENT");
		}
		String name = surname() + (random.nextBoolean() ? "女士" : "先生");
		return person("resident-" + grid + "-" + name, name, "RESIDENT");
	}

	HistoricActor liaison(Unit unit) {
		return switch (unit.code()) {
			case "jieshi-zhifa" -> account("chengguan", "界石镇综合执法联络员", "PARTNER_LIAISON");
			case "lujiao-gongdian" -> account("gongdian", "鹿角供电所联络员", "PARTNER_LIAISON");
			default -> account("wuye-dongcheng", "东城红色物业联络员", "PROPERTY_STAFF");
		};
	}

	String surname() {
		return SURNAMES[random.nextInt(SURNAMES.length)];
	}

	/** Somebody of the older system without an account here: a stable id from his place and name. */
	static HistoricActor person(String key, String name, String role) {
		return new HistoricActor(UUID.nameUUIDFromBytes(("zhizhi-demo:" + key).getBytes(
				StandardCharsets.UTF_8)), name, role);
	}

	/** An incident whose last step would fall into the quiet days before the load is moved back, whole. */
	HistoricIncident shiftedBeforeQuiet(HistoricIncident incident) {
		Instant last = incident.steps().isEmpty() ? incident.reportedAt()
				: incident.steps().get(incident.steps().size() - 1).at();
		Instant limit = context.now().minus(DemoIncidents.QUIET);
		if (!last.isAfter(limit)) {
			return incident;
		}
		Duration back = Duration.between(limit, last).plusHours(1 + random.nextInt(24));
		List<HistoricStep> steps = incident.steps()
			.stream()
			.map(s -> new HistoricStep(s.action(), s.at().minus(back), s.actor(), s.note(), s.triage(),
					s.whistleType(), s.mode(), s.assigneeId(), s.assigneeName(), s.unitId(), s.reason(), s.rating(),
					s.card(), s.lat(), s.lng()))
			.toList();
		return new HistoricIncident(incident.channel(), incident.categoryCode(), incident.description(),
				incident.lat(), incident.lng(), incident.reportedAt().minus(back), incident.reporter(),
				incident.anonymous(), steps);
	}

	// --- places and times --------------------------------------------------------------------------------------------

	/**
	 * A point inside a grid, as {lat, lng}; away from the grid's centre (where tests report) when asked, and never on
	 * its edge.
	 */
	double[] pointIn(String gridKey, boolean awayFromCentre) {
		Geometry grid = context.grids().get(gridKey);
		Geometry inner = grid.buffer(-0.0003);
		Envelope box = grid.getEnvelopeInternal();
		Coordinate centre = grid.getCentroid().getCoordinate();
		double keepOff = Math.min(box.getWidth(), box.getHeight()) / 4;
		for (int tries = 0; tries < 1000; tries++) {
			double lng = box.getMinX() + random.nextDouble() * box.getWidth();
			double lat = box.getMinY() + random.nextDouble() * box.getHeight();
			Coordinate c = new Coordinate(lng, lat);
			if ((inner.isEmpty() ? grid : inner).contains(geometries.createPoint(c))
					&& (!awayFromCentre || c.distance(centre) > keepOff)) {
				return new double[] { lat, lng };
			}
		}
		return new double[] { centre.y, centre.x };
	}

	double jitter() {
		return (random.nextDouble() - 0.5) * 0.0006;
	}

	Duration minutes(int from, int to) {
		return Duration.ofSeconds(from * 60L + random.nextInt((to - from) * 60 + 1));
	}

	Channel channel() {
		int n = random.nextInt(100);
		if (n < 35) {
			return Channel.PATROL;
		}
		if (n < 60) {
			return Channel.RESIDENT_APP;
		}
		if (n < 70) {
			return Channel.HOTLINE;
		}
		if (n < 80) {
			return Channel.HOTLINE_12345;
		}
		if (n < 90) {
			return Channel.GROUP_CHAT;
		}
		if (n < 95) {
			return Channel.MEETING;
		}
		return Channel.RIDER;
	}
}
