package org.zhizhi.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.zhizhi.people.PeopleQueries;
import org.zhizhi.people.PeopleViews.ResidentSearch;
import org.zhizhi.people.PeopleViews.ResidentSummary;
import org.zhizhi.servicepoint.Errand;
import org.zhizhi.servicepoint.ErrandChannel;
import org.zhizhi.servicepoint.PointKind;
import org.zhizhi.servicepoint.ServicePointHistory;
import org.zhizhi.shared.Actor;
import org.zhizhi.shared.DataScope;
import org.zhizhi.shared.Role;
import org.zhizhi.territory.BuildingPlace;
import org.zhizhi.territory.OrgUnit;
import org.zhizhi.territory.PlaceQueries;

/**
 * Service points and errands in the demo, from the seeds. 金银桥社区 (000): the 四心驿站 — 爱心, 暖心, 初心, 贴心. 下新新社区
 * (001): the 养老服务站 with its 五室一堂 and the 党群服务站 that hosted 20 activities for more than 1,000 people, and the
 * 微孝热线 with volunteers and grid workers taking turns. 走马梁社区 (001's 便民代办): 10 volunteer runners and 32 errands
 * done and confirmed. 东城社区: a centre at one corner of its estate and a station in the middle, so its coverage map
 * has buildings inside and outside the circle. Deterministic: positions from the buildings, figures fixed.
 */
final class DemoServicePoints {

	/** 下新新's 党群服务站: 20 activities (seed: 读书活动、节假日儿童辅导培训等活动20场, 服务居民超1000余人次). */
	static final int XIAXINXIN_ACTIVITIES = 20;

	/** Their attendance, activity by activity: 1,036 in all. */
	static final int[] ATTENDANCE = { 48, 62, 35, 55, 70, 41, 52, 66, 38, 57, 44, 60, 49, 53, 71, 39, 58, 47, 36, 55 };

	static final int ZOUMALIANG_RUNNERS = 10;

	static final int ZOUMALIANG_ERRANDS = 32;

	private static final String[] ROOMS = { "休闲娱乐室", "图书学习室", "日间休息室", "健身康复室", "社会工作室", "老人饭堂" };

	private static final String[] ACTIVITIES = { "读书分享会", "节假日儿童辅导", "防诈骗知识讲座", "健康义诊", "书法兴趣班",
			"消防安全课堂" };

	private static final String[] RUNNERS = { "周建华", "吴秀英", "郑国平", "王淑芬", "冯志强", "陈桂兰", "褚明德", "卫红梅",
			"蒋德胜", "沈玉珍" };

	private static final String[][] ERRANDS = { { "UTILITY_BILL", "代缴本月水电气费", "已在营业厅代缴，收据交给老人" },
			{ "PENSION_CHECK", "退休人员资格认证", "陪同老人完成人脸识别认证" },
			{ "BUS_CARD", "老年公交卡年审", "已到公交卡服务网点年审，卡已送回" },
			{ "MEDICINE", "到社区卫生服务中心代买降压药", "药已买回，按医嘱提醒老人服用" },
			{ "SHOPPING", "代买米、油和日用品", "已买齐送到家里" } };

	private DemoServicePoints() {
	}

	record Loaded(int points, int errands) {
	}

