package org.zhizhi.demo;

import static org.zhizhi.demo.DemoIncidents.PROBLEMS;
import static org.zhizhi.demo.DemoIncidents.REQUESTS;
import static org.zhizhi.demo.DemoIncidents.REQUESTS_OPEN;
import static org.zhizhi.demo.DemoIncidents.UNSATISFIED;
import static org.zhizhi.demo.DemoIncidents.ZONE;
import static org.zhizhi.incident.IncidentArchive.HistoricStep.of;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.zhizhi.incident.Channel;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentArchive.HistoricActor;
import org.zhizhi.incident.IncidentArchive.HistoricIncident;
import org.zhizhi.incident.IncidentArchive.HistoricStep;
import org.zhizhi.incident.Rating;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.Unit;
import org.zhizhi.incident.WhistleType;

/**
 * 东城社区's thirteen months of history, the seed's figures (seed 002): {@link DemoIncidents#PROBLEMS} problems found
 * and all of them handled, {@link DemoIncidents#REQUESTS} opinions and requests of which all but
 * {@link DemoIncidents#REQUESTS_OPEN} are done — those two open ones too — rated satisfied but for
 * {@link DemoIncidents#UNSATISFIED}, each followed up.
 */
final class DemoIncidentHistory {

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

	private final DemoIncidentDraws draws;

	DemoIncidentHistory(DemoIncidentDraws draws) {
		this.draws = draws;
	}

