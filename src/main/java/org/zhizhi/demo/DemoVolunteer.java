package org.zhizhi.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.zhizhi.shared.DataScope;
import org.zhizhi.territory.Building;
import org.zhizhi.territory.BuildingOverview;
import org.zhizhi.territory.Estate;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.PlaceQueries;
import org.zhizhi.volunteer.MemberKind;
import org.zhizhi.volunteer.Team;
import org.zhizhi.volunteer.TeamKind;
import org.zhizhi.volunteer.VolunteerHistory;
import org.zhizhi.volunteer.VolunteerHistory.Served;

/**
 * The seeds' volunteer teams and a year of their activities: 东城社区's 睦邻、亲邻、惠邻 teams (002: over 300 activities —
 * cleaning, civility, sorting waste, anti-fraud, legal help, mediation, hazard checks) and its 30-person 为老 team
 * (monthly free clinics and haircuts); 鱼洞's 红灯笼 (20 talks and shows, 2,000 attendances); 走马梁's retirees (13);
 * 龙锦's 先锋骑士 (62 riders led by 12 members); the 9 who built 走马二村's path. And one activity to come: 睦邻's stairwell
 * clean-up tomorrow, organised by dangyuan01, for the walk-through.
 */
final class DemoVolunteer {

	/** What the demo reproduces, for the tests that read it back. */
	static final int NEIGHBOURHOOD_ACTIVITIES = 312;

	private static final String[][] NEIGHBOURHOOD_WORK = { { "楼道卫生大扫除", "清扫楼道、清运堆放杂物" },
			{ "文明劝导", "劝导电动车不进楼道、不乱停放" }, { "垃圾分类指导", "在投放点指导居民分类投放" },
			{ "反诈宣传进楼栋", "入户发放反诈宣传单，讲解常见骗局" }, { "法律援助咨询", "律师志愿者现场解答家庭、劳动纠纷" },
			{ "邻里矛盾调解", "协助调解员上门调解邻里纠纷" }, { "安全隐患排查", "排查楼道消防通道、电线私拉乱接" } };

	static final String[] NAMES = { "王秀英", "李桂兰", "张德明", "刘玉珍", "陈国庆", "杨淑芬", "黄永福", "赵丽华",
			"周长林", "吴素琴", "徐光明", "孙翠英", "胡洪波", "朱凤英", "高家俊", "林春梅", "何启明", "郭兰芳", "马世平", "罗建国" };

	private DemoVolunteer() {
	}

