package org.zhizhi.demo;

import static org.zhizhi.demo.DemoIncidents.JINYINQIAO_HISTORY;
import static org.zhizhi.demo.DemoIncidents.ZONE;
import static org.zhizhi.incident.IncidentArchive.HistoricStep.of;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.zhizhi.incident.Channel;
import org.zhizhi.incident.DispatchMode;
import org.zhizhi.incident.IncidentAction;
import org.zhizhi.incident.IncidentArchive.HistoricActor;
import org.zhizhi.incident.IncidentArchive.HistoricIncident;
import org.zhizhi.incident.IncidentArchive.HistoricStep;
import org.zhizhi.incident.Rating;
import org.zhizhi.incident.Triage;
import org.zhizhi.incident.WhistleType;

/**
 * 金银桥社区's incidents: a smaller history of {@link DemoIncidents#JINYINQIAO_HISTORY} closed ones over the same
 * months — residents' matters in 钱佳花园, firms' in the industrial park — and two open in today's queue.
 */
final class DemoJinyinqiaoIncidents {

	private final DemoIncidentDraws draws;

	DemoJinyinqiaoIncidents(DemoIncidentDraws draws) {
		this.draws = draws;
	}

	List<HistoricIncident> all(LocalDate first, int days) {
		List<HistoricIncident> all = new ArrayList<>();
		HistoricActor mudong = draws.account("mudong", "金银桥社区工作站", "COMMUNITY_STAFF");
		String[][] residential = { { "SANITATION_BLACKSPOT", "钱佳花园垃圾桶满溢", "已清运" },
				{ "ILLEGAL_PARKING", "钱佳花园消防通道旁车辆乱停", "已劝导挪车" },
				{ "ELDERLY_ALONE_HELP", "独居老人需要代购药品", "党员已代购送达" } };
		String[][] park = { { "FIRM_RECRUITMENT", "园区企业急招普工和叉车司机", "已在网格群发布招工信息并推荐居民应聘" },
				{ "MESSY_WIRING", "园区厂房外电线乱拉", "已联系企业整改线路" } };
		for (int i = 0; i < JINYINQIAO_HISTORY; i++) {
			LocalDate day = first.plusDays((long) ((i + draws.random.nextDouble()) * days / JINYINQIAO_HISTORY));
			Instant reported = day.atTime(9, 0).atZone(ZONE).toInstant().plusSeconds(draws.random.nextInt(9 * 3600));
			boolean inPark = i % 3 == 0;
			int grid = inPark ? 5 + draws.random.nextInt(5) : 1 + draws.random.nextInt(4);
			String[] kind = inPark ? park[draws.random.nextInt(park.length)]
					: residential[draws.random.nextInt(residential.length)];
			double[] at = draws.pointIn("jinyinqiao-g" + grid, false);
			HistoricActor handler = DemoIncidentDraws.person("jinyinqiao-member-" + (i % 5),
					"钱佳花园党员" + DemoIncidentDraws.SURNAMES[i % 5] + "同志", "PARTY_MEMBER");
			Instant t = reported.plus(draws.minutes(10, 60));
			List<HistoricStep> steps = new ArrayList<>();
			steps.add(of(IncidentAction.ACCEPT, t, mudong, null));
			steps.add(HistoricStep.triage(t = t.plus(draws.minutes(1, 10)), mudong, Triage.COMMUNITY, null));
			steps.add(HistoricStep.whistle(t = t.plus(draws.minutes(2, 20)), mudong, WhistleType.QUICK,
					DispatchMode.OPEN_CALL));
			steps.add(of(IncidentAction.CLAIM, t = t.plus(draws.minutes(5, 120)), handler, null));
			steps.add(HistoricStep.checkIn(t = t.plus(draws.minutes(10, 90)), handler, at[0] + draws.jitter(),
					at[1] + draws.jitter()));
			steps.add(of(IncidentAction.RESOLVE, t = t.plus(draws.minutes(30, 6 * 60)), handler, kind[2]));
			steps.add(of(IncidentAction.VERIFY, t = t.plus(draws.minutes(10, 12 * 60)), mudong, null));
			if (draws.random.nextInt(10) < 8) {
				steps.add(HistoricStep.rate(t.plus(draws.minutes(60, 24 * 60)), mudong, Rating.SATISFIED, null));
			}
			all.add(draws.shiftedBeforeQuiet(new HistoricIncident(inPark ? Channel.MEETING : Channel.PATROL, kind[0],
					kind[1], at[0], at[1], reported, mudong, false, steps)));
		}
		Instant now = draws.context.now();
		double[] parking = draws.pointIn("jinyinqiao-g2", true);
		all.add(new HistoricIncident(Channel.PATROL, "ILLEGAL_PARKING", "钱佳花园2号门口货车长时间占道停放", parking[0],
				parking[1], now.minus(Duration.ofMinutes(55)), mudong, false, List.of()));
		double[] bins = draws.pointIn("jinyinqiao-g3", true);
		Instant r = now.minus(Duration.ofMinutes(150));
		all.add(new HistoricIncident(Channel.GROUP_CHAT, "SANITATION_BLACKSPOT", "居民群反映钱佳花园8栋后垃圾无人清运", bins[0],
				bins[1], r, mudong, false,
				List.of(of(IncidentAction.ACCEPT, r.plus(Duration.ofMinutes(40)), mudong, null),
						HistoricStep.triage(r.plus(Duration.ofMinutes(45)), mudong, Triage.COMMUNITY, null),
						HistoricStep.whistle(now.minus(Duration.ofMinutes(15)), mudong, WhistleType.QUICK,
								DispatchMode.OPEN_CALL))));
		return all;
	}
}