	/** The closed ones, problems and requests interleaved over the days from {@code first}, in the order drawn. */
	List<HistoricIncident> history(LocalDate first, int days) {
		List<HistoricIncident> all = new ArrayList<>();
		List<Kind> kinds = new ArrayList<>();
		for (int k = 0; k < PROBLEM_KINDS.size(); k++) {
			kinds.addAll(Collections.nCopies(PROBLEM_COUNTS[k], PROBLEM_KINDS.get(k)));
		}
		Collections.shuffle(kinds, draws.random);
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
		Collections.shuffle(order, draws.random);
		// problems and requests interleaved over the days, each stratum of days getting its share
		int total = PROBLEMS + REQUESTS - REQUESTS_OPEN;
		int problem = 0;
		int request = 0;
		int unsatisfied = 0;
		for (int i = 0; i < total; i++) {
			LocalDate day = first.plusDays((long) ((i + draws.random.nextDouble()) * days / total));
			Instant reported = day.atTime(8, 0).atZone(ZONE).toInstant().plusSeconds(draws.random.nextInt(12 * 3600));
			int grid = 1 + draws.random.nextInt(15);
			boolean isProblem = problem < PROBLEMS && (request >= REQUESTS - REQUESTS_OPEN
					|| draws.random.nextInt(PROBLEMS + REQUESTS) < PROBLEMS);
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
		return all;
	}

	private HistoricIncident closed(int grid, Kind kind, Instant reported, boolean privately, boolean unsatisfied) {
		double[] at = draws.pointIn("dongcheng-g" + grid, false);
		Channel channel = draws.channel();
		HistoricActor reporter = switch (channel) {
			case PATROL, GROUP_CHAT -> draws.gridWorker(grid);
			case RESIDENT_APP -> draws.resident(grid);
			case RIDER -> DemoIncidentDraws.person("rider-" + grid, "先锋骑手" + draws.surname() + "师傅", "RESIDENT");
			default -> draws.staff();
		};
		HistoricActor dispatcher = channel == Channel.HOTLINE || channel == Channel.HOTLINE_12345
				|| channel == Channel.MEETING ? draws.staff() : draws.gridWorker(grid);
		List<HistoricStep> steps = new ArrayList<>();
		Instant t = reported.plus(draws.minutes(5, 90));
		steps.add(of(IncidentAction.ACCEPT, t, dispatcher, null));
		t = t.plus(draws.minutes(1, 15));
		if (privately) {
			steps.add(HistoricStep.triage(t, dispatcher, Triage.PRIVATE, advice(kind)));
		}
		else {
			steps.add(HistoricStep.triage(t, dispatcher, kind.triage(), null));
			t = handle(steps, grid, kind, at, dispatcher, t.plus(draws.minutes(2, 30)));
			t = t.plus(draws.minutes(10, 20 * 60));
			steps.add(of(IncidentAction.VERIFY, t, draws.gridWorker(grid), "现场核查，已整改到位"));
			t = t.plusNanos(1_000);
		}
		Instant closedAt = t;
		rate(steps, reporter, closedAt, unsatisfied);
		HistoricIncident incident = new HistoricIncident(channel, kind.code(), kind.report(), at[0], at[1], reported,
				reporter, false, steps);
		return draws.shiftedBeforeQuiet(incident);
	}

	/** Whistle, dispatch, the handler's work (reworked now and then): answers the resolution's moment. */
	private Instant handle(List<HistoricStep> steps, int grid, Kind kind, double[] at, HistoricActor dispatcher,
			Instant t) {
		WhistleType type = kind.type() == WhistleType.EMERGENCY && draws.random.nextBoolean() ? WhistleType.QUICK
				: kind.type();
		boolean emergency = type == WhistleType.EMERGENCY;
		boolean toUnit = kind.unitCode() != null && (type == WhistleType.TOUGH || draws.random.nextInt(10) < 4);
		boolean assignMember = !toUnit && draws.random.nextInt(10) < 3;
		boolean escalated = toUnit && draws.random.nextInt(20) == 0;
		steps.add(HistoricStep.whistle(t, dispatcher, type,
				toUnit || assignMember ? DispatchMode.ASSIGN : DispatchMode.OPEN_CALL));
		HistoricActor handler;
		if (escalated) {
			// the grid could not settle it alone: raised to the community, which gives it to the unit
			t = t.plus(draws.minutes(10, 60));
			steps.add(of(IncidentAction.ESCALATE, t, dispatcher, "涉及多个单位，提请社区协调"));
			dispatcher = draws.staff();
		}
		if (toUnit) {
			Unit unit = draws.context.units().get(kind.unitCode());
			t = t.plusSeconds(1);
			steps.add(HistoricStep.assignUnit(t, dispatcher, unit.id()));
			handler = draws.liaison(unit);
			t = t.plus(emergency ? draws.minutes(2, 10) : draws.minutes(10, 120));
			steps.add(of(IncidentAction.ANSWER, t, handler, "收到，马上安排"));
		}
		else if (assignMember) {
			handler = draws.member(draws.random.nextInt(4));
			t = t.plusSeconds(1);
			steps.add(HistoricStep.assignMember(t, dispatcher, handler.id(), handler.name()));
			t = t.plus(draws.minutes(5, 90));
			steps.add(of(IncidentAction.ANSWER, t, handler, null));
		}
		else {
			handler = draws.member(draws.random.nextInt(4));
			t = t.plus(emergency ? draws.minutes(1, 8) : draws.minutes(5, 100));
			steps.add(of(IncidentAction.CLAIM, t, handler, null));
		}
		t = t.plus(emergency ? draws.minutes(5, 25) : draws.minutes(10, 150));
		steps.add(HistoricStep.checkIn(t, handler, at[0] + draws.jitter(), at[1] + draws.jitter()));
		Duration work = switch (type) {
			case EMERGENCY -> draws.minutes(20, 180);
			case TOUGH -> Duration.ofHours(24 * 3 + draws.random.nextInt(24 * 14));
			// most quick ones within a working day, a few that drag on past their deadline
			case QUICK -> draws.random.nextInt(12) == 0 ? Duration.ofHours(30 + draws.random.nextInt(60))
					: draws.minutes(30, 8 * 60);
		};
		t = t.plus(work);
		steps.add(of(IncidentAction.RESOLVE, t, handler, kind.done()));
		if (draws.random.nextInt(20) == 0) {
			t = t.plus(draws.minutes(30, 240));
			steps.add(of(IncidentAction.REWORK, t, draws.gridWorker(grid), "现场核查仍未整改到位，请返工"));
			t = t.plus(draws.minutes(30, 300));
			steps.add(HistoricStep.checkIn(t, handler, at[0] + draws.jitter(), at[1] + draws.jitter()));
			t = t.plus(draws.minutes(20, 240));
			steps.add(of(IncidentAction.RESOLVE, t, handler, "返工完成：" + kind.done()));
		}
		return t;
	}

	/** Most closed incidents are rated, by the resident himself or at the community's call-back (回访). */
	private void rate(List<HistoricStep> steps, HistoricActor reporter, Instant closedAt, boolean unsatisfied) {
		if (!unsatisfied && draws.random.nextInt(100) >= 88) {
			return;
		}
		HistoricActor rater = "RESIDENT".equals(reporter.role()) ? reporter : draws.staff();
		Instant t = closedAt.plus(draws.minutes(60, 48 * 60));
		if (unsatisfied) {
			steps.add(HistoricStep.rate(t, rater, Rating.UNSATISFIED, "处理太慢，希望以后能更快一些"));
			steps.add(of(IncidentAction.KEEP_CLOSED, t.plus(draws.minutes(60, 24 * 60)), draws.staff(),
					"已回访说明情况，问题已解决，居民表示理解"));
			return;
		}
		steps.add(HistoricStep.rate(t, rater, draws.random.nextInt(100) < 90 ? Rating.SATISFIED
				: Rating.BASICALLY_SATISFIED, null));
	}

	/** The two requests of the 250 still open: an elevator awaiting the residents' consent, a job request in hand. */
	List<HistoricIncident> openRequests(LocalDate today) {
		double[] elevator = draws.pointIn("dongcheng-g6", false);
		Instant reported = today.minusDays(20).atTime(10, 12).atZone(ZONE).toInstant();
		HistoricIncident lift = new HistoricIncident(Channel.MEETING, "ELEVATOR_RETROFIT",
				"6栋居民在院坝会上提出加装电梯，需征求全体住户意见", elevator[0], elevator[1], reported, draws.staff(), false,
				List.of(of(IncidentAction.ACCEPT, reported.plus(Duration.ofMinutes(30)), draws.staff(), null),
						HistoricStep.triage(reported.plus(Duration.ofMinutes(45)), draws.staff(), Triage.COMMUNITY,
								"提交议事协商，待住户意见收齐后吹哨")));
		double[] jobs = draws.pointIn("dongcheng-g10", false);
		Instant asked = today.minusDays(8).atTime(15, 40).atZone(ZONE).toInstant();
		HistoricIncident job = new HistoricIncident(Channel.HOTLINE, "FIRM_RECRUITMENT",
				"公租房居民希望社区帮忙对接周边企业的长期岗位", jobs[0], jobs[1], asked, draws.staff(), false,
				List.of(of(IncidentAction.ACCEPT, asked.plus(Duration.ofMinutes(20)), draws.staff(),
						"已登记，待收集企业用工需求")));
		return List.of(lift, job);
	}

	private static String advice(Kind kind) {
		int k = REQUEST_KINDS.indexOf(kind);
		return k >= 0 && !PRIVATE_ADVICE[k].isEmpty() ? PRIVATE_ADVICE[k] : "已告知处理办法，由居民自行处理";
	}
}