	static int load(VolunteerHistory history, org.zhizhi.volunteer.VolunteerPosts posts, PlaceQueries places,
			Function<UUID, OrgUnit> nodes,
			Map<String, UUID> ids, Map<String, DataScope> scopes, Map<String, UUID> accounts, Instant now,
			ZoneId zone) {
		LocalDate today = LocalDate.ofInstant(now, zone);
		Instant founded = today.minusYears(2).atStartOfDay(zone).toInstant();
		OrgUnit dongcheng = nodes.apply(ids.get("dongcheng"));
		double[] dongchengVenue = venue(places, scopes.get("dongcheng"), "东城公租房");

		// the people who serve in 东城社区: the demo's members and residents with accounts, then those of the records
		List<Served> pool = new ArrayList<>();
		String[] memberNames = { "陈党员", "刘党员", "赵党员", "孙党员" };
		for (int m = 0; m < 4; m++) {
			pool.add(new Served(accounts.get("dangyuan0" + (m + 1)), memberNames[m], 0));
		}
		pool.add(new Served(accounts.get("jumin01"), "张居民", 0));
		pool.add(new Served(accounts.get("jumin02"), "李居民", 0));
		for (int n = 0; n < NAMES.length; n++) {
			pool.add(new Served(named("dongcheng:" + n), NAMES[n], 0));
		}

		String[][] neighbourhood = { { "睦邻志愿服务队", "dangyuan01", "陈党员" }, { "亲邻志愿服务队", "dangyuan03", "赵党员" },
				{ "惠邻志愿服务队", "dangyuan04", "孙党员" } };
		List<Team> teams = new ArrayList<>();
		for (String[] plan : neighbourhood) {
			Team team = history.team(dongcheng, plan[0], TeamKind.NEIGHBOURHOOD, accounts.get(plan[1]), plan[2],
					"东城社区党委组建，党员带头、居民参与，服务公租房 4,993 户。", founded);
			teams.add(team);
			// contacts are invented (the seeds give none): a certificate must print one
			history.settle(team, "023-62600" + (teams.size() + 10), team.name().startsWith("睦邻")
					? "招募楼道清扫、垃圾分类劝导志愿者，每周六上午服务 2 小时" : null);
			for (Served person : pool) {
				history.member(team, person.personId(), person.name(),
						person.name().endsWith("党员") ? MemberKind.MEMBER : MemberKind.RESIDENT, today.minusYears(1));
			}
		}
		// 312 activities over the year: each team twice a week, turn about
		int held = 0;
		for (int week = 52; week >= 1; week--) {
			for (int t = 0; t < teams.size(); t++) {
				for (int slot = 0; slot < 2; slot++) {
					int k = (week * 2 + slot + t) % NEIGHBOURHOOD_WORK.length;
					Instant start = today.minusWeeks(week).plusDays(t * 2L + slot).atTime(slot == 0 ? 9 : 15, 0)
						.atZone(zone)
						.toInstant();
					List<Served> served = new ArrayList<>();
					for (int p = 0; p < 6 + (week + t) % 5; p++) {
						Served person = pool.get((week * 3 + t * 5 + slot + p * 7) % pool.size());
						if (served.stream().noneMatch(s -> s.personId().equals(person.personId()))) {
							served.add(new Served(person.personId(), person.name(), 90 + ((p + week) % 4) * 10));
						}
					}
					history.held(teams.get(t), NEIGHBOURHOOD_WORK[k][0], NEIGHBOURHOOD_WORK[k][1], "东城公租房",
							dongchengVenue[0], dongchengVenue[1], start, start.plus(Duration.ofHours(2)),
							teams.get(t).leaderId(), teams.get(t).leaderName(), served);
					held++;
				}
			}
		}

		// 为老服务队: 30 people, a free clinic and a free haircut every month
		Team elderly = history.team(dongcheng, "东城为老服务队", TeamKind.ELDERLY, null, "东城社区卫生服务站 陈医生",
				"30 人，每月为老人义诊、义剪。", founded);
		history.settle(elderly, "023-62600120", "招募有医护、理发手艺的志愿者");
		List<Served> carers = new ArrayList<>();
		for (int n = 0; n < 30; n++) {
			Served carer = new Served(named("elderly:" + n), NAMES[n % NAMES.length] + (n >= NAMES.length ? "（医护）" : ""),
					0);
			carers.add(carer);
			history.member(elderly, carer.personId(), carer.name(), MemberKind.RESIDENT, today.minusYears(1));
		}
		for (int month = 12; month >= 1; month--) {
			Instant clinic = today.minusMonths(month).withDayOfMonth(10).atTime(9, 0).atZone(zone).toInstant();
			history.held(elderly, "老年人义诊", "测血压血糖、健康咨询", "东城社区党群服务中心", dongchengVenue[0],
					dongchengVenue[1], clinic, clinic.plus(Duration.ofHours(3)), named("organiser:elderly"), elderly.leaderName(),
					carers.subList(0, 8).stream().map(c -> new Served(c.personId(), c.name(), 180)).toList());
			Instant haircut = clinic.plus(Duration.ofDays(10));
			history.held(elderly, "义剪进小区", "为 70 岁以上老人免费理发", "东城公租房", dongchengVenue[0],
					dongchengVenue[1], haircut, haircut.plus(Duration.ofHours(2)), named("organiser:elderly"), elderly.leaderName(),
					carers.subList(8, 14).stream().map(c -> new Served(c.personId(), c.name(), 120)).toList());
		}

		// 红灯笼 (鱼洞): retired cadres, riders, in-service members — 20 talks and shows, 2,000 attendances in all
		OrgUnit xiaxinxin = nodes.apply(ids.get("xiaxinxin"));
		double[] xinhe = venue(places, scopes.get("xiaxinxin"), "新河街");
		Team lantern = history.team(xiaxinxin, "红灯笼志愿服务队", TeamKind.PARTY, null, "鱼洞街道 退休干部 刘书记",
				"退休干部、骑手、在职党员组成，宣讲政策、演出节目、收集建议。", founded);
		history.settle(lantern, "023-66220130", "招募退休党员干部、新就业群体结对看望独居老人");
		List<Served> lanterns = new ArrayList<>();
		for (int n = 0; n < 15; n++) {
			Served one = new Served(named("lantern:" + n), NAMES[(n * 3) % NAMES.length], 0);
			lanterns.add(one);
			history.member(lantern, one.personId(), one.name(), n < 6 ? MemberKind.MEMBER : n < 9 ? MemberKind.RIDER
					: MemberKind.RESIDENT, today.minusYears(1));
		}
		for (int n = 0; n < 20; n++) {
			Instant show = today.minusDays(15 + 17L * n).atTime(19, 0).atZone(zone).toInstant();
			history.held(lantern, n % 2 == 0 ? "红灯笼政策宣讲" : "红灯笼文艺演出",
					"院坝宣讲和演出，观众 100 人次" + (n < 10 ? "，收集居民建议 1 条" : ""), "新河街院坝", xinhe[0], xinhe[1],
					show, show.plus(Duration.ofHours(2)), named("organiser:lantern"), lantern.leaderName(),
					lanterns.subList(n % 5, n % 5 + 8).stream().map(l -> new Served(l.personId(), l.name(), 120)).toList());
		}

		// 走马梁's retirees (13, brought in by members) and the 9 who built 走马二村's path
		OrgUnit zoumaliang = nodes.apply(ids.get("zoumaliang"));
		Team retirees = history.team(zoumaliang, "攀钢退休职工志愿服务队", TeamKind.RETIREES, null, "走马梁社区 退休党员 王师傅",
				"党员带动 13 名退休职工加入。", founded);
		for (int n = 0; n < 13; n++) {
			history.member(retirees, named("retiree:" + n), NAMES[(n * 7 + 2) % NAMES.length], MemberKind.RESIDENT,
					today.minusMonths(8));
		}
		Team path = history.team(zoumaliang, "走马二村步道修建志愿队", TeamKind.PROJECT, null, "走马二村自治小组",
				"9 人：自行设计、选购材料、组织施工、监督工程。", founded);
		for (int n = 0; n < 9; n++) {
			history.member(path, named("path:" + n), NAMES[(n * 5 + 1) % NAMES.length], MemberKind.RESIDENT,
					today.minusMonths(6));
		}

		// 先锋骑士 (龙锦): 62 riders led by 12 members
		OrgUnit longjin = nodes.apply(ids.get("longjin"));
		Team riders = history.team(longjin, "先锋骑士志愿服务队", TeamKind.RIDERS, accounts.get("qishou01"), "刘骑手",
				"外卖、快递小哥组成，10 余名党员带队，参与巡查、送药、寻人。", founded);
		history.settle(riders, "023-66220140", "招募在龙锦社区跑单的外卖、快递骑手");
		history.member(riders, accounts.get("qishou01"), "刘骑手", MemberKind.RIDER, today.minusYears(1));
		for (int n = 1; n < 62; n++) {
			history.member(riders, named("rider:" + n), NAMES[n % NAMES.length] + "（骑手）",
					n <= 12 ? MemberKind.MEMBER : MemberKind.RIDER, today.minusYears(1));
		}

		// 南岸 (004): the members of 华城国际党支部 claim the six posts of 金鹤社区
		OrgUnit jinhe = nodes.apply(ids.get("jinhe"));
		String[][] postPlan = { { "LIAISON", "每周一、三走访楼栋，收集民情" }, { "PATROL", "每晚 19:00-21:00 小区巡逻" },
				{ "CIVILITY", "周末在小区门口文明劝导" }, { "MEDIATION", "每周四下午在党群服务站调解纠纷" },
				{ "PAIRING", "每月两次看望结对的独居老人" }, { "FIVE_HEADS", "配合楼栋长、单元长开展五长联动" } };
		for (int n = 0; n < postPlan.length; n++) {
			posts.claim(jinhe, org.zhizhi.volunteer.PostKind.valueOf(postPlan[n][0]), named("jinhe-member:" + n),
					NAMES[(n * 3 + 4) % NAMES.length], postPlan[n][1], today.minusMonths(3).atStartOfDay(zone).toInstant());
		}

		// tomorrow, for the walk-through: 睦邻's stairwell clean-up, organised by dangyuan01
		Instant tomorrow = today.plusDays(1).atTime(9, 0).atZone(zone).toInstant();
		history.upcoming(teams.getFirst(), "周末楼道大扫除", "清扫 1 栋各单元楼道，带扫帚和手套", "东城公租房 1 栋",
				dongchengVenue[0], dongchengVenue[1], tomorrow, tomorrow.plus(Duration.ofHours(2)), 20,
				accounts.get("dangyuan01"), "陈党员", now);
		return held;
	}

	/** Where an estate's first building stands: the venue of its activities. */
	static double[] venue(PlaceQueries places, DataScope scope, String estateName) {
		Estate estate = places.estates(scope, estateName, null)
			.stream()
			.filter(e -> e.name().equals(estateName))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo estate missing: " + estateName));
		Building building = places.buildingsOfEstate(scope, estate.id())
			.stream()
			.map(BuildingOverview::building)
			.findFirst()
			.orElseThrow();
		return new double[] { building.lat(), building.lng() };
	}

	static UUID named(String key) {
		return UUID.nameUUIDFromBytes(("zhizhi-demo-volunteer:" + key).getBytes(StandardCharsets.UTF_8));
	}
}