	static Loaded load(ServicePointHistory history, PlaceQueries places, PeopleQueries people,
			Function<UUID, OrgUnit> nodes, Map<String, UUID> ids, Map<String, DataScope> scopes,
			Map<String, UUID> accounts, Instant now, ZoneId zone) {
		int count = 0;
		UUID admin = accounts.get("admin");
		LocalDate today = LocalDate.ofInstant(now, zone);
		Instant setUp = today.minusYears(1).atStartOfDay(zone).toInstant();

		// 巴南's report (seed 003) on the network the platform holds only a sample of
		OrgUnit banan = nodes.apply(ids.get("banan"));
		String report = "巴南区“党建+”四种模式（种子材料003）";
		history.figure(banan, "GRID_PARTY_STATIONS", 90, report + "：设立90余个小区网格党群服务站");
		history.figure(banan, "ROTATING_WORKERS", 1700, report + "：1700余名社区工作者常态化驻点服务");

		// 金银桥社区: 四心驿站 around the community's 党群服务中心
		OrgUnit jinyinqiao = nodes.apply(ids.get("jinyinqiao"));
		double[] jc = centre(places, scopes.get("jinyinqiao"));
		history.point(jinyinqiao, "金银桥社区党群服务中心", PointKind.CENTER, "木洞镇金银桥社区", jc[0], jc[1],
				"周一至周五 9:00-17:30", "023-66281234",
				List.of("REST", "READING", "LEGAL", "SOCIAL_SECURITY", "CHILDREN", "ACTIVITIES"), admin, setUp);
		String[][] posts = { { "爱心驿站", "ELDER_CARE", "0.0025", "0" }, { "暖心驿站", "REST", "0", "0.0030" },
				{ "初心驿站", "ACTIVITIES", "-0.0025", "0" }, { "贴心驿站", "CHARGING", "0", "-0.0030" } };
		for (String[] p : posts) {
			history.point(jinyinqiao, p[0], PointKind.POST, "金银桥社区" + p[0], jc[0] + Double.parseDouble(p[2]),
					jc[1] + Double.parseDouble(p[3]), "每天 8:00-20:00", null,
					List.of("REST", "CHARGING", "READING", p[1]).stream().distinct().toList(), admin, setUp);
		}
		count += 5;

		// 下新新社区: 养老服务站 (五室一堂) and 党群服务站; the 微孝热线's roster
		OrgUnit xiaxinxin = nodes.apply(ids.get("xiaxinxin"));
		double[] xc = centre(places, scopes.get("xiaxinxin"));
		UUID care = history.point(xiaxinxin, "下新新社区养老服务站", PointKind.ELDER_CARE, "鱼洞街道新河街", xc[0], xc[1] + 0.0008,
				"每天 8:30-18:00", "023-66221188", List.of("ELDER_CARE", "MEALS", "HEALTH", "READING", "REST"), admin,
				setUp);
		int[] capacity = { 30, 20, 12, 15, 10, 40 };
		for (int i = 0; i < ROOMS.length; i++) {
			history.room(care, ROOMS[i], capacity[i], "五室一堂，供老人免费使用");
		}
		UUID station = history.point(xiaxinxin, "新河街党群服务站", PointKind.STATION, "鱼洞街道新河街", xc[0] - 0.0006, xc[1],
				"周一至周六 9:00-18:00", null, List.of("ACTIVITIES", "READING", "ERRANDS", "CHILDREN", "REST"), admin,
				setUp);
		UUID hall = history.room(station, "多功能活动室", 80, "党员之家、妇女之家、儿童之家共用");
		String stationPath = xiaxinxin.path();
		for (int i = 0; i < XIAXINXIN_ACTIVITIES; i++) {
			Instant starts = today.minusDays(12L + 17L * i).atTime(LocalTime.of(i % 2 == 0 ? 9 : 14, 30))
				.atZone(zone)
				.toInstant();
			history.held(hall, station, stationPath, ACTIVITIES[i % ACTIVITIES.length], starts,
					starts.plusSeconds(2 * 3600), 80, ATTENDANCE[i], admin, "下新新社区");
		}
		String[] hotline = { "红灯笼志愿者 李大姐", "网格员 张明", "红灯笼志愿者 刘师傅", "网格员 黄丽", "红灯笼志愿者 何阿姨" };
		for (int day = 1; day <= 5; day++) {
			history.duty(null, xiaxinxin, day, LocalTime.of(9, 0), LocalTime.of(17, 0), hotline[day - 1], "微孝热线");
			history.duty(care, xiaxinxin, day, LocalTime.of(8, 30), LocalTime.of(12, 0), RUNNERS[day], "值班");
		}
		count += 2;

		// 走马梁社区: 10 runners, 32 errands done and confirmed
		OrgUnit zoumaliang = nodes.apply(ids.get("zoumaliang"));
		double[] zc = centre(places, scopes.get("zoumaliang"));
		history.point(zoumaliang, "走马梁社区党群服务站", PointKind.STATION, "花溪街道走马二村", zc[0], zc[1],
				"周一至周五 9:00-17:30", null, List.of("ERRANDS", "REST", "READING", "ACTIVITIES"), admin, setUp);
		count++;
		List<ResidentSummary> residents = residents(people, scopes.get("zoumaliang"));
		int errands = 0;
		for (int i = 0; i < ZOUMALIANG_ERRANDS && !residents.isEmpty(); i++) {
			ResidentSummary r = residents.get((i * 7) % residents.size());
			OrgUnit grid = nodes.apply(r.gridId());
			String[] what = ERRANDS[i % ERRANDS.length];
			Instant asked = today.minusDays(5L + 9L * i).atTime(9, 15).atZone(zone).toInstant();
			UUID runner = DemoVolunteer.named("zoumaliang-runner:" + (i % ZOUMALIANG_RUNNERS));
			boolean money = what[0].equals("UTILITY_BILL") || what[0].equals("MEDICINE") || what[0].equals("SHOPPING");
			BigDecimal received = money ? BigDecimal.valueOf(100 + 50L * (i % 3)) : null;
			BigDecimal spent = money ? BigDecimal.valueOf(6850 + 731L * i % 9000, 2).min(received) : null;
			history.errandDone(new Errand.Terms(what[0], i % 3 == 0 ? ErrandChannel.HOTLINE : ErrandChannel.GRID_WORKER,
					what[1], r.id(), r.name(), r.householdId(), r.dwellingLabel(), grid.id(), grid.name(), grid.path(),
					DataScope.districtOf(grid.path()), admin, i % 3 == 0 ? "微孝热线" : "网格员", asked), runner,
					RUNNERS[i % ZOUMALIANG_RUNNERS], asked.plusSeconds(1800),
					new Errand.Proof(what[2], null, received, spent), asked.plusSeconds(6 * 3600),
					asked.plusSeconds(26 * 3600));
			errands++;
		}

		// 东城社区: a centre at the estate's south-west corner, a station in its middle — the far corner lies outside
		OrgUnit dongcheng = nodes.apply(ids.get("dongcheng"));
		double[][] box = box(places, scopes.get("dongcheng"));
		history.point(dongcheng, "东城社区党群服务中心", PointKind.CENTER, "界石镇东城社区", box[0][0], box[0][1],
				"周一至周日 8:30-18:00", "023-66381234",
				List.of("REST", "READING", "LEGAL", "SOCIAL_SECURITY", "ERRANDS", "ACTIVITIES", "HEALTH"), admin, setUp);
		history.point(dongcheng, "东城社区新时代文明实践站", PointKind.CIVILISATION, "界石镇东城社区",
				(box[0][0] + box[1][0]) / 2, (box[0][1] + box[1][1]) / 2, "周二至周日 9:00-17:00", null,
				List.of("READING", "ACTIVITIES", "CHILDREN"), admin, setUp);
		history.point(dongcheng, "东城红色物业服务站", PointKind.PROPERTY, "东城公租房物业服务中心", box[0][0],
				(box[0][1] + box[1][1]) / 2, "每天 8:00-20:00", null, List.of("REST", "CHARGING", "ERRANDS"), admin,
				setUp);
		count += 3;
		return new Loaded(count, errands);
	}

