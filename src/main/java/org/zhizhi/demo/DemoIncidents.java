package org.zhizhi.demo;

import static org.zhizhi.incident.IncidentArchive.HistoricStep.of;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.zhizhi.incident.Channel;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentArchive;
import org.zhizhi.incident.IncidentArchive.HistoricActor;
import org.zhizhi.incident.IncidentArchive.HistoricIncident;
import org.zhizhi.incident.IncidentArchive.HistoricStep;
import org.zhizhi.incident.Rating;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.Unit;
import org.zhizhi.incident.UrgeCard;
import org.zhizhi.incident.WhistleType;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.PlatformZone;
import org.zhizhi.territory.Boundaries;
import org.zhizhi.territory.NewTeamMember;
import org.zhizhi.territory.TeamPosition;

/**
 * The demo district's incident history, imported through {@link IncidentArchive} as a district moving onto the
 * platform would import its own: for 东城社区 the seed's figures (seed 002) over the thirteen months before today —
 * 85 problems found and all of them handled, 250 opinions and requests collected of which 248 are done and 2 still
 * open, 满意率 above 98 % — so that this month has 环比 and 同比 at once; a smaller history for 金银桥社区; and a handful
 * of incidents open in today's queue in every state the desk and the phone pages show. Deterministic: a fixed seed,
 * every moment relative to the load's clock.
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

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马",
			"朱", "胡", "郭", "何", "罗", "高", "林" };

	/** What a category is about: where it comes from, who answers it, what was done. */
	private record Kind(String code, String report, String done, WhistleType type, String unitCode, Triage triage) {
	}

	private static final List<Kind> PROBLEM_KINDS = List.of(
			new Kind("MANHOLE_COVER", "井盖破损松动，行人有踩空危险", "已更换井盖并加固", WhistleType.QUICK, "dongcheng-wuye",
					Triage.COMMUNITY),
			new Kind("ROAD_POTHOLE", "小区道路出现坑洼，雨天积水", "已用沥青修补坑洼", WhistleType.QUICK, null, Triage.COMMUNITY),
			new Kind("SANITATION_BLACKSPOT", "楼栋背后垃圾堆积成卫生死角", "已清运垃圾并消杀", WhistleType.QUICK, "dongcheng-wuye",
					Triage.COMMUNITY),
			new Kind("ILLEGAL_PARKING", "车辆乱停占用人行道和出入口", "已联系车主挪车并劝导", WhistleType.QUICK, "jieshi-zhifa",
					Triage.PUBLIC),
			new Kind("HIGH_ALTITUDE_THROW", "有居民反映楼上高空抛物", "已排查楼层并入户宣传", WhistleType.EMERGENCY, null,
					Triage.COMMUNITY),
			new Kind("MESSY_WIRING", "楼道电线乱拉飞线充电", "已拆除飞线并引导到充电桩充电", WhistleType.EMERGENCY, "lujiao-gongdian",
					Triage.PUBLIC),
			new Kind("PUBLIC_SPACE_CLUTTER", "楼道和公共区域乱占乱堆杂物", "已清理杂物，通道恢复畅通", WhistleType.QUICK, "jieshi-zhifa",
					Triage.PUBLIC),
			new Kind("FIRE_LANE_BLOCKED", "消防通道被车辆和杂物堵塞", "已清理消防通道并设置警示", WhistleType.EMERGENCY, "dongcheng-wuye",
					Triage.COMMUNITY),
			new Kind("TREE_PRUNING", "大树枝桠伸到窗前，需要修枝", "已组织修剪枝桠", WhistleType.QUICK, "dongcheng-wuye",
					Triage.COMMUNITY),
			new Kind("FACADE_HAZARD", "外墙瓷砖空鼓有脱落危险", "已拉警戒线并完成外墙排危", WhistleType.TOUGH, "dongcheng-wuye",
					Triage.PUBLIC));

	/** How many of the 85 problems each kind has, in the order of {@link #PROBLEM_KINDS}. */
	private static final int[] PROBLEM_COUNTS = { 8, 8, 14, 14, 5, 8, 12, 8, 5, 3 };

	private static final List<Kind> REQUEST_KINDS = List.of(
			new Kind("ELDERLY_ALONE_HELP", "独居老人求助，需要上门帮忙", "党员已上门帮办并留下联系方式", WhistleType.QUICK, null,
					Triage.COMMUNITY),
			new Kind("NEIGHBOUR_DISPUTE", "邻里因噪音和漏水发生纠纷", "已组织双方调解，达成一致", WhistleType.QUICK, null,
					Triage.COMMUNITY),
			new Kind("FIRM_RECRUITMENT", "居民希望了解周边企业招工信息", "已推送岗位信息并对接企业", WhistleType.QUICK, null,
					Triage.COMMUNITY),
			new Kind("ELEVATOR_RETROFIT", "居民希望加装电梯", "已协调完成加装方案公示和施工", WhistleType.TOUGH, "dongcheng-wuye",
					Triage.PUBLIC),
			new Kind("SANITATION_BLACKSPOT", "居民反映垃圾分类点异味大", "已增加清运频次并清洗", WhistleType.QUICK, "dongcheng-wuye",
					Triage.COMMUNITY),
			new Kind("OTHER", "居民咨询公租房政策和办事流程", "已答复并协助办理", WhistleType.QUICK, null, Triage.COMMUNITY),
			new Kind("ILLEGAL_PARKING", "希望规范非机动车停放", "已划线并设置停车区", WhistleType.QUICK, "jieshi-zhifa",
					Triage.PUBLIC),
			new Kind("ILLEGAL_ADVERTISING", "楼道小广告多，影响环境", "已清理小广告", WhistleType.QUICK, "jieshi-zhifa",
					Triage.PUBLIC),
			new Kind("TREE_PRUNING", "希望修剪遮挡路灯的树枝", "已修剪树枝，路灯恢复照明", WhistleType.QUICK, "dongcheng-wuye",
					Triage.COMMUNITY),
			new Kind("ROAD_POTHOLE", "希望修补步道破损", "已修补步道", WhistleType.QUICK, null, Triage.COMMUNITY));

	private static final int[] REQUEST_COUNTS = { 60, 45, 15, 10, 20, 40, 20, 15, 10, 15 };

	/** The share of each request kind answered with advice at triage (私事), as a private matter. */
	private static final double[] REQUEST_PRIVATE = { 0.1, 0.4, 0.6, 0, 0, 0.5, 0, 0, 0, 0 };

	private static final String[] PRIVATE_ADVICE = { "", "已引导双方到人民调解室调解", "已告知招聘渠道，由居民自行联系", "", "",
			"已电话答复政策，由居民自行办理", "", "", "", "" };

	/** Who the demo's people are: account ids by username, the units by code, the grids' places and teams. */
	record Context(Instant now, Map<String, UUID> accounts, Map<String, Unit> units, Map<String, Geometry> grids) {
	}

	private final Context context;

	private final Random random = new Random(20_260_002L);

	private final GeometryFactory geometries = new GeometryFactory();

	private DemoIncidents(Context context) {
		this.context = context;
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
		List<Kind> kinds = new ArrayList<>();
		for (int k = 0; k < PROBLEM_KINDS.size(); k++) {
			kinds.addAll(Collections.nCopies(PROBLEM_COUNTS[k], PROBLEM_KINDS.get(k)));
		}
		Collections.shuffle(kinds, random);
		List<Kind> requests = new ArrayList<>();
		List<Boolean> advised = new ArrayList<>();
		for (int k = 0; k < REQUEST_KINDS.size(); k++) {
			int privately = (int) Math.round(REQUEST_COUNTS[k] * REQUEST_PRIVATE[k]);
			for (int n = 0; n < REQUEST_COUNTS[k]; n++) {
				requests.add(REQUEST_KINDS.get(k));
				advised.add(n < privately);
			}
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			order.add(i);
		}
		Collections.shuffle(order, random);
		// problems and requests interleaved over the days, each stratum of days getting its share
		int total = PROBLEMS + REQUESTS - REQUESTS_OPEN;
		int problem = 0;
		int request = 0;
		int unsatisfied = 0;
		for (int i = 0; i < total; i++) {
			LocalDate day = first.plusDays((long) ((i + random.nextDouble()) * days / total));
			Instant reported = day.atTime(8, 0).atZone(ZONE).toInstant().plusSeconds(random.nextInt(12 * 3600));
			int grid = 1 + random.nextInt(15);
			boolean isProblem = problem < PROBLEMS && (request >= REQUESTS - REQUESTS_OPEN
					|| random.nextInt(PROBLEMS + REQUESTS) < PROBLEMS);
			Kind kind;
			boolean privately = false;
			if (isProblem) {
				kind = kinds.get(problem++);
			}
			else {
				int r = order.get(request++);
				kind = requests.get(r);
				privately = advised.get(r);
			}
			boolean rateUnsatisfied = unsatisfied < UNSATISFIED && i % 140 == 70;
			if (rateUnsatisfied) {
				unsatisfied++;
			}
			all.add(closed(grid, kind, reported, privately, rateUnsatisfied));
		}
		all.addAll(openRequests(today));
		all.addAll(jinyinqiao(first, days));
		all.addAll(todaysQueue());
		return all;
	}

	// --- people ------------------------------------------------------------------------------------------------------

	private HistoricActor account(String username, String name, String role) {
		return new HistoricActor(context.accounts().get(username), name, role);
	}

	private HistoricActor staff() {
		return account("dongcheng", "东城社区工作站", "COMMUNITY_STAFF");
	}

	/** The grid leader of a 东城社区 grid: the demo account where there is one, else the team's leader by name. */
	private HistoricActor gridWorker(int grid) {
		if (grid == 1) {
			return account("dongcheng-g01", "李网格长", "GRID_WORKER");
		}
		if (grid == 2) {
			return account("dongcheng-g02", "王网格员", "GRID_WORKER");
		}
		NewTeamMember leader = DemoGridTeams.of(grid, Map.of()).get(TeamPosition.GRID_LEADER.ordinal());
		return person("dongcheng-g" + grid + "-leader", leader.name(), "GRID_WORKER");
	}

	private HistoricActor member(int n) {
		String[] names = { "陈党员", "刘党员", "赵党员", "孙党员" };
		return account("dangyuan0" + (n + 1), names[n], "PARTY_MEMBER");
	}

	private HistoricActor resident(int grid) {
		if (grid == 1 && random.nextInt(4) == 0) {
			return account("jumin01", "张居民", "RESIDENT");
		}
		String name = SURNAMES[random.nextInt(SURNAMES.length)] + (random.nextBoolean() ? "女士" : "先生");
		return person("resident-" + grid + "-" + name, name, "RESIDENT");
	}

	private HistoricActor liaison(Unit unit) {
		return switch (unit.code()) {
			case "jieshi-zhifa" -> account("chengguan", "界石镇综合执法联络员", "PARTNER_LIAISON");
			case "lujiao-gongdian" -> account("gongdian", "鹿角供电所联络员", "PARTNER_LIAISON");
			default -> account("wuye-dongcheng", "东城红色物业联络员", "PROPERTY_STAFF");
		};
	}

	/** Somebody of the older system without an account here: a stable id from his place and name. */
	private static HistoricActor person(String key, String name, String role) {
		return new HistoricActor(UUID.nameUUIDFromBytes(("zhizhi-demo:" + key).getBytes(
				java.nio.charset.StandardCharsets.UTF_8)), name, role);
	}

	// --- 东城社区's history ----------------------------------------------------------------------------------------------

	private HistoricIncident closed(int grid, Kind kind, Instant reported, boolean privately, boolean unsatisfied) {
		double[] at = pointIn("dongcheng-g" + grid, false);
		Channel channel = channel();
		HistoricActor reporter = switch (channel) {
			case PATROL, GROUP_CHAT -> gridWorker(grid);
			case RESIDENT_APP -> resident(grid);
			case RIDER -> person("rider-" + grid, "先锋骑手" + SURNAMES[random.nextInt(SURNAMES.length)] + "师傅",
					"RESIDENT");
			default -> staff();
		};
		HistoricActor dispatcher = channel == Channel.HOTLINE || channel == Channel.HOTLINE_12345
				|| channel == Channel.MEETING ? staff() : gridWorker(grid);
		List<HistoricStep> steps = new ArrayList<>();
		Instant t = reported.plus(minutes(5, 90));
		steps.add(of(IncidentAction.ACCEPT, t, dispatcher, null));
		t = t.plus(minutes(1, 15));
		if (privately) {
			steps.add(HistoricStep.triage(t, dispatcher, Triage.PRIVATE, advice(kind)));
		}
		else {
			steps.add(HistoricStep.triage(t, dispatcher, kind.triage(), null));
			t = handle(steps, grid, kind, at, dispatcher, t.plus(minutes(2, 30)));
			t = t.plus(minutes(10, 20 * 60));
			steps.add(of(IncidentAction.VERIFY, t, gridWorker(grid), "现场核查，已整改到位"));
			t = t.plusNanos(1_000);
		}
		Instant closedAt = t;
		rate(steps, reporter, closedAt, unsatisfied);
		HistoricIncident incident = new HistoricIncident(channel, kind.code(), kind.report(), at[0], at[1], reported,
				reporter, false, steps);
		return shiftedBeforeQuiet(incident);
	}

	/** Whistle, dispatch, the handler's work (reworked now and then): answers the resolution's moment. */
	private Instant handle(List<HistoricStep> steps, int grid, Kind kind, double[] at, HistoricActor dispatcher,
			Instant t) {
		WhistleType type = kind.type() == WhistleType.EMERGENCY && random.nextBoolean() ? WhistleType.QUICK
				: kind.type();
		boolean emergency = type == WhistleType.EMERGENCY;
		boolean toUnit = kind.unitCode() != null && (type == WhistleType.TOUGH || random.nextInt(10) < 4);
		boolean assignMember = !toUnit && random.nextInt(10) < 3;
		boolean escalated = toUnit && random.nextInt(20) == 0;
		steps.add(HistoricStep.whistle(t, dispatcher, type,
				toUnit || assignMember ? DispatchMode.ASSIGN : DispatchMode.OPEN_CALL));
		HistoricActor handler;
		if (escalated) {
			// the grid could not settle it alone: raised to the community, which gives it to the unit
			t = t.plus(minutes(10, 60));
			steps.add(of(IncidentAction.ESCALATE, t, dispatcher, "涉及多个单位，提请社区协调"));
			dispatcher = staff();
		}
		if (toUnit) {
			Unit unit = context.units().get(kind.unitCode());
			t = t.plusSeconds(1);
			steps.add(HistoricStep.assignUnit(t, dispatcher, unit.id()));
			handler = liaison(unit);
			t = t.plus(emergency ? minutes(2, 10) : minutes(10, 120));
			steps.add(of(IncidentAction.ANSWER, t, handler, "收到，马上安排"));
		}
		else if (assignMember) {
			handler = member(random.nextInt(4));
			t = t.plusSeconds(1);
			steps.add(HistoricStep.assignMember(t, dispatcher, handler.id(), handler.name()));
			t = t.plus(minutes(5, 90));
			steps.add(of(IncidentAction.ANSWER, t, handler, null));
		}
		else {
			handler = member(random.nextInt(4));
			t = t.plus(emergency ? minutes(1, 8) : minutes(5, 100));
			steps.add(of(IncidentAction.CLAIM, t, handler, null));
		}
		t = t.plus(emergency ? minutes(5, 25) : minutes(10, 150));
		steps.add(HistoricStep.checkIn(t, handler, at[0] + jitter(), at[1] + jitter()));
		Duration work = switch (type) {
			case EMERGENCY -> minutes(20, 180);
			case TOUGH -> Duration.ofHours(24 * 3 + random.nextInt(24 * 14));
			// most quick ones within a working day, a few that drag on past their deadline
			case QUICK -> random.nextInt(12) == 0 ? Duration.ofHours(30 + random.nextInt(60)) : minutes(30, 8 * 60);
		};
		t = t.plus(work);
		steps.add(of(IncidentAction.RESOLVE, t, handler, kind.done()));
		if (random.nextInt(20) == 0) {
			t = t.plus(minutes(30, 240));
			steps.add(of(IncidentAction.REWORK, t, gridWorker(grid), "现场核查仍未整改到位，请返工"));
			t = t.plus(minutes(30, 300));
			steps.add(HistoricStep.checkIn(t, handler, at[0] + jitter(), at[1] + jitter()));
			t = t.plus(minutes(20, 240));
			steps.add(of(IncidentAction.RESOLVE, t, handler, "返工完成：" + kind.done()));
		}
		return t;
	}

	/** Most closed incidents are rated, by the resident himself or at the community's call-back (回访). */
	private void rate(List<HistoricStep> steps, HistoricActor reporter, Instant closedAt, boolean unsatisfied) {
		if (!unsatisfied && random.nextInt(100) >= 88) {
			return;
		}
		HistoricActor rater = "RESIDENT".equals(reporter.role()) ? reporter : staff();
		Instant t = closedAt.plus(minutes(60, 48 * 60));
		if (unsatisfied) {
			steps.add(HistoricStep.rate(t, rater, Rating.UNSATISFIED, "处理太慢，希望以后能更快一些"));
			steps.add(of(IncidentAction.KEEP_CLOSED, t.plus(minutes(60, 24 * 60)), staff(),
					"已回访说明情况，问题已解决，居民表示理解"));
			return;
		}
		steps.add(HistoricStep.rate(t, rater, random.nextInt(100) < 90 ? Rating.SATISFIED
				: Rating.BASICALLY_SATISFIED, null));
	}

	/** An incident whose last step would fall into the quiet days before the load is moved back, whole. */
	private HistoricIncident shiftedBeforeQuiet(HistoricIncident incident) {
		Instant last = incident.steps().isEmpty() ? incident.reportedAt()
				: incident.steps().get(incident.steps().size() - 1).at();
		Instant limit = context.now().minus(QUIET);
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

	/** The two requests of the 250 still open: an elevator awaiting the residents' consent, a job request in hand. */
	private List<HistoricIncident> openRequests(LocalDate today) {
		double[] elevator = pointIn("dongcheng-g6", false);
		Instant reported = today.minusDays(20).atTime(10, 12).atZone(ZONE).toInstant();
		HistoricIncident lift = new HistoricIncident(Channel.MEETING, "ELEVATOR_RETROFIT",
				"6栋居民在院坝会上提出加装电梯，需征求全体住户意见", elevator[0], elevator[1], reported, staff(), false,
				List.of(of(IncidentAction.ACCEPT, reported.plus(Duration.ofMinutes(30)), staff(), null),
						HistoricStep.triage(reported.plus(Duration.ofMinutes(45)), staff(), Triage.COMMUNITY,
								"提交议事协商，待住户意见收齐后吹哨")));
		double[] jobs = pointIn("dongcheng-g10", false);
		Instant asked = today.minusDays(8).atTime(15, 40).atZone(ZONE).toInstant();
		HistoricIncident job = new HistoricIncident(Channel.HOTLINE, "FIRM_RECRUITMENT",
				"公租房居民希望社区帮忙对接周边企业的长期岗位", jobs[0], jobs[1], asked, staff(), false,
				List.of(of(IncidentAction.ACCEPT, asked.plus(Duration.ofMinutes(20)), staff(),
						"已登记，待收集企业用工需求")));
		return List.of(lift, job);
	}

	// --- 金银桥社区 -----------------------------------------------------------------------------------------------------

	private List<HistoricIncident> jinyinqiao(LocalDate first, int days) {
		List<HistoricIncident> all = new ArrayList<>();
		HistoricActor mudong = account("mudong", "金银桥社区工作站", "COMMUNITY_STAFF");
		String[][] residential = { { "SANITATION_BLACKSPOT", "钱佳花园垃圾桶满溢", "已清运" },
				{ "ILLEGAL_PARKING", "钱佳花园消防通道旁车辆乱停", "已劝导挪车" },
				{ "ELDERLY_ALONE_HELP", "独居老人需要代购药品", "党员已代购送达" } };
		String[][] park = { { "FIRM_RECRUITMENT", "园区企业急招普工和叉车司机", "已在网格群发布招工信息并推荐居民应聘" },
				{ "MESSY_WIRING", "园区厂房外电线乱拉", "已联系企业整改线路" } };
		for (int i = 0; i < JINYINQIAO_HISTORY; i++) {
			LocalDate day = first.plusDays((long) ((i + random.nextDouble()) * days / JINYINQIAO_HISTORY));
			Instant reported = day.atTime(9, 0).atZone(ZONE).toInstant().plusSeconds(random.nextInt(9 * 3600));
			boolean inPark = i % 3 == 0;
			int grid = inPark ? 5 + random.nextInt(5) : 1 + random.nextInt(4);
			String[] kind = inPark ? park[random.nextInt(park.length)] : residential[random.nextInt(residential.length)];
			double[] at = pointIn("jinyinqiao-g" + grid, false);
			HistoricActor handler = person("jinyinqiao-member-" + (i % 5), "钱佳花园党员" + SURNAMES[i % 5] + "同志",
					"PARTY_MEMBER");
			Instant t = reported.plus(minutes(10, 60));
			List<HistoricStep> steps = new ArrayList<>();
			steps.add(of(IncidentAction.ACCEPT, t, mudong, null));
			steps.add(HistoricStep.triage(t = t.plus(minutes(1, 10)), mudong, Triage.COMMUNITY, null));
			steps.add(HistoricStep.whistle(t = t.plus(minutes(2, 20)), mudong, WhistleType.QUICK,
					DispatchMode.OPEN_CALL));
			steps.add(of(IncidentAction.CLAIM, t = t.plus(minutes(5, 120)), handler, null));
			steps.add(HistoricStep.checkIn(t = t.plus(minutes(10, 90)), handler, at[0] + jitter(), at[1] + jitter()));
			steps.add(of(IncidentAction.RESOLVE, t = t.plus(minutes(30, 6 * 60)), handler, kind[2]));
			steps.add(of(IncidentAction.VERIFY, t = t.plus(minutes(10, 12 * 60)), mudong, null));
			if (random.nextInt(10) < 8) {
				steps.add(HistoricStep.rate(t.plus(minutes(60, 24 * 60)), mudong, Rating.SATISFIED, null));
			}
			all.add(shiftedBeforeQuiet(new HistoricIncident(inPark ? Channel.MEETING : Channel.PATROL, kind[0],
					kind[1], at[0], at[1], reported, mudong, false, steps)));
		}
		Instant now = context.now();
		double[] parking = pointIn("jinyinqiao-g2", true);
		all.add(new HistoricIncident(Channel.PATROL, "ILLEGAL_PARKING", "钱佳花园2号门口货车长时间占道停放", parking[0],
				parking[1], now.minus(Duration.ofMinutes(55)), mudong, false, List.of()));
		double[] bins = pointIn("jinyinqiao-g3", true);
		Instant r = now.minus(Duration.ofMinutes(150));
		all.add(new HistoricIncident(Channel.GROUP_CHAT, "SANITATION_BLACKSPOT", "居民群反映钱佳花园8栋后垃圾无人清运", bins[0],
				bins[1], r, mudong, false,
				List.of(of(IncidentAction.ACCEPT, r.plus(Duration.ofMinutes(40)), mudong, null),
						HistoricStep.triage(r.plus(Duration.ofMinutes(45)), mudong, Triage.COMMUNITY, null),
						HistoricStep.whistle(now.minus(Duration.ofMinutes(15)), mudong, WhistleType.QUICK,
								DispatchMode.OPEN_CALL))));
		return all;
	}

	// --- today's queue in 东城社区 -------------------------------------------------------------------------------------

	/**
	 * Open incidents in every state the desk and the phones show — never in 第1网格 (where the browser journey and
	 * most tests report) and away from the grids' centres, so that no test's report looks like a duplicate of them.
	 */
	private List<HistoricIncident> todaysQueue() {
		Instant now = context.now();
		List<HistoricIncident> queue = new ArrayList<>();
		// reported from a resident's phone, waiting to be accepted
		double[] a = pointIn("dongcheng-g5", true);
		HistoricActor reporter = resident(5);
		queue.add(new HistoricIncident(Channel.RESIDENT_APP, "ILLEGAL_PARKING", "5栋楼下电动车乱停，堵住了单元门口", a[0], a[1],
				now.minus(Duration.ofMinutes(35)), reporter, false, List.of()));
		// whistled, an open call for the party members (待抢工单)
		double[] b = pointIn("dongcheng-g7", true);
		HistoricActor g7 = gridWorker(7);
		Instant rb = now.minus(Duration.ofMinutes(110));
		queue.add(new HistoricIncident(Channel.PATROL, "SANITATION_BLACKSPOT", "7栋背后绿化带堆积生活垃圾，气味较大", b[0], b[1], rb,
				g7, false,
				List.of(of(IncidentAction.ACCEPT, rb.plus(Duration.ofMinutes(10)), g7, null),
						HistoricStep.triage(rb.plus(Duration.ofMinutes(12)), g7, Triage.COMMUNITY, null),
						HistoricStep.whistle(now.minus(Duration.ofMinutes(20)), g7, WhistleType.QUICK,
								DispatchMode.OPEN_CALL))));
		// assigned to the law-enforcement team, not answered yet
		double[] c = pointIn("dongcheng-g9", true);
		HistoricActor g9 = gridWorker(9);
		Instant rc = now.minus(Duration.ofMinutes(80));
		Unit zhifa = context.units().get("jieshi-zhifa");
		queue.add(new HistoricIncident(Channel.PATROL, "PUBLIC_SPACE_CLUTTER", "9栋一楼商户占用公共通道堆放货物", c[0], c[1], rc,
				g9, false,
				List.of(of(IncidentAction.ACCEPT, rc.plus(Duration.ofMinutes(8)), g9, null),
						HistoricStep.triage(rc.plus(Duration.ofMinutes(10)), g9, Triage.PUBLIC, null),
						HistoricStep.whistle(now.minus(Duration.ofMinutes(30)), g9, WhistleType.QUICK,
								DispatchMode.ASSIGN),
						HistoricStep.assignUnit(now.minus(Duration.ofMinutes(30)).plusSeconds(1), g9, zhifa.id()))));
		// claimed by a member who has checked in on site
		double[] d = pointIn("dongcheng-g11", true);
		HistoricActor g11 = gridWorker(11);
		Instant rd = now.minus(Duration.ofMinutes(140));
		HistoricActor liu = member(1);
		queue.add(new HistoricIncident(Channel.HOTLINE, "MANHOLE_COVER", "11栋旁雨水井盖缺失，已临时放置锥桶", d[0], d[1], rd,
				staff(), false,
				List.of(of(IncidentAction.ACCEPT, rd.plus(Duration.ofMinutes(5)), g11, null),
						HistoricStep.triage(rd.plus(Duration.ofMinutes(7)), g11, Triage.COMMUNITY, null),
						HistoricStep.whistle(rd.plus(Duration.ofMinutes(9)), g11, WhistleType.QUICK,
								DispatchMode.OPEN_CALL),
						of(IncidentAction.CLAIM, rd.plus(Duration.ofMinutes(21)), liu, null),
						HistoricStep.checkIn(rd.plus(Duration.ofMinutes(48)), liu, d[0] + 0.0002, d[1]))));
		// resolved by the property centre, waiting for the grid to verify
		double[] e = pointIn("dongcheng-g3", true);
		HistoricActor g3 = gridWorker(3);
		Instant re = now.minus(Duration.ofHours(5));
		Unit wuye = context.units().get("dongcheng-wuye");
		HistoricActor wuyeLiaison = liaison(wuye);
		queue.add(new HistoricIncident(Channel.GROUP_CHAT, "TREE_PRUNING", "3栋前黄葛树枝桠压到电线，居民担心安全", e[0], e[1],
				re, g3, false,
				List.of(of(IncidentAction.ACCEPT, re.plus(Duration.ofMinutes(15)), g3, null),
						HistoricStep.triage(re.plus(Duration.ofMinutes(16)), g3, Triage.COMMUNITY, null),
						HistoricStep.whistle(re.plus(Duration.ofMinutes(20)), g3, WhistleType.QUICK,
								DispatchMode.ASSIGN),
						HistoricStep.assignUnit(re.plus(Duration.ofMinutes(20)).plusSeconds(1), g3, wuye.id()),
						of(IncidentAction.ANSWER, re.plus(Duration.ofMinutes(50)), wuyeLiaison, "安排园林工下午处理"),
						HistoricStep.checkIn(re.plus(Duration.ofMinutes(130)), wuyeLiaison, e[0], e[1] + 0.0002),
						of(IncidentAction.RESOLVE, now.minus(Duration.ofMinutes(25)), wuyeLiaison,
								"已修剪压线枝桠并清运枝叶"))));
		// an emergency past its deadline, with the street's red card (督办)
		double[] f = pointIn("dongcheng-g13", true);
		HistoricActor g13 = gridWorker(13);
		Instant rf = now.minus(Duration.ofHours(7));
		Unit power = context.units().get("lujiao-gongdian");
		HistoricActor powerLiaison = liaison(power);
		queue.add(new HistoricIncident(Channel.PATROL, "MESSY_WIRING", "13栋外墙私拉电线给电动车充电，线路老化冒火花", f[0], f[1],
				rf, g13, false,
				List.of(of(IncidentAction.ACCEPT, rf.plus(Duration.ofMinutes(4)), g13, null),
						HistoricStep.triage(rf.plus(Duration.ofMinutes(6)), g13, Triage.PUBLIC, null),
						HistoricStep.whistle(rf.plus(Duration.ofMinutes(10)), g13, WhistleType.EMERGENCY,
								DispatchMode.ASSIGN),
						HistoricStep.assignUnit(rf.plus(Duration.ofMinutes(10)).plusSeconds(1), g13, power.id()),
						of(IncidentAction.ANSWER, rf.plus(Duration.ofMinutes(18)), powerLiaison, null),
						HistoricStep.checkIn(rf.plus(Duration.ofMinutes(40)), powerLiaison, f[0], f[1]),
						of(IncidentAction.NOTE, rf.plus(Duration.ofMinutes(55)), powerLiaison, "需停电改线，等待物业协调停电时间"),
						HistoricStep.urge(now.minus(Duration.ofMinutes(60)), account("jieshi", "界石镇网格办", "STREET_STAFF"),
								UrgeCard.RED, "应急哨已超过办结时限，请立即处置并反馈"))));
		// assigned by name to a member, who answered and is on his way
		double[] g = pointIn("dongcheng-g12", true);
		Instant rg = now.minus(Duration.ofMinutes(70));
		HistoricActor chen = member(0);
		queue.add(new HistoricIncident(Channel.HOTLINE, "ELDERLY_ALONE_HELP", "12栋独居老人来电，家中水管漏水需要帮忙", g[0], g[1], rg,
				staff(), false,
				List.of(of(IncidentAction.ACCEPT, rg.plus(Duration.ofMinutes(3)), staff(), null),
						HistoricStep.triage(rg.plus(Duration.ofMinutes(4)), staff(), Triage.COMMUNITY, null),
						HistoricStep.whistle(rg.plus(Duration.ofMinutes(6)), staff(), WhistleType.QUICK,
								DispatchMode.ASSIGN),
						HistoricStep.assignMember(rg.plus(Duration.ofMinutes(6)).plusSeconds(1), staff(), chen.id(),
								chen.name()),
						of(IncidentAction.ANSWER, rg.plus(Duration.ofMinutes(15)), chen, "马上过去"))));
		return queue;
	}

	// --- places and times --------------------------------------------------------------------------------------------

	/**
	 * A point inside a grid, as {lat, lng}; away from the grid's centre (where tests report) when asked, and never on
	 * its edge.
	 */
	private double[] pointIn(String gridKey, boolean awayFromCentre) {
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

	private double jitter() {
		return (random.nextDouble() - 0.5) * 0.0006;
	}

	private Duration minutes(int from, int to) {
		return Duration.ofSeconds(from * 60L + random.nextInt((to - from) * 60 + 1));
	}

	private Channel channel() {
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

	private static String advice(Kind kind) {
		int k = REQUEST_KINDS.indexOf(kind);
		return k >= 0 && !PRIVATE_ADVICE[k].isEmpty() ? PRIVATE_ADVICE[k] : "已告知处理办法，由居民自行处理";
	}
}
