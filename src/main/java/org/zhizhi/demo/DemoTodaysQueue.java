package org.zhizhi.demo;

import static org.zhizhi.incident.IncidentArchive.HistoricStep.of;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.zhizhi.incident.Channel;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentArchive.HistoricActor;
import org.zhizhi.incident.IncidentArchive.HistoricIncident;
import org.zhizhi.incident.IncidentArchive.HistoricStep;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.Unit;
import org.zhizhi.incident.UrgeCard;
import org.zhizhi.incident.WhistleType;

/**
 * Today's queue in 东城社区: open incidents in every state the desk and the phones show — never in 第1网格 (where the
 * browser journey and most tests report) and away from the grids' centres, so that no test's report looks like a
 * duplicate of them.
 */
final class DemoTodaysQueue {

	private final DemoIncidentDraws draws;

	DemoTodaysQueue(DemoIncidentDraws draws) {
		this.draws = draws;
	}

	List<HistoricIncident> all() {
		Instant now = draws.context.now();
		List<HistoricIncident> queue = new ArrayList<>();
		// reported from a resident's phone, waiting to be accepted
		double[] a = draws.pointIn("dongcheng-g5", true);
		HistoricActor reporter = draws.resident(5);
		queue.add(new HistoricIncident(Channel.RESIDENT_APP, "ILLEGAL_PARKING", "5栋楼下电动车乱停，堵住了单元门口", a[0], a[1],
				now.minus(Duration.ofMinutes(35)), reporter, false, List.of()));
		// whistled, an open call for the party members (待抢工单)
		double[] b = draws.pointIn("dongcheng-g7", true);
		HistoricActor g7 = draws.gridWorker(7);
		Instant rb = now.minus(Duration.ofMinutes(110));
		queue.add(new HistoricIncident(Channel.PATROL, "SANITATION_BLACKSPOT", "7栋背后绿化带堆积生活垃圾，气味较大", b[0], b[1], rb,
				g7, false,
				List.of(of(IncidentAction.ACCEPT, rb.plus(Duration.ofMinutes(10)), g7, null),
						HistoricStep.triage(rb.plus(Duration.ofMinutes(12)), g7, Triage.COMMUNITY, null),
						HistoricStep.whistle(now.minus(Duration.ofMinutes(20)), g7, WhistleType.QUICK,
								DispatchMode.OPEN_CALL))));
		// assigned to the law-enforcement team, not answered yet
		double[] c = draws.pointIn("dongcheng-g9", true);
		HistoricActor g9 = draws.gridWorker(9);
		Instant rc = now.minus(Duration.ofMinutes(80));
		Unit zhifa = draws.context.units().get("jieshi-zhifa");
		queue.add(new HistoricIncident(Channel.PATROL, "PUBLIC_SPACE_CLUTTER", "9栋一楼商户占用公共通道堆放货物", c[0], c[1], rc,
				g9, false,
				List.of(of(IncidentAction.ACCEPT, rc.plus(Duration.ofMinutes(8)), g9, null),
						HistoricStep.triage(rc.plus(Duration.ofMinutes(10)), g9, Triage.PUBLIC, null),
						HistoricStep.whistle(now.minus(Duration.ofMinutes(30)), g9, WhistleType.QUICK,
								DispatchMode.ASSIGN),
						HistoricStep.assignUnit(now.minus(Duration.ofMinutes(30)).plusSeconds(1), g9, zhifa.id()))));
		// claimed by a member who has checked in on site
		double[] d = draws.pointIn("dongcheng-g11", true);
		HistoricActor g11 = draws.gridWorker(11);
		Instant rd = now.minus(Duration.ofMinutes(140));
		HistoricActor liu = draws.member(1);
		queue.add(new HistoricIncident(Channel.HOTLINE, "MANHOLE_COVER", "11栋旁雨水井盖缺失，已临时放置锥桶", d[0], d[1], rd,
				draws.staff(), false,
				List.of(of(IncidentAction.ACCEPT, rd.plus(Duration.ofMinutes(5)), g11, null),
						HistoricStep.triage(rd.plus(Duration.ofMinutes(7)), g11, Triage.COMMUNITY, null),
						HistoricStep.whistle(rd.plus(Duration.ofMinutes(9)), g11, WhistleType.QUICK,
								DispatchMode.OPEN_CALL),
						of(IncidentAction.CLAIM, rd.plus(Duration.ofMinutes(21)), liu, null),
						HistoricStep.checkIn(rd.plus(Duration.ofMinutes(48)), liu, d[0] + 0.0002, d[1]))));
		// resolved by the property centre, waiting for the grid to verify
		double[] e = draws.pointIn("dongcheng-g3", true);
		HistoricActor g3 = draws.gridWorker(3);
		Instant re = now.minus(Duration.ofHours(5));
		Unit wuye = draws.context.units().get("dongcheng-wuye");
		HistoricActor wuyeLiaison = draws.liaison(wuye);
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
		double[] f = draws.pointIn("dongcheng-g13", true);
		HistoricActor g13 = draws.gridWorker(13);
		Instant rf = now.minus(Duration.ofHours(7));
		Unit power = draws.context.units().get("lujiao-gongdian");
		HistoricActor powerLiaison = draws.liaison(power);
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
						HistoricStep.urge(now.minus(Duration.ofMinutes(60)),
								draws.account("jieshi", "界石镇网格办", "STREET_STAFF"), UrgeCard.RED,
								"应急哨已超过办结时限，请立即处置并反馈"))));
		// assigned by name to a member, who answered and is on his way
		double[] g = draws.pointIn("dongcheng-g12", true);
		Instant rg = now.minus(Duration.ofMinutes(70));
		HistoricActor chen = draws.member(0);
		queue.add(new HistoricIncident(Channel.HOTLINE, "ELDERLY_ALONE_HELP", "12栋独居老人来电，家中水管漏水需要帮忙", g[0], g[1], rg,
				draws.staff(), false,
				List.of(of(IncidentAction.ACCEPT, rg.plus(Duration.ofMinutes(3)), draws.staff(), null),
						HistoricStep.triage(rg.plus(Duration.ofMinutes(4)), draws.staff(), Triage.COMMUNITY, null),
						HistoricStep.whistle(rg.plus(Duration.ofMinutes(6)), draws.staff(), WhistleType.QUICK,
								DispatchMode.ASSIGN),
						HistoricStep.assignMember(rg.plus(Duration.ofMinutes(6)).plusSeconds(1), draws.staff(),
								chen.id(), chen.name()),
						of(IncidentAction.ANSWER, rg.plus(Duration.ofMinutes(15)), chen, "马上过去"))));
		return queue;
	}
}