	/** The middle of a scope's buildings. */
	private static double[] centre(PlaceQueries places, DataScope scope) {
		double[][] box = box(places, scope);
		return new double[] { (box[0][0] + box[1][0]) / 2, (box[0][1] + box[1][1]) / 2 };
	}

	/** The south-west and north-east corners of a scope's buildings. */
	private static double[][] box(PlaceQueries places, DataScope scope) {
		List<BuildingPlace> all = new ArrayList<>();
		places.eachBuildingPlace(scope, all::add);
		double[][] box = { { 90, 180 }, { -90, -180 } };
		for (BuildingPlace b : all) {
			box[0][0] = Math.min(box[0][0], b.lat());
			box[0][1] = Math.min(box[0][1], b.lng());
			box[1][0] = Math.max(box[1][0], b.lat());
			box[1][1] = Math.max(box[1][1], b.lng());
		}
		return box;
	}

	private static List<ResidentSummary> residents(PeopleQueries people, DataScope scope) {
		Actor desk = new Actor(new UUID(0, 0), "demo", "走马梁社区", Set.of(Role.COMMUNITY_STAFF), scope);
		return people.search(desk, new ResidentSearch(null, null, null, null, null, null, null, false, 0,
				ResidentSearch.MAX_SIZE))
			.items()
			.stream()
			.filter(r -> r.age() >= 60)
			.sorted(Comparator.comparing(ResidentSummary::id))
			.toList();
	}
}
